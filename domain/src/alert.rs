//! Monitoring alerts: the two shapes monitoring systems send (PagerDuty Events API v2 and
//! Prometheus Alertmanager's webhook, version 4) read into one [`Signal`], and what a
//! signal does to the desk ([`route`]). Pure: the Worker brings the stored alert and the clock.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{ApiError, ErrorCode};
use crate::lifecycle::Status;
use crate::message::Message;
use crate::priority::Priority;
use crate::ticket::TITLE;
use crate::workflow::{Audience, Notice};

/// PagerDuty's limits, which senders already respect.
pub const MAX_DEDUP_KEY_CHARS: usize = 255;
pub const MAX_SUMMARY_CHARS: usize = 1024;
const MAX_NAME_CHARS: usize = 255;
/// Alertmanager groups alerts; a group larger than this is refused whole (413-like, but a
/// 422 naming the field) so one request cannot open hundreds of tickets.
pub const MAX_ALERTS_PER_REQUEST: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertAction {
    Trigger,
    Acknowledge,
    Resolve,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Critical,
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::Critical, Severity::Error, Severity::Warning, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// PagerDuty's four names, exactly.
    fn parse(text: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|severity| severity.as_str() == text)
    }

    /// Alertmanager's `severity` label is free text; the common spellings map, anything
    /// else (or none) counts as a warning: worth a ticket, not a page.
    fn from_label(label: Option<&str>) -> Severity {
        match label.map(str::to_ascii_lowercase).as_deref() {
            Some("critical" | "page" | "fatal" | "emergency" | "alert") => Severity::Critical,
            Some("error" | "major" | "high") => Severity::Error,
            Some("info" | "informational" | "none" | "low") => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

/// How alerts become tickets, as admins set it (`/api/admin/alerts/settings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertPolicy {
    /// The priority of an incident by its alert's severity (a P1 goes straight to L3).
    pub priorities: SeverityPriorities,
    /// A trigger this many minutes after its alert was resolved reopens that incident
    /// instead of opening another (a flapping check makes one ticket, not fifty); 0 never.
    pub reopen_within_minutes: i64,
    /// This many incidents opened by alerts for one service within `storm_within_minutes`
    /// are one problem: a major incident, with the others linked to it.
    pub storm_incidents: usize,
    pub storm_within_minutes: i64,
    /// The least severe alert that tells customers who reported on its service; `None`: never.
    pub tell_customers_from: Option<Severity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeverityPriorities {
    pub critical: Priority,
    pub error: Priority,
    pub warning: Priority,
    pub info: Priority,
}

impl SeverityPriorities {
    pub fn get(&self, severity: Severity) -> Priority {
        match severity {
            Severity::Critical => self.critical,
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    pub fn set(&mut self, severity: Severity, priority: Priority) {
        match severity {
            Severity::Critical => self.critical = priority,
            Severity::Error => self.error = priority,
            Severity::Warning => self.warning = priority,
            Severity::Info => self.info = priority,
        }
    }
}

impl Default for AlertPolicy {
    fn default() -> Self {
        AlertPolicy {
            priorities: SeverityPriorities {
                critical: Priority::P1,
                error: Priority::P2,
                warning: Priority::P3,
                info: Priority::P4,
            },
            reopen_within_minutes: 30,
            storm_incidents: 5,
            storm_within_minutes: 10,
            tell_customers_from: Some(Severity::Error),
        }
    }
}

/// The bounds admins may set.
pub const REOPEN_WITHIN_MINUTES: std::ops::RangeInclusive<i64> = 0..=24 * 60;
pub const STORM_INCIDENTS: std::ops::RangeInclusive<usize> = 2..=100;
pub const STORM_WITHIN_MINUTES: std::ops::RangeInclusive<i64> = 1..=24 * 60;

fn validate_reopen_within(minutes: i64) -> Result<(), ApiError> {
    if !REOPEN_WITHIN_MINUTES.contains(&minutes) {
        return Err(invalid_value("reopen_within_minutes", "Reopen within 0 to 1440 minutes"));
    }
    Ok(())
}

impl AlertPolicy {
    pub fn validate(&self) -> Result<(), ApiError> {
        validate_reopen_within(self.reopen_within_minutes)?;
        if !STORM_INCIDENTS.contains(&self.storm_incidents) {
            return Err(invalid_value("storm_incidents", "A storm is 2 to 100 incidents"));
        }
        if !STORM_WITHIN_MINUTES.contains(&self.storm_within_minutes) {
            return Err(invalid_value("storm_within_minutes", "A storm's window is 1 to 1440 minutes"));
        }
        Ok(())
    }

    /// The incident's priority for an alert this severe.
    pub fn priority(&self, severity: Severity) -> Priority {
        self.priorities.get(severity)
    }

    /// Whether an alert this severe tells customers who reported on its service.
    pub fn tells_customers(&self, severity: Severity) -> bool {
        self.tell_customers_from.is_some_and(|least| severity <= least)
    }

    pub fn reopen_within(&self) -> Duration {
        Duration::minutes(self.reopen_within_minutes)
    }

    pub fn storm_within(&self) -> Duration {
        Duration::minutes(self.storm_within_minutes)
    }

    /// The policy an integration works under: its own priorities and reopen window where it
    /// has them, the desk's storm and customer settings always (a storm is one service's,
    /// whichever integrations report it).
    pub fn for_integration(self, own: Option<&IntegrationPolicy>) -> AlertPolicy {
        match own {
            Some(own) => AlertPolicy {
                priorities: own.priorities,
                reopen_within_minutes: own.reopen_within_minutes,
                ..self
            },
            None => self,
        }
    }
}

/// What one integration (an API token with `alerts:write`) may set for itself, because
/// monitoring systems disagree on what their severities mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntegrationPolicy {
    pub priorities: SeverityPriorities,
    pub reopen_within_minutes: i64,
}

impl IntegrationPolicy {
    pub fn validate(&self) -> Result<(), ApiError> {
        validate_reopen_within(self.reopen_within_minutes)
    }
}

impl From<&AlertPolicy> for IntegrationPolicy {
    fn from(policy: &AlertPolicy) -> Self {
        IntegrationPolicy {
            priorities: policy.priorities,
            reopen_within_minutes: policy.reopen_within_minutes,
        }
    }
}

/// An integration's own settings (`None`: it follows the desk's) and their version, as admins
/// read and save them (`/api/admin/alerts/integrations/{token_id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedIntegrationPolicy {
    pub policy: Option<IntegrationPolicy>,
    pub version: i64,
}

/// A monitoring integration as the Monitoring page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Integration {
    /// The API token it sends with.
    pub token_id: i64,
    pub name: String,
    pub last_used_at: Option<DateTime<Utc>>,
    /// Incidents its alerts opened, ever.
    pub incidents: i64,
    #[serde(flatten)]
    pub settings: SavedIntegrationPolicy,
}

/// The alert policy with its version, as admins read and save it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAlertPolicy {
    #[serde(flatten)]
    pub policy: AlertPolicy,
    pub version: i64,
}

