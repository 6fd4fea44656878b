//! Signed webhooks: admins subscribe URLs to what happens on the desk; deliveries follow the
//! Standard Webhooks convention (`webhook-id`, `webhook-timestamp`, `webhook-signature:
//! v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, `whsec_` secrets). Pure: what a step
//! announces, which targets are refused, how a delivery is signed and what an attempt's
//! answer means. The Worker computes the HMAC (WebCrypto) and sends.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::base64::{base64, decode};
use crate::error::{ApiError, ErrorCode, FieldError};
use crate::validation::TextRule;
use crate::workflow::{EventKind, NewEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WebhookEvent {
    #[serde(rename = "ticket.created")]
    TicketCreated,
    /// Any step on a ticket (notes included, without their text).
    #[serde(rename = "ticket.updated")]
    TicketUpdated,
    #[serde(rename = "ticket.resolved")]
    TicketResolved,
    #[serde(rename = "ticket.closed")]
    TicketClosed,
    /// A public reply, by the desk or the customer (never an internal note).
    #[serde(rename = "reply.added")]
    ReplyAdded,
    #[serde(rename = "sla.warning")]
    SlaWarning,
    #[serde(rename = "sla.breach")]
    SlaBreach,
    #[serde(rename = "alert.received")]
    AlertReceived,
}

impl WebhookEvent {
    pub const ALL: [WebhookEvent; 8] = [
        WebhookEvent::TicketCreated,
        WebhookEvent::TicketUpdated,
        WebhookEvent::TicketResolved,
        WebhookEvent::TicketClosed,
        WebhookEvent::ReplyAdded,
        WebhookEvent::SlaWarning,
        WebhookEvent::SlaBreach,
        WebhookEvent::AlertReceived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WebhookEvent::TicketCreated => "ticket.created",
            WebhookEvent::TicketUpdated => "ticket.updated",
            WebhookEvent::TicketResolved => "ticket.resolved",
            WebhookEvent::TicketClosed => "ticket.closed",
            WebhookEvent::ReplyAdded => "reply.added",
            WebhookEvent::SlaWarning => "sla.warning",
            WebhookEvent::SlaBreach => "sla.breach",
            WebhookEvent::AlertReceived => "alert.received",
        }
    }
}

/// What one process step announces, each with what joins the ticket in the payload's
/// `data`: always an update (naming the step, never a note's text), and what the step was.
pub fn step_events(event: &NewEvent, by_staff: bool) -> Vec<(WebhookEvent, Value)> {
    let mut events = vec![(WebhookEvent::TicketUpdated, json!({ "event": event.kind.as_str() }))];
    let text = event.details.text.as_deref().unwrap_or_default();
    match event.kind {
        EventKind::Resolved => {
            events.push((WebhookEvent::TicketResolved, json!({ "resolution_notes": text })))
        }
        EventKind::Confirmed => events.push((WebhookEvent::TicketClosed, json!({}))),
        EventKind::Reply => {
            let author = if by_staff { "staff" } else { "customer" };
            events.push((WebhookEvent::ReplyAdded, json!({ "reply": { "text": text, "author": author } })));
        }
        _ => {}
    }
    events
}

/// What an SLA sweep's warning or breach event announces.
pub fn sla_event(event: &NewEvent) -> Option<(WebhookEvent, Value)> {
    let kind = match event.kind {
        EventKind::SlaWarning => WebhookEvent::SlaWarning,
        EventKind::SlaBreached => WebhookEvent::SlaBreach,
        _ => return None,
    };
    Some((kind, json!({ "sla": event.details.sla })))
}

const URL: TextRule = TextRule { field: "url", label: "URL", max_chars: 2048, multiline: false };
const DESCRIPTION: TextRule =
    TextRule { field: "description", label: "Description", max_chars: 200, multiline: false };

/// `POST /api/admin/webhooks`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub events: Vec<WebhookEvent>,
    #[serde(default)]
    pub description: String,
}

/// A subscription as checked: where, what, and a note for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidWebhook {
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub description: String,
}

impl NewWebhook {
    /// `allow_private`: development, where the receiver runs on this machine.
    pub fn validate(&self, allow_private: bool) -> Result<ValidWebhook, ApiError> {
        let url = URL.required(&self.url).map_err(ApiError::from)?;
        target(&url, allow_private).map_err(ApiError::from)?;
        let description =
            DESCRIPTION.optional(Some(&self.description)).map_err(ApiError::from)?.unwrap_or_default();
        if self.events.is_empty() {
            return Err(no_events());
        }
        let mut events = Vec::new();
        for event in &self.events {
            if !events.contains(event) {
                events.push(*event);
            }
        }
        Ok(ValidWebhook { url, events, description })
    }
}

fn refused(message: &str) -> FieldError {
    FieldError { field: "url".to_string(), code: ErrorCode::InvalidValue, message: message.to_string() }
}

/// Refuses what is not an `https` URL on a public host: a webhook must not let someone who
/// may configure the desk make the Worker call into a private network (or itself).
/// `http` and private hosts are allowed in development only.
pub fn target(url: &str, allow_private: bool) -> Result<(), FieldError> {
    let (scheme, rest) =
        url.split_once("://").ok_or_else(|| refused("A webhook URL starts with https://"))?;
    let plain_allowed = allow_private && scheme.eq_ignore_ascii_case("http");
    if !(scheme.eq_ignore_ascii_case("https") || plain_allowed) {
        return Err(refused("A webhook URL starts with https://"));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(refused("A webhook URL may not carry a user name or password"));
    }
    let host = match authority.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => authority.rsplit_once(':').map_or(authority, |(host, _)| host),
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(refused("A webhook URL names a host"));
    }
    if allow_private {
        return Ok(());
    }
    let single_label = !host.contains('.') && host.parse::<IpAddr>().is_err();
    let private_name = host == "localhost"
        || [".localhost", ".local", ".internal", ".home.arpa"].iter().any(|suffix| host.ends_with(suffix))
        || single_label;
    let private_address = match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => private_v4(v4),
        Ok(IpAddr::V6(v6)) => private_v6(v6),
        // Other spellings of addresses (`127.1`, `0x7f.0.0.1`): no top-level domain is a number.
        Err(_) => {
            host.rsplit('.').next().is_some_and(|last| last.chars().all(|c| c.is_ascii_digit()))
                || host.split('.').any(|label| label.starts_with("0x"))
        }
    };
    if private_name || private_address {
        return Err(refused("A webhook may not point at a private, loopback or link-local address"));
    }
    Ok(())
}

