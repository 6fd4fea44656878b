use chrono::{DateTime, Utc};
use edgedesk_domain::paging::PageRequest;
use edgedesk_domain::policy::{TicketOwner, TicketScope};
use edgedesk_domain::ticket::{
    ticket_number, PublicTicket, Reporter, Ticket, TicketKind, TicketSummary, ValidTicket,
};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use serde_json::json;
use worker::{query, D1PreparedStatement, Env};

use super::{all, db, first, ABOVE_EVERY_ID};
use crate::clock::from_millis;
use crate::http;

/// Stores a new ticket and its `created` event in one D1 batch (one transaction), so a
/// ticket never exists without its history. Returns the new id.
pub async fn insert(
    env: &Env,
    ticket: &ValidTicket,
    kind: TicketKind,
    reported_at: DateTime<Utc>,
    owner: TicketOwner,
    actor: &str,
    status_token_hash: &str,
) -> Result<i64, ApiError> {
    let db = db(env)?;
    let at = reported_at.timestamp_millis();
    let insert_ticket = query!(
        &db,
        "INSERT INTO tickets (kind, title, description, symptoms, reporter_name, reporter_email, reporter_phone,
                              channel, reported_at, updated_at, customer_id, organisation_id, status_token_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'portal', ?8, ?8, ?9, ?10, ?11)
         RETURNING id",
        kind.as_str(),
        &ticket.title,
        &ticket.description,
        &ticket.symptoms,
        &ticket.name,
        &ticket.email,
        &ticket.phone,
        at,
        owner.customer_id,
        owner.organisation_id,
        status_token_hash
    )
    .map_err(http::storage)?;
    let created = json!({ "after": {
        "kind": kind.as_str(), "status": "new", "title": ticket.title, "description": ticket.description,
        "symptoms": ticket.symptoms, "reporter_name": ticket.name, "reporter_email": ticket.email,
        "reporter_phone": ticket.phone, "channel": "portal", "customer_id": owner.customer_id,
    }});
    // last_insert_rowid() is the ticket: the batch runs its statements in order on one connection.
    let insert_event = query!(
        &db,
        "INSERT INTO ticket_events (ticket_id, kind, actor, at, data) VALUES (last_insert_rowid(), 'created', ?1, ?2, ?3)",
        actor,
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

const SUMMARY_COLUMNS: &str = "SELECT id, kind, status, title, reporter_name, reported_at FROM tickets";

/// Up to `fetch_limit()` tickets in `scope` below the cursor, newest first. Each scope walks
/// an index: the primary key, or (customer_id, id) / (organisation_id, id).
pub async fn newest(
    env: &Env,
    scope: TicketScope,
    page: PageRequest,
) -> Result<Vec<TicketSummary>, ApiError> {
    let db = db(env)?;
    let before = page.before_id.unwrap_or(ABOVE_EVERY_ID);
    let limit = page.fetch_limit();
    let statement: Result<D1PreparedStatement, worker::Error> = match scope {
        TicketScope::All => {
            query!(&db, &format!("{SUMMARY_COLUMNS} WHERE id < ?1 ORDER BY id DESC LIMIT ?2"), before, limit)
        }
        TicketScope::Own { customer_id } => query!(
            &db,
            &format!("{SUMMARY_COLUMNS} WHERE customer_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3"),
            customer_id,
            before,
            limit
        ),
        TicketScope::Organisation { customer_id, organisation_id } => query!(
            &db,
            &format!(
                "{SUMMARY_COLUMNS} WHERE (customer_id = ?1 OR organisation_id = ?2) AND id < ?3
                 ORDER BY id DESC LIMIT ?4"
            ),
            customer_id,
            organisation_id,
            before,
            limit
        ),
    };
    let rows = all::<SummaryRow>(statement).await?;
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
    customer_id: Option<i64>,
    organisation_id: Option<i64>,
    status_link_active: i64,
}

const TICKET_COLUMNS: &str =
    "SELECT id, kind, status, title, description, symptoms, reporter_name, reporter_email,
                                     reporter_phone, reported_at, customer_id, organisation_id,
                                     status_token_hash IS NOT NULL AS status_link_active
                              FROM tickets";

/// One ticket and who owns it (for the policy to decide who may see it).
async fn one(
    statement: worker::Result<D1PreparedStatement>,
) -> Result<Option<(Ticket, TicketOwner)>, ApiError> {
    let Some(row) = first::<TicketRow>(statement).await? else { return Ok(None) };
    let kind = parse_kind(&row.kind)?;
    let owner = TicketOwner { customer_id: row.customer_id, organisation_id: row.organisation_id };
    let ticket = Ticket {
        id: row.id,
        public: PublicTicket {
            number: ticket_number(kind, row.id),
            kind,
            status: row.status,
            title: row.title,
            description: row.description,
            symptoms: row.symptoms,
            reported_at: from_millis(row.reported_at),
        },
        reporter: Reporter { name: row.reporter_name, email: row.reporter_email, phone: row.reporter_phone },
        status_link_active: row.status_link_active == 1,
    };
    Ok(Some((ticket, owner)))
}

pub async fn by_id(env: &Env, id: i64) -> Result<Option<(Ticket, TicketOwner)>, ApiError> {
    let db = db(env)?;
    one(query!(&db, &format!("{TICKET_COLUMNS} WHERE id = ?1"), id)).await
}

/// What the status link with this token hash shows; nothing for unknown or revoked links.
pub async fn by_status_token(env: &Env, token_hash: &str) -> Result<Option<PublicTicket>, ApiError> {
    let db = db(env)?;
    let found =
        one(query!(&db, &format!("{TICKET_COLUMNS} WHERE status_token_hash = ?1"), token_hash)).await?;
    Ok(found.map(|(ticket, _)| ticket.public))
}

/// Revokes the ticket's status link and records who did it, in one batch. Revoking a
/// revoked link changes nothing and records nothing.
pub async fn revoke_status_link(env: &Env, id: i64, actor: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    let at = now.timestamp_millis();
    let event = query!(
        &db,
        "INSERT INTO ticket_events (ticket_id, kind, actor, at, data)
         SELECT id, 'status_link_revoked', ?2, ?3, '{}' FROM tickets WHERE id = ?1 AND status_token_hash IS NOT NULL",
        id,
        actor,
        at
    )
    .map_err(http::storage)?;
    let revoke = query!(
        &db,
        "UPDATE tickets SET status_token_hash = NULL, updated_at = ?2, version = version + 1
         WHERE id = ?1 AND status_token_hash IS NOT NULL",
        id,
        at
    )
    .map_err(http::storage)?;
    db.batch(vec![event, revoke]).await.map_err(http::storage)?;
    Ok(())
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
