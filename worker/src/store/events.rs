//! Reading a ticket's history.

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
    id: i64,
    kind: String,
    actor_name: Option<String>,
    author: String,
    at: i64,
    data: String,
}

/// The ticket's history, oldest first, read in `batch`. Customers get public entries only,
/// stripped of internal fields by the domain's `customer_view`.
pub fn timeline_in(
    batch: &mut Batch,
    ticket: &TicketKey,
    audience: Audience,
) -> Result<Pending<Vec<TimelineEntry>>, ApiError> {
    let statement = query!(
        batch.db(),
        &format!(
            "SELECT e.id, e.kind, e.actor_name, e.at, e.data,
                CASE WHEN e.actor = 'system' THEN 'system'
                     WHEN u.role IS NOT NULL AND u.role <> 'customer' THEN 'staff'
                     ELSE 'customer' END AS author
         FROM ticket_events e
         LEFT JOIN users u ON e.actor LIKE 'user:%' AND u.id = CAST(substr(e.actor, 6) AS INTEGER)
         WHERE e.ticket_id = {} ORDER BY e.id",
            ticket.id_sql()
        ),
        ticket
    );
    batch.read(statement, move |rows: Vec<Row>| {
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let kind = EventKind::parse(&row.kind)?;
                let details: EventDetails = serde_json::from_str(&row.data).unwrap_or_default();
                let (kind, details) = match audience {
                    Audience::Staff => (kind, details),
                    Audience::Customer => customer_view(kind, &details)?,
                };
                Some(TimelineEntry {
                    id: row.id,
                    kind,
                    actor: row.actor_name.unwrap_or_else(|| "Edgedesk".to_string()),
                    author: Author::parse(&row.author).unwrap_or(Author::Customer),
                    at: from_millis(row.at),
                    public: kind.is_public(),
                    details,
                })
            })
            .collect())
    })
}
