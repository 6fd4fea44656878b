//! Keyset pagination for lists that are read newest first.
//!
//! The cursor is the id of the last row a page returned; the next page starts strictly
//! below it. Unlike OFFSET, this costs the same on page 1 and page 1,000 and never skips or
//! repeats a row when new tickets arrive between requests.

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode};

pub const DEFAULT_LIMIT: u32 = 25;
pub const MAX_LIMIT: u32 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub limit: u32,
    /// Only rows with an id below this one.
    pub before_id: Option<i64>,
}

impl Default for PageRequest {
    fn default() -> Self {
        Self { limit: DEFAULT_LIMIT, before_id: None }
    }
}

impl PageRequest {
    /// Reads `limit` and `cursor` from a raw query string (`limit=50&cursor=123`).
    /// Unknown parameters are ignored; malformed known ones are refused, not guessed.
    pub fn from_query(query: &str) -> Result<Self, ApiError> {
        let mut request = Self::default();
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                "limit" => {
                    request.limit =
                        value.parse::<u32>().ok().filter(|n| (1..=MAX_LIMIT).contains(n)).ok_or_else(
                            || {
                                field_error(
                                    ErrorCode::InvalidLimit,
                                    "limit",
                                    format!("limit must be a whole number from 1 to {MAX_LIMIT}"),
                                )
                            },
                        )?;
                }
                "cursor" if value.is_empty() => request.before_id = None,
                "cursor" => {
                    request.before_id = Some(crate::id::parse_id(&value).ok_or_else(|| {
                        field_error(
                            ErrorCode::InvalidCursor,
                            "cursor",
                            "cursor is not one this API handed out".to_string(),
                        )
                    })?);
                }
                _ => {}
            }
        }
        Ok(request)
    }

    /// How many rows to fetch: one more than asked tells whether another page exists.
    pub fn fetch_limit(&self) -> u32 {
        self.limit + 1
    }
}

fn field_error(code: ErrorCode, field: &str, message: String) -> ApiError {
    ApiError { field: Some(field.to_string()), ..ApiError::new(code, message) }
}

/// One page of a list plus the cursor for the next, absent on the last page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Builds a page from up to `fetch_limit()` rows, newest first.
    pub fn from_rows(mut rows: Vec<T>, request: PageRequest, id_of: impl Fn(&T) -> i64) -> Self {
        let limit = request.limit as usize;
        let has_more = rows.len() > limit;
        rows.truncate(limit);
        let next_cursor = if has_more { rows.last().map(|row| id_of(row).to_string()) } else { None };
        Self { items: rows, next_cursor }
    }
}

/// `application/x-www-form-urlencoded` pairs, percent- and plus-decoded.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.trim_start_matches('?').split('&').filter(|pair| !pair.is_empty()).map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(key), percent_decode(value))
    })
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_without_parameters() {
        assert_eq!(PageRequest::from_query("").unwrap(), PageRequest::default());
        assert_eq!(PageRequest::from_query("?other=1").unwrap(), PageRequest::default());
    }

    #[test]
    fn reads_limit_and_cursor() {
        let request = PageRequest::from_query("limit=50&cursor=123").unwrap();
        assert_eq!(request, PageRequest { limit: 50, before_id: Some(123) });
        assert_eq!(request.fetch_limit(), 51);
        assert_eq!(PageRequest::from_query("cursor=").unwrap().before_id, None);
    }

    #[test]
    fn refuses_limits_outside_one_to_one_hundred() {
        for bad in ["limit=0", "limit=101", "limit=-1", "limit=ten", "limit="] {
            let err = PageRequest::from_query(bad).unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidLimit, "{bad}");
            assert_eq!(err.http_status(), 400);
        }
        assert_eq!(PageRequest::from_query("limit=100").unwrap().limit, 100);
    }

    #[test]
    fn refuses_cursors_it_did_not_issue() {
        for bad in ["cursor=abc", "cursor=0", "cursor=-5", "cursor=1.5"] {
            assert_eq!(PageRequest::from_query(bad).unwrap_err().code, ErrorCode::InvalidCursor, "{bad}");
        }
    }

    #[test]
    fn a_full_extra_row_means_another_page() {
        let request = PageRequest { limit: 2, before_id: None };
        let page = Page::from_rows(vec![9, 8, 7], request, |id| *id);
        assert_eq!(page.items, vec![9, 8]);
        assert_eq!(page.next_cursor.as_deref(), Some("8"));
        let last = Page::from_rows(vec![7], request, |id| *id);
        assert_eq!(last.next_cursor, None);
    }

    #[test]
    fn decodes_percent_and_plus() {
        let pairs: Vec<_> = query_pairs("a=1%202&b=x+y&c=%zz&d=%4").collect();
        assert_eq!(
            pairs,
            vec![
                ("a".into(), "1 2".into()),
                ("b".into(), "x y".into()),
                ("c".into(), "%zz".into()),
                ("d".into(), "%4".into())
            ]
        );
    }
}
