//! Request bodies are read strictly: a field the request type does not know is refused
//! rather than silently dropped, so a misspelt field never looks like a saved one.

use serde_json::Value;

/// The path of the first field in `sent` that the request type did not take, found by
/// comparing what was sent with the parsed request written back as JSON (`understood`).
/// Fields written back only when set count as taken when sent empty (null, false, [], {}).
pub fn unknown_field(sent: &Value, understood: &Value) -> Option<String> {
    fn walk(sent: &Value, understood: &Value, path: &str) -> Option<String> {
        let at = |key: &str| if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
        match (sent, understood) {
            (Value::Object(sent), Value::Object(understood)) => {
                sent.iter().find_map(|(key, value)| match understood.get(key) {
                    Some(known) => walk(value, known, &at(key)),
                    None if is_empty(value) => None,
                    None => Some(at(key)),
                })
            }
            (Value::Array(sent), Value::Array(understood)) if sent.len() == understood.len() => sent
                .iter()
                .zip(understood)
                .enumerate()
                .find_map(|(index, (value, known))| walk(value, known, &at(&index.to_string()))),
            _ => None,
        }
    }
    walk(sent, understood, "")
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    }
}

/// The field serde reported missing (`missing field `title``), so the answer can name it.
pub fn missing_field(serde_message: &str) -> Option<&str> {
    let rest = serde_message.strip_prefix("missing field `")?;
    rest.split_once('`').map(|(field, _)| field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_field_the_type_does_not_take_is_named() {
        let understood = json!({ "title": "Printer", "answers": [{ "question": "Floor?", "answer": "3" }] });
        assert_eq!(unknown_field(&json!({ "title": "Printer" }), &understood), None);
        assert_eq!(
            unknown_field(&json!({ "title": "Printer", "titel": "x" }), &understood),
            Some("titel".into())
        );
        let nested = json!({ "answers": [{ "question": "Floor?", "answer": "3", "extra": 1 }] });
        assert_eq!(unknown_field(&nested, &understood), Some("answers.0.extra".into()));
    }

    #[test]
    fn empty_values_of_fields_written_only_when_set_are_taken() {
        let understood = json!({ "title": "Printer" });
        let sent = json!({ "title": "Printer", "version": null, "ids": [], "urgent": false });
        assert_eq!(unknown_field(&sent, &understood), None);
    }

    #[test]
    fn serde_names_the_missing_field() {
        assert_eq!(missing_field("missing field `action` at line 1 column 2"), Some("action"));
        assert_eq!(missing_field("invalid type: integer `5`, expected a string"), None);
    }
}
