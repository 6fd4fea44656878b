//! Tickets as the API and the SPA see them, and the rules for opening one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, FieldError};
use crate::validation::{self, TextRule};

pub const NAME: TextRule = TextRule { field: "name", label: "Name", max_chars: 100, multiline: false };
pub const TITLE: TextRule = TextRule { field: "title", label: "Title", max_chars: 150, multiline: false };
pub const DESCRIPTION: TextRule =
    TextRule { field: "description", label: "Description", max_chars: 5000, multiline: true };
pub const SYMPTOMS: TextRule =
    TextRule { field: "symptoms", label: "Symptoms", max_chars: 2000, multiline: true };

/// The length limit of a report field, for forms that explain a `too_long` error.
pub fn max_chars(field: &str) -> Option<usize> {
    match field {
        "email" => Some(validation::EMAIL_MAX_CHARS),
        "phone" => Some(validation::PHONE_MAX_CHARS),
        other => [NAME, TITLE, DESCRIPTION, SYMPTOMS]
            .into_iter()
            .find(|rule| rule.field == other)
            .map(|rule| rule.max_chars),
    }
}

/// What a person submits on "Report a problem" (`POST /api/tickets`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTicket {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptoms: Option<String>,
}

/// A [`NewTicket`] that passed validation: trimmed, within limits, well-formed.
/// Only this type can be stored, so unchecked input never reaches the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTicket {
    pub name: String,
    pub email: String,
    pub title: String,
    pub description: String,
    pub phone: Option<String>,
    pub symptoms: Option<String>,
}

impl NewTicket {
    /// Checks every field and reports all problems at once, in form order.
    pub fn validate(&self) -> Result<ValidTicket, ApiError> {
        let mut errors: Vec<FieldError> = Vec::new();
        let name = collect(&mut errors, NAME.required(&self.name));
        let email = collect(&mut errors, validation::email("email", &self.email));
        let phone = collect(&mut errors, validation::optional_phone("phone", self.phone.as_deref()));
        let title = collect(&mut errors, TITLE.required(&self.title));
        let description = collect(&mut errors, DESCRIPTION.required(&self.description));
        let symptoms = collect(&mut errors, SYMPTOMS.optional(self.symptoms.as_deref()));
        match (name, email, phone, title, description, symptoms) {
            (Some(name), Some(email), Some(phone), Some(title), Some(description), Some(symptoms)) => {
                Ok(ValidTicket { name, email, title, description, phone, symptoms })
            }
            _ => Err(ApiError::from_field_errors(errors).expect("a failed field always records its error")),
        }
    }
}

/// Keeps a field's value, or files its error and carries on to the next field.
fn collect<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|error| errors.push(error)).ok()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketKind {
    Incident,
    Request,
}

impl TicketKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Incident => "incident",
            Self::Request => "request",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "incident" => Some(Self::Incident),
            "request" => Some(Self::Request),
            _ => None,
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Self::Incident => "INC",
            Self::Request => "REQ",
        }
    }
}

/// The number people quote on the phone: `INC-000042`. Derived from the row id, so it is
/// unique without a second counter; ids past 999,999 simply grow wider.
pub fn ticket_number(kind: TicketKind, id: i64) -> String {
    format!("{}-{:06}", kind.prefix(), id)
}

/// The full ticket (`GET /api/tickets/{id}`): its public face plus what only its owner
/// and staff see. Serialised flat, so clients see one object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: i64,
    #[serde(flatten)]
    pub public: PublicTicket,
    pub reporter: Reporter,
    /// Whether the reporter's status link still works (staff can revoke it).
    pub status_link_active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reporter {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
}

/// A row of the console list (`GET /api/tickets`): what a queue needs, nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub id: i64,
    pub number: String,
    pub kind: TicketKind,
    pub status: String,
    pub title: String,
    pub reporter_name: String,
    pub reported_at: DateTime<Utc>,
}

/// The answer to a successful `POST /api/tickets`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedTicket {
    pub id: i64,
    pub number: String,
    pub reported_at: DateTime<Utc>,
    /// The secret of the reporter's status link (`/status/{token}`). Shown once: only its
    /// hash is stored.
    pub status_token: String,
}

/// What a status link shows (`GET /api/status/{token}`): the ticket's public face, with no
/// contact details, because links get forwarded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicTicket {
    pub number: String,
    pub kind: TicketKind,
    pub status: String,
    pub title: String,
    pub description: String,
    pub symptoms: Option<String>,
    pub reported_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn valid() -> NewTicket {
        NewTicket {
            name: " Ada Lovelace ".into(),
            email: "ada@example.com".into(),
            title: "VPN drops every hour".into(),
            description: "Since Monday the VPN disconnects.\r\nReconnecting works.".into(),
            phone: Some("".into()),
            symptoms: None,
        }
    }

    #[test]
    fn a_complete_report_is_cleaned_up() {
        let ticket = valid().validate().unwrap();
        assert_eq!(ticket.name, "Ada Lovelace");
        assert_eq!(ticket.phone, None);
        assert_eq!(ticket.description, "Since Monday the VPN disconnects.\nReconnecting works.");
    }

    #[test]
    fn every_problem_is_reported_in_form_order() {
        let report = NewTicket { email: "nope".into(), phone: Some("x".into()), ..NewTicket::default() };
        let err = report.validate().unwrap_err();
        let fields: Vec<_> = err.errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("name", ErrorCode::Required),
                ("email", ErrorCode::InvalidEmail),
                ("phone", ErrorCode::InvalidPhone),
                ("title", ErrorCode::Required),
                ("description", ErrorCode::Required),
            ]
        );
        assert_eq!(err.field.as_deref(), Some("name"));
        assert_eq!(err.http_status(), 422);
    }

    #[test]
    fn limits_apply_to_every_text_field() {
        let long = |n| "x".repeat(n);
        let cases = [
            NewTicket { name: long(101), ..valid() },
            NewTicket { title: long(151), ..valid() },
            NewTicket { description: long(5001), ..valid() },
            NewTicket { symptoms: Some(long(2001)), ..valid() },
        ];
        for case in cases {
            assert_eq!(case.validate().unwrap_err().code, ErrorCode::TooLong);
        }
        assert!(NewTicket { description: long(5000), ..valid() }.validate().is_ok());
    }

    #[test]
    fn missing_json_fields_deserialise_as_blank_and_fail_validation() {
        let parsed: NewTicket = serde_json::from_str(r#"{"title":"t"}"#).unwrap();
        assert_eq!(parsed.validate().unwrap_err().field.as_deref(), Some("name"));
    }

    #[test]
    fn every_field_has_a_known_limit() {
        for field in ["name", "email", "phone", "title", "description", "symptoms"] {
            assert!(max_chars(field).is_some(), "{field}");
        }
        assert_eq!(max_chars("title"), Some(150));
        assert_eq!(max_chars("unknown"), None);
    }

    #[test]
    fn numbers_are_zero_padded_and_prefixed_by_kind() {
        assert_eq!(ticket_number(TicketKind::Incident, 42), "INC-000042");
        assert_eq!(ticket_number(TicketKind::Request, 7), "REQ-000007");
        assert_eq!(ticket_number(TicketKind::Incident, 1_234_567), "INC-1234567");
    }

    #[test]
    fn kinds_round_trip_through_storage_text() {
        for kind in [TicketKind::Incident, TicketKind::Request] {
            assert_eq!(TicketKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(TicketKind::parse("problem"), None);
    }
}