fn private_v4(address: Ipv4Addr) -> bool {
    let [a, b, ..] = address.octets();
    address.is_private()
        || address.is_loopback()
        || address.is_link_local()
        || address.is_unspecified()
        || address.is_broadcast()
        || address.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || a >= 224
}

fn private_v6(address: Ipv6Addr) -> bool {
    if let Some(v4) = address.to_ipv4_mapped() {
        return private_v4(v4);
    }
    let first = address.segments()[0];
    address.is_loopback()
        || address.is_unspecified()
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
        || (first & 0xff00) == 0xff00
}

/// A new signing secret from 24 random bytes: `whsec_` and their base64.
pub fn secret(random: &[u8]) -> String {
    format!("whsec_{}", base64(random))
}

/// The HMAC key a `whsec_` secret stands for.
pub fn secret_key(secret: &str) -> Option<Vec<u8>> {
    decode(secret.strip_prefix("whsec_")?)
}

/// What is signed: `{webhook-id}.{webhook-timestamp}.{body}`.
pub fn signed_content(id: &str, timestamp: i64, body: &str) -> String {
    format!("{id}.{timestamp}.{body}")
}

/// The `webhook-signature` header for an HMAC-SHA256 `mac`.
pub fn signature(mac: &[u8]) -> String {
    format!("v1,{}", base64(mac))
}

/// Attempts a delivery gets before it is given up: now, then after 1 and 5 minutes, half
/// an hour, 2, 5 and 10 hours (about 18 hours in all).
pub const ATTEMPTS: i64 = 7;
const DELAYS_MINUTES: [i64; 6] = [1, 5, 30, 120, 300, 600];

/// A subscription failing this long without one success is stopped.
pub const STOP_AFTER_FAILING: Duration = Duration::days(3);

/// The longest answer kept with a delivery, for admins to read.
pub const RESPONSE_CHARS: usize = 500;

/// What one attempt's answer means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    Delivered,
    /// Try again at this time.
    Retry(DateTime<Utc>),
    /// No more attempts for this delivery.
    GaveUp,
    /// 410 Gone: the receiver asks never to be called again; the subscription stops.
    Gone,
}

/// `status` is the receiver's HTTP status (`None`: no answer); `attempts` counts this one.
pub fn after_attempt(status: Option<u16>, attempts: i64, now: DateTime<Utc>) -> Attempt {
    match status {
        Some(200..=299) => Attempt::Delivered,
        Some(410) => Attempt::Gone,
        _ if attempts >= ATTEMPTS => Attempt::GaveUp,
        _ => {
            let index = (attempts.max(1) - 1) as usize;
            Attempt::Retry(now + Duration::minutes(DELAYS_MINUTES[index.min(DELAYS_MINUTES.len() - 1)]))
        }
    }
}

/// Whether a subscription that has failed since `failing_since` without a success is stopped.
pub fn stops(failing_since: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - failing_since >= STOP_AFTER_FAILING
}

/// Why a subscription stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stopped {
    /// The receiver answered 410 Gone.
    Gone,
    /// Every attempt failed for [`STOP_AFTER_FAILING`].
    Failing,
}

impl Stopped {
    pub fn as_str(self) -> &'static str {
        match self {
            Stopped::Gone => "gone",
            Stopped::Failing => "failing",
        }
    }

    pub fn parse(text: &str) -> Option<Stopped> {
        [Stopped::Gone, Stopped::Failing].into_iter().find(|stopped| stopped.as_str() == text)
    }
}

/// A subscription, as admins see it (never its secret, which is shown once).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub description: String,
    pub active: bool,
    pub stopped: Option<Stopped>,
    /// Since when every attempt has failed, if the latest did.
    pub failing_since: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub version: i64,
}

/// `POST /api/admin/webhooks`' answer: the subscription and its secret, this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedWebhook {
    pub webhook: Webhook,
    pub secret: String,
}

/// `PATCH /api/admin/webhooks/{id}`: start or stop it, change what it hears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookChange {
    pub version: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<WebhookEvent>>,
}

impl WebhookChange {
    /// A subscription hears at least one event.
    pub fn validate(&self) -> Result<(), ApiError> {
        match &self.events {
            Some(events) if events.is_empty() => Err(no_events()),
            _ => Ok(()),
        }
    }
}

fn no_events() -> ApiError {
    ApiError::new(ErrorCode::Required, "Choose at least one event").with_field("events")
}

/// One delivery, as admins see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub id: i64,
    /// The `webhook-id` header: the same on every retry and replay of this message.
    pub message_id: String,
    pub event: WebhookEvent,
    pub ticket_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub attempts: i64,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub gave_up_at: Option<DateTime<Utc>>,
    pub last_status: Option<i64>,
    /// The start of the receiver's answer, or why there was none.
    pub last_response: Option<String>,
    pub payload: String,
}

#[cfg(test)]
mod tests;