/// One alert event, whichever shape it came in.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    /// Repeats of one problem carry the same key (PagerDuty's `dedup_key`, Alertmanager's
    /// `fingerprint`).
    pub dedup_key: String,
    pub action: AlertAction,
    pub summary: String,
    pub severity: Severity,
    pub source: Option<String>,
    /// The affected service, when the sender names one.
    pub component: Option<String>,
    pub group: Option<String>,
    pub class: Option<String>,
    /// Everything else the sender said, kept as sent.
    pub details: Value,
}

impl Signal {
    /// What an `alert.received` webhook says of it: the facts, what it became, and which
    /// integration sent it (the sender's own details stay on the incident).
    pub fn announcement(&self, integration: &str, outcome: Outcome, ticket_id: Option<i64>) -> Value {
        serde_json::json!({
            "integration": integration,
            "dedup_key": self.dedup_key,
            "action": self.action,
            "severity": self.severity,
            "summary": self.summary,
            "source": self.source,
            "component": self.component,
            "outcome": outcome,
            "ticket_id": ticket_id,
        })
    }

    /// The incident's title: the summary, cut to what a title holds.
    pub fn title(&self) -> String {
        let summary = self.summary.split_whitespace().collect::<Vec<_>>().join(" ");
        if summary.chars().count() <= TITLE.max_chars {
            return summary;
        }
        let cut: String = summary.chars().take(TITLE.max_chars - 1).collect();
        format!("{}…", cut.trim_end())
    }

