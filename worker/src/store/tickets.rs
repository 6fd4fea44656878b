use chrono::{DateTime, Utc};
use edgedesk_domain::paging::PageRequest;
use edgedesk_domain::ticket::{ticket_number, Reporter, Ticket, TicketKind, TicketSummary, ValidTicket};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use serde_json::json;
use worker::{query, Env};

use super::db;
use crate::clock::from_millis;
use crate::http;

/// Stores a new ticket and its `created` event in one D1 batch (one transaction), so a
/// ticket never exists without its history. Returns the new id.
pub async fn insert(
    env: &Env,
    ticket: &ValidTicket,
    kind: TicketKind,
    reported_at: DateTime<Utc>,
) -> Result<i64, ApiError> {
    let db = db(env)?;
    let at = reported_at.timestamp_millis();
    let insert_ticket = query!(
        &db,
        "INSERT INTO tickets (kind, title, description, symptoms, reporter_name, reporter_email, reporter_phone,
                              channel, reported_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'portal', ?8, ?8)
         RETURNING id",
        kind.as_str(),
        &ticket.title,
        &ticket.description,
        &ticket.symptoms,
        &ticket.name,
        &ticket.email,
        &ticket.phone,
        at
    )
    .map_err(http::storage)?;
    let created = json!({ "after": {
        "kind": kind.as_str(), "status": "new", "title": ticket.title, "description": ticket.description,
        "symptoms": ticket.symptoms, "reporter_name": ticket.name, "reporter_email": ticket.email,
        "reporter_phone": ticket.phone, "channel": "portal",
    }});
    // last_insert_rowid() is the ticket: the batch runs its statements in order on one connection.
    let insert_event = query!(
        &db,
        "INSERT INTO ticket_events (ticket_id, kind, actor, at, data) VALUES (last_insert_rowid(), 'created', ?1, ?2, ?3)",
        &ticket.email,
        at,
        created.to_string()
    )
    .map_err(http::storage)?;
    let results = db.batch(vec![insert_ticket, insert_event]).await.map_err(http::storage)?;
    #[derive(Deserialize)]
    struct Inserted {
        id: i64,
    }
    let inserted =
        results.first().map(|result| result.results::<Inserted>()).transpose().map_err(http::storage)?;
    inserted
        .and_then(|rows| rows.into_iter().next())
        .map(|row| row.id)
        .ok_or_else(|| http::internal("INSERT … RETURNING id returned no row"))
}

#[derive(Deserialize)]
struct SummaryRow {
    id: i64,
    kind: String,
    status: String,
    title: String,
    reporter_name: String,
    reported_at: i64,
}

/// Up to `fetch_limit()` tickets below the cursor, newest first (walks the primary key).
pub async fn newest(env: &Env, page: PageRequest) -> Result<Vec<TicketSummary>, ApiError> {
    let db = db(env)?;
    let statement = match page.before_id {
        Some(before) => query!(
            &db,
            "SELECT id, kind, status, title, reporter_name, reported_at FROM tickets
             WHERE id < ?1 ORDER BY id DESC LIMIT ?2",
            before,
            page.fetch_limit()
        ),
        None => query!(
            &db,
            "SELECT id, kind, status, title, reporter_name, reported_at FROM tickets ORDER BY id DESC LIMIT ?1",
            page.fetch_limit()
        ),
    }
    .map_err(http::storage)?;
    let rows =
        statement.all().await.and_then(|result| result.results::<SummaryRow>()).map_err(http::storage)?;
    rows.into_iter()
        .map(|row| {
            let kind = parse_kind(&row.kind)?;
            Ok(TicketSummary {
                id: row.id,
                number: ticket_number(kind, row.id),
                kind,
                status: row.status,
                title: row.title,
                reporter_name: row.reporter_name,
                reported_at: from_millis(row.reported_at),
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct TicketRow {
    id: i64,
    kind: String,
    status: String,
    title: String,
    description: String,
    symptoms: Option<String>,
    reporter_name: String,
    reporter_email: String,
    reporter_phone: Option<String>,
    reported_at: i64,
}

pub async fn by_id(env: &Env, id: i64) -> Result<Option<Ticket>, ApiError> {
    let db = db(env)?;
    let row = query!(
        &db,
        "SELECT id, kind, status, title, description, symptoms, reporter_name, reporter_email, reporter_phone, reported_at
         FROM tickets WHERE id = ?1",
        id
    )
    .map_err(http::storage)?
    .first::<TicketRow>(None)
    .await
    .map_err(http::storage)?;
    let Some(row) = row else { return Ok(None) };
    let kind = parse_kind(&row.kind)?;
    Ok(Some(Ticket {
        id: row.id,
        number: ticket_number(kind, row.id),
        kind,
        status: row.status,
        title: row.title,
        description: row.description,
        symptoms: row.symptoms,
        reporter: Reporter { name: row.reporter_name, email: row.reporter_email, phone: row.reporter_phone },
        reported_at: from_millis(row.reported_at),
    }))
}

fn parse_kind(text: &str) -> Result<TicketKind, ApiError> {
    TicketKind::parse(text).ok_or_else(|| http::internal(format!("unknown ticket kind {text:?} in D1")))
}

/// Tickets the sweep must look at: everything not finished.
pub async fn count_open(env: &Env) -> Result<i64, ApiError> {
    #[derive(Deserialize)]
    struct Count {
        open: i64,
    }
    let db = db(env)?;
    let count = db
        .prepare(
            "SELECT COUNT(*) AS open FROM tickets WHERE status NOT IN ('resolved', 'closed', 'cancelled')",
        )
        .first::<Count>(None)
        .await
        .map_err(http::storage)?;
    Ok(count.map_or(0, |count| count.open))
}
