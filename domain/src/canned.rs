//! Canned replies: texts agents reuse, with placeholders filled from the ticket at hand.

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode};
use crate::validation::TextRule;

pub const TITLE: TextRule = TextRule { field: "title", label: "Title", max_chars: 80, multiline: false };
pub const BODY: TextRule = TextRule { field: "body", label: "Text", max_chars: 5000, multiline: true };
pub const MAX_REPLIES: usize = 50;

/// The placeholders a canned reply may use.
pub const PLACEHOLDERS: [&str; 4] = ["{customer_name}", "{ticket_number}", "{ticket_title}", "{agent_name}"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedReply {
    pub title: String,
    pub body: String,
}

/// The desk's canned replies and the version an edit must name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CannedReplies {
    pub replies: Vec<CannedReply>,
    #[serde(default)]
    pub version: i64,
}

impl CannedReplies {
    pub fn validate(&self) -> Result<CannedReplies, ApiError> {
        if self.replies.len() > MAX_REPLIES {
            return Err(ApiError::new(
                ErrorCode::InvalidValue,
                format!("At most {MAX_REPLIES} canned replies"),
            )
            .with_field("replies"));
        }
        let replies = self
            .replies
            .iter()
            .map(|reply| {
                Ok(CannedReply { title: TITLE.required(&reply.title)?, body: BODY.required(&reply.body)? })
            })
            .collect::<Result<Vec<_>, ApiError>>()?;
        Ok(CannedReplies { replies, version: self.version })
    }
}

/// What the placeholders stand for on one ticket.
pub struct Values<'a> {
    pub customer_name: &'a str,
    pub ticket_number: &'a str,
    pub ticket_title: &'a str,
    pub agent_name: &'a str,
}

/// Fills the known placeholders in one pass, so text inside a value (a customer named
/// "{agent_name}") is never expanded again; unknown braces stay as typed.
pub fn fill(template: &str, values: &Values) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        filled.push_str(&rest[..start]);
        let tail = &rest[start..];
        let replacement =
            PLACEHOLDERS.iter().find(|placeholder| tail.starts_with(*placeholder)).map(|placeholder| {
                let value = match *placeholder {
                    "{customer_name}" => values.customer_name,
                    "{ticket_number}" => values.ticket_number,
                    "{ticket_title}" => values.ticket_title,
                    _ => values.agent_name,
                };
                (placeholder.len(), value)
            });
        match replacement {
            Some((length, value)) => {
                filled.push_str(value);
                rest = &tail[length..];
            }
            None => {
                filled.push('{');
                rest = &tail[1..];
            }
        }
    }
    filled.push_str(rest);
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALUES: Values = Values {
        customer_name: "{agent_name} Ada",
        ticket_number: "INC-000042",
        ticket_title: "VPN",
        agent_name: "Lars",
    };

    #[test]
    fn placeholders_are_filled_once_and_unknown_ones_kept() {
        let text = fill(
            "Hi {customer_name}, about {ticket_number} ({ticket_title}): {unknown} {agent_name}{",
            &VALUES,
        );
        assert_eq!(text, "Hi {agent_name} Ada, about INC-000042 (VPN): {unknown} Lars{");
        assert_eq!(fill("no placeholders", &VALUES), "no placeholders");
        assert_eq!(fill("æ{ticket_number}ø", &VALUES), "æINC-000042ø");
    }

    #[test]
    fn replies_need_a_title_and_a_text() {
        let list =
            CannedReplies { replies: vec![CannedReply { title: " ".into(), body: "x".into() }], version: 0 };
        assert_eq!(list.validate().unwrap_err().code, ErrorCode::Required);
        let many = CannedReplies {
            replies: vec![CannedReply { title: "t".into(), body: "b".into() }; 51],
            version: 0,
        };
        assert_eq!(many.validate().unwrap_err().code, ErrorCode::InvalidValue);
    }
}