    /// The incident's description: the summary and whatever details the sender added, as
    /// sent. The structured facts (severity, source, service) travel as values and are
    /// worded by whoever shows them, in the reader's language.
    pub fn description(&self) -> String {
        if self.details.is_null() {
            return self.summary.clone();
        }
        let details = serde_json::to_string_pretty(&self.details).unwrap_or_default();
        format!("{}\n\n{details}", self.summary)
    }
}

/// Reads a request body in either shape. `generated_key` is the dedup key a PagerDuty
/// trigger without one gets (PagerDuty makes one up too, and answers with it).
pub fn read(body: &Value, generated_key: &str) -> Result<Vec<Signal>, ApiError> {
    let object = body.as_object().ok_or_else(|| invalid_json("", "expected a JSON object"))?;
    if object.contains_key("alerts") || object.contains_key("groupKey") {
        read_alertmanager(body)
    } else if object.contains_key("event_action") || object.contains_key("routing_key") {
        read_pagerduty(body, generated_key).map(|signal| vec![signal])
    } else {
        Err(ApiError::new(
            ErrorCode::Required,
            "event_action is required (a PagerDuty Events API v2 event), or send an Alertmanager webhook",
        )
        .with_field("event_action"))
    }
}

/// The integration key a PagerDuty-style sender puts in its body, where it has nowhere else
/// to put a credential.
pub fn routing_key(body: &Value) -> Option<&str> {
    body.get("routing_key").and_then(Value::as_str)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PagerDutyEvent {
    /// Required by PagerDuty's schema; it is the credential, read by the Worker before this.
    #[allow(dead_code)]
    routing_key: String,
    event_action: String,
    dedup_key: Option<String>,
    payload: Option<Value>,
    // Accepted as PagerDuty documents them; the desk has no use for them.
    #[allow(dead_code)]
    client: Option<String>,
    #[allow(dead_code)]
    client_url: Option<String>,
    #[allow(dead_code)]
    images: Option<Value>,
    #[allow(dead_code)]
    links: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PagerDutyPayload {
    summary: String,
    source: String,
    severity: String,
    #[allow(dead_code)]
    timestamp: Option<String>,
    component: Option<String>,
    group: Option<String>,
    class: Option<String>,
    custom_details: Option<Value>,
}

fn read_pagerduty(body: &Value, generated_key: &str) -> Result<Signal, ApiError> {
    let event: PagerDutyEvent = typed(body, "")?;
    let action = match event.event_action.as_str() {
        "trigger" => AlertAction::Trigger,
        "acknowledge" => AlertAction::Acknowledge,
        "resolve" => AlertAction::Resolve,
        _ => return Err(invalid_value("event_action", "event_action is trigger, acknowledge or resolve")),
    };
    let dedup_key = match (event.dedup_key, action) {
        (Some(key), _) => bounded("dedup_key", key, MAX_DEDUP_KEY_CHARS)?,
        (None, AlertAction::Trigger) => generated_key.to_string(),
        (None, _) => {
            return Err(ApiError::new(ErrorCode::Required, "dedup_key is required to acknowledge or resolve")
                .with_field("dedup_key"))
        }
    };
    let Some(payload) = event.payload else {
        if action == AlertAction::Trigger {
            return Err(
                ApiError::new(ErrorCode::Required, "payload is required to trigger").with_field("payload")
            );
        }
        return Ok(Signal {
            dedup_key,
            action,
            summary: String::new(),
            severity: Severity::Info,
            source: None,
            component: None,
            group: None,
            class: None,
            details: Value::Null,
        });
    };
    let payload: PagerDutyPayload = typed(&payload, "payload")?;
    let severity = Severity::parse(&payload.severity).ok_or_else(|| {
        invalid_value("payload.severity", "payload.severity is critical, error, warning or info")
    })?;
    Ok(Signal {
        dedup_key,
        action,
        summary: required_text("payload.summary", payload.summary, MAX_SUMMARY_CHARS)?,
        severity,
        source: Some(required_text("payload.source", payload.source, MAX_NAME_CHARS)?),
        component: optional_text("payload.component", payload.component)?,
        group: optional_text("payload.group", payload.group)?,
        class: optional_text("payload.class", payload.class)?,
        details: payload.custom_details.unwrap_or(Value::Null),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct AlertmanagerWebhook {
    version: String,
    #[allow(dead_code)]
    group_key: String,
    #[allow(dead_code)]
    truncated_alerts: Option<u64>,
    #[allow(dead_code)]
    status: String,
    #[allow(dead_code)]
    receiver: Option<String>,
    #[allow(dead_code)]
    group_labels: Option<Value>,
    #[allow(dead_code)]
    common_labels: Option<Value>,
    #[allow(dead_code)]
    common_annotations: Option<Value>,
    #[serde(rename = "externalURL")]
    #[allow(dead_code)]
    external_url: Option<String>,
    alerts: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct AlertmanagerAlert {
    status: String,
    labels: BTreeMap<String, String>,
    #[serde(default)]
    annotations: BTreeMap<String, String>,
    starts_at: Option<String>,
    ends_at: Option<String>,
    #[serde(rename = "generatorURL")]
    generator_url: Option<String>,
    fingerprint: Option<String>,
}

fn read_alertmanager(body: &Value) -> Result<Vec<Signal>, ApiError> {
    let webhook: AlertmanagerWebhook = typed(body, "")?;
    if webhook.version != "4" {
        return Err(invalid_value("version", "Only version 4 of Alertmanager's webhook is understood"));
    }
    if webhook.alerts.len() > MAX_ALERTS_PER_REQUEST {
        return Err(invalid_value(
            "alerts",
            &format!("At most {MAX_ALERTS_PER_REQUEST} alerts per request (set max_alerts in Alertmanager)"),
        ));
    }
    let mut signals = Vec::with_capacity(webhook.alerts.len());
    for (index, alert) in webhook.alerts.iter().enumerate() {
        let at = format!("alerts[{index}]");
        let alert: AlertmanagerAlert = typed(alert, &at)?;
        let action = match alert.status.as_str() {
            "firing" => AlertAction::Trigger,
            "resolved" => AlertAction::Resolve,
            _ => return Err(invalid_value(&format!("{at}.status"), "status is firing or resolved")),
        };
        let label = |name: &str| alert.labels.get(name).filter(|value| !value.trim().is_empty()).cloned();
        let summary = alert
            .annotations
            .get("summary")
            .or(alert.annotations.get("description"))
            .cloned()
            .or_else(|| label("alertname"))
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::Required,
                    "An alert needs a summary annotation or an alertname label",
                )
                .with_field(&format!("{at}.labels.alertname"))
            })?;
        let dedup_key = match alert.fingerprint.filter(|key| !key.trim().is_empty()) {
            Some(key) => bounded(&format!("{at}.fingerprint"), key, MAX_DEDUP_KEY_CHARS)?,
            None => labels_key(&alert.labels),
        };
        let details = serde_json::json!({
            "labels": alert.labels,
            "annotations": alert.annotations,
            "starts_at": alert.starts_at,
            "ends_at": alert.ends_at,
            "generator_url": alert.generator_url,
        });
        signals.push(Signal {
            dedup_key,
            action,
            summary: required_text(&format!("{at}.annotations.summary"), summary, MAX_SUMMARY_CHARS)?,
            severity: Severity::from_label(alert.labels.get("severity").map(String::as_str)),
            source: label("instance"),
            component: label("service").or_else(|| label("job")),
            group: label("cluster").or_else(|| label("namespace")),
            class: label("alertname"),
            details,
        });
    }
    Ok(signals)
}

/// Alertmanager identifies an alert by its label set; without a fingerprint, the labels
/// themselves (hashed, so the key stays short) are the key.
fn labels_key(labels: &BTreeMap<String, String>) -> String {
    // FNV-1a over "name=value\n" lines in label order: stable across releases, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, value) in labels {
        for byte in name.bytes().chain([b'=']).chain(value.bytes()).chain([b'\n']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("labels:{hash:016x}")
}

/// The alert behind an incident, as staff see it on the ticket page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertInfo {
    /// The integration (its token's name) that sent it.
    pub integration: String,
    pub dedup_key: String,
    pub severity: Severity,
    pub source: Option<String>,
    pub component: Option<String>,
    pub occurrences: i64,
    pub first_seen_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    /// When the monitoring saw recovery; `None` while the alert is firing.
    pub resolved_at: Option<DateTime<Utc>>,
}

/// One alert in the admins' list of recent alerts, with what it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertSummary {
    pub id: i64,
    #[serde(flatten)]
    pub alert: AlertInfo,
    pub summary: String,
    pub ticket_id: i64,
    pub ticket_number: String,
    pub ticket_status: Status,
}

/// What the desk knows of the latest alert with a signal's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub ticket_id: i64,
    pub ticket_status: Status,
    /// When the alert was resolved; `None` while it is open.
    pub resolved_at: Option<DateTime<Utc>>,
    /// Someone other than the monitoring (an agent, the customer) has acted on the ticket.
    pub worked: bool,
}

/// What a signal does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A new incident.
    Opened,
    /// Counted on the incident the alert already has.
    Repeated,
    /// The alert came back soon after it was resolved: its incident is reopened.
    Reopened,
    /// The monitoring saw recovery and nobody had touched the incident: resolved.
    Resolved,
    /// The monitoring saw recovery on an incident someone is working: noted for them.
    RecoveryNoted,
    Acknowledged,
    /// Nothing to do: a resolve or acknowledge for an alert the desk has no open incident for.
    Ignored,
}

