//! Tickets as the API and the SPA see them, and the rules for opening one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::category::Answer;
use crate::error::{ApiError, FieldError};
use crate::lifecycle::Status;
use crate::message::Language;
use crate::priority::{PeopleAffected, Priority, WorkImpact};
use crate::validation::{self, TextRule};
use crate::workflow::{Rating, Resolution, TicketState};

pub const NAME: TextRule = TextRule { field: "name", label: "Name", max_chars: 100, multiline: false };
pub const TITLE: TextRule = TextRule { field: "title", label: "Title", max_chars: 150, multiline: false };
pub const DESCRIPTION: TextRule =
    TextRule { field: "description", label: "Description", max_chars: 5000, multiline: true };
pub const SYMPTOMS: TextRule =
    TextRule { field: "symptoms", label: "Symptoms", max_chars: 2000, multiline: true };
pub const SERVICE: TextRule =
    TextRule { field: "affected_service", label: "Affected service", max_chars: 150, multiline: false };

/// The length limit of a report field, for forms that explain a `too_long` error.
pub fn max_chars(field: &str) -> Option<usize> {
    match field {
        "email" => Some(validation::EMAIL_MAX_CHARS),
        "phone" => Some(validation::PHONE_MAX_CHARS),
        other => [NAME, TITLE, DESCRIPTION, SYMPTOMS, SERVICE]
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
    /// The reporter's guess; L1 decides in triage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TicketKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affected_service: Option<String>,
    /// Answers to the category's initial-diagnosis questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
    /// "How many people are affected?" (gives the impact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_affected: Option<PeopleAffected>,
    /// "Can you still work?" (gives the urgency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_impact: Option<WorkImpact>,
    /// How the ticket reached us; only staff logging a ticket may say other than portal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The language of the form the reporter used; mail to a reporter without an account
    /// is written in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// How a ticket reached the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Portal,
    Phone,
    Email,
    Alert,
}

impl Channel {
    pub const ALL: [Channel; 4] = [Channel::Portal, Channel::Phone, Channel::Email, Channel::Alert];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Portal => "portal",
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Alert => "alert",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|channel| channel.as_str() == text)
    }
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
    pub kind: TicketKind,
    pub affected_service: Option<String>,
    pub people_affected: Option<PeopleAffected>,
    pub work_impact: Option<WorkImpact>,
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
        let affected_service = collect(&mut errors, SERVICE.optional(self.affected_service.as_deref()));
        match (name, email, phone, title, description, symptoms, affected_service) {
            (
                Some(name),
                Some(email),
                Some(phone),
                Some(title),
                Some(description),
                Some(symptoms),
                Some(affected_service),
            ) => Ok(ValidTicket {
                name,
                email,
                title,
                description,
                phone,
                symptoms,
                kind: self.kind.unwrap_or(TicketKind::Incident),
                affected_service,
                people_affected: self.people_affected,
                work_impact: self.work_impact,
            }),
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
    pub channel: Channel,
    pub affected_service: Option<String>,
    pub answers: Vec<Answer>,
    /// Staff only: the whole working state (tier, assignee, impact, urgency, major…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<TicketState>,
    /// Staff only: incidents linked to this major incident.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked: Vec<TicketSummary>,
    /// Staff only: the monitoring alert that opened this incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert: Option<crate::alert::AlertInfo>,
    /// Staff only: the data-breach cases this ticket is linked to, by id. Their content is
    /// need-to-know; that they exist is not.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breach_cases: Vec<i64>,
}

impl Ticket {
    /// What the ticket's customer may see: the working state, linked tickets and alert removed.
    pub fn for_customer(self) -> Ticket {
        Ticket { work: None, linked: Vec::new(), alert: None, breach_cases: Vec::new(), ..self }
    }
}

/// An agent in the console's "assign to" list (`GET /api/agents`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentSummary {
    pub id: i64,
    pub name: String,
    pub tier: crate::auth::Tier,
    pub away: bool,
    pub open_tickets: i64,
}

/// One entry of a ticket's history as a reader sees it (customers get the public ones).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub id: i64,
    pub kind: crate::workflow::EventKind,
    pub actor: String,
    pub author: Author,
    pub at: DateTime<Utc>,
    pub public: bool,
    #[serde(flatten)]
    pub details: crate::workflow::EventDetails,
}

/// Who wrote a history entry: the conversation shows the customer's side and the desk's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    Customer,
    Staff,
    /// The desk itself (the sweep, automatic steps).
    System,
}

impl Author {
    pub fn parse(text: &str) -> Option<Author> {
        match text {
            "customer" => Some(Author::Customer),
            "staff" => Some(Author::Staff),
            "system" => Some(Author::System),
            _ => None,
        }
    }
}

/// The ticket page in one answer: the ticket, its history and its calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketView {
    pub ticket: Ticket,
    pub timeline: Vec<TimelineEntry>,
    pub calls: Vec<crate::call::Call>,
    /// The SLA clocks, for staff only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<crate::sla::TicketSla>,
    /// What the customer is promised, for the customer only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promise: Option<crate::sla::Promise>,
}

/// What a status link shows: no contact details, public history only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusView {
    pub ticket: PublicTicket,
    pub timeline: Vec<TimelineEntry>,
    pub calls: Vec<crate::call::Call>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promise: Option<crate::sla::Promise>,
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
    pub status: Status,
    pub title: String,
    pub reporter_name: String,
    pub reported_at: DateTime<Utc>,
    pub priority: Option<Priority>,
    pub tier: crate::auth::Tier,
    pub assignee: Option<String>,
    pub is_major: bool,
    /// The most urgent SLA clock (staff only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<crate::sla::SlaBadge>,
    /// The reporter's organisation, when they belong to one.
    #[serde(default)]
    pub organisation: Option<String>,
    pub updated_at: DateTime<Utc>,
    /// The latest public reply, as one line ([`crate::queue::preview`]).
    #[serde(default)]
    pub last_reply: Option<ReplyPreview>,
    /// Someone else changed the ticket since the caller last opened it (staff only).
    #[serde(default)]
    pub unread: bool,
}

/// The latest public reply of a ticket, for a list row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyPreview {
    pub text: String,
    /// The customer wrote it (the desk owes an answer), not an agent.
    pub from_customer: bool,
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
    pub status: Status,
    pub title: String,
    pub description: String,
    pub symptoms: Option<String>,
    pub reported_at: DateTime<Utc>,
    pub priority: Option<Priority>,
    pub category: Option<String>,
    pub resolution: Option<Resolution>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// Until when the customer may reopen a resolved ticket (it closes by itself then).
    pub closes_at: Option<DateTime<Utc>>,
    pub rating: Option<Rating>,
    /// The version a write must name (see `Command::needs_version`).
    pub version: i64,
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
            ..NewTicket::default()
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
