//! Ids as the API names them. D1 binds numbers as JavaScript doubles, which hold whole
//! numbers exactly only up to 2^53 − 1, so nothing above that can name a stored row: such
//! input is refused as malformed instead of reaching the store.

use serde_json::Value;

/// The largest whole number a JavaScript number holds exactly.
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// An id written in a path, query or cursor: the digits of 1 ..= [`MAX_SAFE_INTEGER`].
pub fn parse_id(text: &str) -> Option<i64> {
    text.parse::<i64>().ok().filter(|id| (1..=MAX_SAFE_INTEGER).contains(id))
}

/// The path (`command.major_id`, `ids.3`) of the first number in a JSON body that no id,
/// version or count of this API can be: beyond ±[`MAX_SAFE_INTEGER`].
pub fn oversized_number(value: &Value) -> Option<String> {
    fn walk(value: &Value, path: &str) -> Option<String> {
        let at = |key: &str| if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
        match value {
            Value::Number(number) => {
                let fits = match (number.as_i64(), number.as_f64()) {
                    (Some(whole), _) => whole.unsigned_abs() <= MAX_SAFE_INTEGER as u64,
                    (None, Some(float)) => float.abs() <= MAX_SAFE_INTEGER as f64,
                    (None, None) => false,
                };
                (!fits).then(|| path.to_string())
            }
            Value::Array(items) => {
                items.iter().enumerate().find_map(|(index, item)| walk(item, &at(&index.to_string())))
            }
            Value::Object(fields) => fields.iter().find_map(|(key, item)| walk(item, &at(key))),
            _ => None,
        }
    }
    walk(value, "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_stop_where_javascript_numbers_stop_being_exact() {
        assert_eq!(parse_id("9007199254740991"), Some(MAX_SAFE_INTEGER));
        assert_eq!(parse_id("9007199254740992"), None);
        assert_eq!(parse_id("9223372036854775808"), None);
        assert_eq!(parse_id("0"), None);
        assert_eq!(parse_id("-4"), None);
        assert_eq!(parse_id("12abc"), None);
    }

    #[test]
    fn the_first_oversized_number_is_named_by_its_path() {
        assert_eq!(oversized_number(&json!({ "version": 3, "ids": [1, 2] })), None);
        assert_eq!(oversized_number(&json!({ "version": 9007199254740993_u64 })), Some("version".into()));
        assert_eq!(
            oversized_number(&json!({ "command": { "type": "link", "major_id": -9007199254740993_i64 } })),
            Some("command.major_id".into())
        );
        assert_eq!(oversized_number(&json!({ "ids": [1, 18446744073709551615_u64] })), Some("ids.1".into()));
        assert_eq!(oversized_number(&json!({ "score": 1e300 })), Some("score".into()));
        assert_eq!(oversized_number(&json!({ "text": "9007199254740993" })), None);
    }
}