/// What `action` does given the latest alert with its key. A trigger for an open alert is
/// counted by the Worker before it gets here (one statement, safe under any concurrency).
pub fn route(
    action: AlertAction,
    latest: Option<&Known>,
    policy: &AlertPolicy,
    now: DateTime<Utc>,
) -> Outcome {
    let open = latest.filter(|known| known.resolved_at.is_none());
    match action {
        AlertAction::Trigger => match latest {
            Some(known) if known.resolved_at.is_none() => Outcome::Repeated,
            Some(Known { ticket_status: Status::Resolved, resolved_at: Some(resolved_at), .. })
                if now - *resolved_at <= policy.reopen_within() =>
            {
                Outcome::Reopened
            }
            _ => Outcome::Opened,
        },
        AlertAction::Acknowledge => match open {
            Some(_) => Outcome::Acknowledged,
            None => Outcome::Ignored,
        },
        AlertAction::Resolve => match open {
            None => Outcome::Ignored,
            Some(known) if known.ticket_status.is_final() || known.ticket_status == Status::Resolved => {
                // An agent resolved it already; the alert only closes.
                Outcome::RecoveryNoted
            }
            Some(known) if known.worked => Outcome::RecoveryNoted,
            Some(_) => Outcome::Resolved,
        },
    }
}

