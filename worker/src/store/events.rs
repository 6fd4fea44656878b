//! Reading a ticket's history: its timeline and what its SLA clocks are computed from.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use edgedesk_domain::sla::Moment;
use edgedesk_domain::ticket::{Author, TimelineEntry};
use edgedesk_domain::workflow::{customer_view, EventDetails, EventKind};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::query;

use super::batch::{Batch, Pending};
use super::tickets::TicketKey;
use crate::clock::from_millis;

/// Who reads the history decides what it contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Staff,
    Customer,
}

#[derive(Deserialize)]
struct Row {
    ticket_id: i64,
    id: i64,
    kind: String,
    actor_name: Option<String>,
    author: String,
    at: i64,
    data: String,
}

/// One stored event of a ticket, parsed once for both of its readers: the timeline and the
/// SLA clocks.
pub struct StoredEvent {
    id: i64,
    kind: EventKind,
    details: EventDetails,
    actor_name: Option<String>,
    author: Author,
    at: DateTime<Utc>,
}

/// Who wrote each event decides whether a reply is the desk's answer: staff, not customers
/// (and not the system, nor a monitoring integration's token).
const EVENTS: &str = "SELECT e.ticket_id, e.id, e.kind, e.actor_name, e.at, e.data,
        CASE WHEN e.actor = 'system' OR e.actor LIKE 'token:%' THEN 'system'
             WHEN u.role IS NOT NULL AND u.role <> 'customer' THEN 'staff'
             ELSE 'customer' END AS author
    FROM ticket_events e
    LEFT JOIN users u ON e.actor LIKE 'user:%' AND u.id = CAST(substr(e.actor, 6) AS INTEGER)";

/// The ticket's events, oldest first, read in `batch`.
pub fn events_in(batch: &mut Batch, ticket: &TicketKey) -> Result<Pending<Vec<StoredEvent>>, ApiError> {
    let statement = query!(
        batch.db(),
        &format!("{EVENTS} WHERE e.ticket_id = {} ORDER BY e.id", ticket.id_sql()),
        ticket
    );
    batch.read(statement, |rows: Vec<Row>| {
        Ok(rows.into_iter().filter_map(parse).map(|(_, event)| event).collect())
    })
}

/// The events of several tickets by ticket, each oldest first, read in `batch` (ids are
/// integers, so listing them in the SQL is safe).
pub fn events_of_in(
    batch: &mut Batch,
    ids: &[i64],
) -> Result<Pending<HashMap<i64, Vec<StoredEvent>>>, ApiError> {
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let statement = Ok(batch.db().prepare(format!("{EVENTS} WHERE e.ticket_id IN ({list}) ORDER BY e.id")));
    batch.read(statement, |rows: Vec<Row>| {
        let mut by_ticket: HashMap<i64, Vec<StoredEvent>> = HashMap::new();
        for (ticket_id, event) in rows.into_iter().filter_map(parse) {
            by_ticket.entry(ticket_id).or_default().push(event);
        }
        Ok(by_ticket)
    })
}

/// An event and its ticket; nothing for a kind this build does not know.
fn parse(row: Row) -> Option<(i64, StoredEvent)> {
    let event = StoredEvent {
        id: row.id,
        kind: EventKind::parse(&row.kind)?,
        details: serde_json::from_str(&row.data).unwrap_or_default(),
        actor_name: row.actor_name,
        author: Author::parse(&row.author).unwrap_or(Author::Customer),
        at: from_millis(row.at),
    };
    Some((row.ticket_id, event))
}

/// What the SLA clocks are computed from.
pub fn moments(events: &[StoredEvent]) -> Vec<Moment> {
    events
        .iter()
        .filter_map(|event| {
            Moment::from_event(event.kind, &event.details, event.at, event.author == Author::Staff)
        })
        .collect()
}

/// The history as `audience` reads it. Customers get public entries only, stripped of
/// internal fields by the domain's `customer_view`.
pub fn timeline(events: Vec<StoredEvent>, audience: Audience) -> Vec<TimelineEntry> {
    events
        .into_iter()
        .filter_map(|event| {
            let (kind, details) = match audience {
                Audience::Staff => (event.kind, event.details),
                Audience::Customer => customer_view(event.kind, &event.details)?,
            };
            Some(TimelineEntry {
                id: event.id,
                kind,
                actor: event.actor_name.unwrap_or_else(|| "Edgedesk".to_string()),
                author: event.author,
                at: event.at,
                public: kind.is_public(),
                details,
            })
        })
        .collect()
}
