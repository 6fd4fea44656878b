//! Small, reusable checks for text that people type. Each returns the cleaned value or a
//! [`FieldError`] with a stable code, so a form and the API reject exactly the same input.

use crate::error::{ErrorCode, FieldError};

/// How a field's text is allowed to look.
#[derive(Debug, Clone, Copy)]
pub struct TextRule {
    pub field: &'static str,
    /// Human label used in the English message.
    pub label: &'static str,
    pub max_chars: usize,
    /// Single-line fields (names, titles) refuse line breaks and other control characters;
    /// multi-line fields (descriptions) allow newlines and tabs only.
    pub multiline: bool,
}

impl TextRule {
    fn error(&self, code: ErrorCode, message: String) -> FieldError {
        FieldError { field: self.field.to_string(), code, message }
    }

    /// A field that must be present: trimmed, non-empty, within limits.
    pub fn required(&self, value: &str) -> Result<String, FieldError> {
        match self.optional(Some(value))? {
            Some(text) => Ok(text),
            None => Err(self.error(ErrorCode::Required, format!("{} is required", self.label))),
        }
    }

    /// A field that may be left out; blank counts as absent.
    pub fn optional(&self, value: Option<&str>) -> Result<Option<String>, FieldError> {
        // Browsers submit textarea line breaks as CRLF; store one form of newline.
        let normalised = value.map(|text| text.replace("\r\n", "\n")).unwrap_or_default();
        let trimmed = normalised.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        let chars = trimmed.chars().count();
        if chars > self.max_chars {
            return Err(self.error(
                ErrorCode::TooLong,
                format!("{} must be at most {} characters (got {chars})", self.label, self.max_chars),
            ));
        }
        let allowed = |c: char| !c.is_control() || (self.multiline && matches!(c, '\n' | '\t'));
        if !trimmed.chars().all(allowed) {
            return Err(self.error(
                ErrorCode::InvalidCharacters,
                format!("{} contains characters that are not allowed", self.label),
            ));
        }
        Ok(Some(trimmed.to_string()))
    }
}

/// Longest address SMTP allows (RFC 5321 path limit less the angle brackets).
pub const EMAIL_MAX_CHARS: usize = 254;

/// A pragmatic email shape check: one `@`, a local part of at most 64 characters, and a
/// domain of dot-separated labels (letters, digits, hyphens; not starting or ending with a
/// hyphen) with at least one dot. Deliverability is proven by sending, not by parsing.
pub fn email(field: &'static str, value: &str) -> Result<String, FieldError> {
    let rule = TextRule { field, label: "Email", max_chars: EMAIL_MAX_CHARS, multiline: false };
    let address = rule.required(value)?;
    let invalid = || FieldError {
        field: field.to_string(),
        code: ErrorCode::InvalidEmail,
        message: "Enter an email address like name@example.com".to_string(),
    };
    let (local, domain) = address.split_once('@').ok_or_else(invalid)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if local_ok && domain_ok {
        Ok(address)
    } else {
        Err(invalid())
    }
}

pub const PHONE_MAX_CHARS: usize = 40;

/// Phone numbers as people write them: digits with spaces, `+`, `-`, `.`, `(` and `)`,
/// and at least six digits so a typo like "12" is caught.
pub fn optional_phone(field: &'static str, value: Option<&str>) -> Result<Option<String>, FieldError> {
    let rule = TextRule { field, label: "Phone", max_chars: PHONE_MAX_CHARS, multiline: false };
    let Some(phone) = rule.optional(value)? else { return Ok(None) };
    let shape_ok = phone.chars().all(|c| c.is_ascii_digit() || " +-.()".contains(c))
        && phone.chars().filter(char::is_ascii_digit).count() >= 6;
    if shape_ok {
        Ok(Some(phone))
    } else {
        Err(FieldError {
            field: field.to_string(),
            code: ErrorCode::InvalidPhone,
            message: "Enter a phone number with digits, spaces and + - ( ) only".to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLE: TextRule = TextRule { field: "title", label: "Title", max_chars: 5, multiline: false };
    const BODY: TextRule = TextRule { field: "body", label: "Body", max_chars: 50, multiline: true };

    #[test]
    fn required_text_is_trimmed_and_must_not_be_blank() {
        assert_eq!(TITLE.required("  abc ").unwrap(), "abc");
        assert_eq!(TITLE.required("   ").unwrap_err().code, ErrorCode::Required);
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        assert_eq!(TITLE.required("ææææø").unwrap(), "ææææø");
        let err = TITLE.required("abcdef").unwrap_err();
        assert_eq!(err.code, ErrorCode::TooLong);
        assert_eq!(err.field, "title");
    }

    #[test]
    fn single_line_fields_refuse_control_characters() {
        assert_eq!(TITLE.required("a\nb").unwrap_err().code, ErrorCode::InvalidCharacters);
        assert_eq!(TITLE.required("a\u{0}b").unwrap_err().code, ErrorCode::InvalidCharacters);
    }

    #[test]
    fn multi_line_fields_keep_newlines_and_normalise_crlf() {
        assert_eq!(BODY.required("one\r\ntwo\tthree").unwrap(), "one\ntwo\tthree");
        assert_eq!(BODY.required("bell\u{7}").unwrap_err().code, ErrorCode::InvalidCharacters);
    }

    #[test]
    fn optional_blank_is_absent() {
        assert_eq!(TITLE.optional(Some("  ")).unwrap(), None);
        assert_eq!(TITLE.optional(None).unwrap(), None);
    }

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in ["a@b.dk", "first.last+tag@sub.example.com", "x@bücher.de"] {
            assert!(email("email", ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in [
            "plain",
            "@example.com",
            "a@",
            "a@b",
            "a@@b.com",
            "a b@c.dk",
            "a@-b.dk",
            "a@b..dk",
            ".a@b.dk",
            "a..b@c.dk",
        ] {
            let err = email("email", bad).unwrap_err();
            assert!(
                matches!(err.code, ErrorCode::InvalidEmail | ErrorCode::InvalidCharacters),
                "{bad}: {err:?}"
            );
        }
        assert_eq!(email("email", "").unwrap_err().code, ErrorCode::Required);
    }

    #[test]
    fn phones_need_digits_and_plain_punctuation() {
        assert_eq!(
            optional_phone("phone", Some("+45 12 34 56 78")).unwrap().as_deref(),
            Some("+45 12 34 56 78")
        );
        assert_eq!(optional_phone("phone", Some("")).unwrap(), None);
        assert_eq!(optional_phone("phone", Some("call me")).unwrap_err().code, ErrorCode::InvalidPhone);
        assert_eq!(optional_phone("phone", Some("12")).unwrap_err().code, ErrorCode::InvalidPhone);
    }
}