/// The notice to customers who recently reported on `service`: a disruption is known.
pub fn disruption_notice(service: &str) -> Notice {
    Notice {
        audience: Audience::ServiceReporters,
        title: service.to_string(),
        message: Message::ServiceDisruption { service: service.to_string() },
        send_at: None,
    }
}

/// What a new incident opened by an alert for a service becomes part of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storm {
    /// Nothing: an alert like any other.
    Calm,
    /// The service's storm is under way: link the incident to its major incident.
    Join { major_id: i64 },
    /// This incident completes a storm: it becomes the major incident and `link` (the
    /// service's other recent, unlinked alert incidents) are linked to it.
    Declare { link: Vec<i64> },
}

/// Whether a new alert incident for a service joins or starts a storm. `open_major` is the
/// major incident of a storm still open for the service; `recent` the service's other
/// incidents opened by alerts within the storm window, open and not linked.
pub fn storm(open_major: Option<i64>, recent: &[i64], policy: &AlertPolicy) -> Storm {
    match open_major {
        Some(major_id) => Storm::Join { major_id },
        None if recent.len() + 1 >= policy.storm_incidents => Storm::Declare { link: recent.to_vec() },
        None => Storm::Calm,
    }
}

/// Deserialises `value` into a request part, naming the field that is missing, unknown or
/// of the wrong type (`prefix` locates the part in the body).
fn typed<T: DeserializeOwned>(value: &Value, prefix: &str) -> Result<T, ApiError> {
    T::deserialize(value).map_err(|err| {
        let detail = err.to_string();
        let path = |name: &str| if prefix.is_empty() { name.to_string() } else { format!("{prefix}.{name}") };
        if let Some(name) = quoted_after(&detail, "missing field ") {
            let field = path(name);
            ApiError::new(ErrorCode::Required, format!("{field} is required")).with_field(&field)
        } else if let Some(name) = quoted_after(&detail, "unknown field ") {
            invalid_json(&path(name), &format!("{} is not a field of this request", path(name)))
        } else {
            invalid_json(prefix, &format!("{}: {detail}", if prefix.is_empty() { "body" } else { prefix }))
        }
    })
}

/// The backquoted name serde puts after `marker` in its messages.
fn quoted_after<'a>(detail: &'a str, marker: &str) -> Option<&'a str> {
    let rest = detail.split_once(marker)?.1.strip_prefix('`')?;
    rest.split_once('`').map(|(name, _)| name)
}

fn required_text(field: &str, value: String, max_chars: usize) -> Result<String, ApiError> {
    let value = bounded(field, value, max_chars)?;
    if value.trim().is_empty() {
        return Err(ApiError::new(ErrorCode::Required, format!("{field} is required")).with_field(field));
    }
    Ok(value)
}

fn optional_text(field: &str, value: Option<String>) -> Result<Option<String>, ApiError> {
    Ok(value
        .map(|value| bounded(field, value, MAX_NAME_CHARS))
        .transpose()?
        .filter(|value| !value.trim().is_empty()))
}

fn bounded(field: &str, value: String, max_chars: usize) -> Result<String, ApiError> {
    if value.chars().count() > max_chars {
        return Err(ApiError::new(
            ErrorCode::TooLong,
            format!("{field} is longer than {max_chars} characters"),
        )
        .with_field(field));
    }
    if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(ApiError::new(
            ErrorCode::InvalidCharacters,
            format!("{field} contains control characters"),
        )
        .with_field(field));
    }
    Ok(value.trim().to_string())
}

fn invalid_value(field: &str, message: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidValue, message).with_field(field)
}

fn invalid_json(field: &str, message: &str) -> ApiError {
    let error = ApiError::new(ErrorCode::InvalidJson, message);
    if field.is_empty() {
        error
    } else {
        error.with_field(field)
    }
}

#[cfg(test)]
mod tests;
