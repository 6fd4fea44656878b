//! Monitoring alerts and the incidents they opened. An alert is named by its `key`: the
//! integration's token id and the sender's dedup key, bound as one value.

use chrono::{DateTime, Utc};
use edgedesk_domain::alert::{AlertInfo, AlertSummary, Known, Outcome, Severity, Signal};
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::ticket::{ticket_number, TicketKind};
use edgedesk_domain::workflow::Notice;
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, D1Database, D1PreparedStatement, Env};

use super::batch::{Batch, Pending};
use super::statements::TicketRef;
use super::{db, outbox, webhooks};
use crate::clock::from_millis;
use crate::{http, mail};

/// The key an alert is stored under.
pub fn key(token_id: i64, dedup_key: &str) -> String {
    format!("{token_id}:{dedup_key}")
}

/// The latest alert with a key, as the routing needs it.
pub struct Latest {
    pub alert_id: i64,
    pub summary: String,
    pub known: Known,
}

/// Counts a repeat of the open alert `key`, with the latest details; the incident's id, or
/// `None` when the alert is not open. One statement, so concurrent repeats are all counted.
pub async fn count_repeat(
    env: &Env,
    key: &str,
    signal: &Signal,
    integration: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        ticket_id: i64,
    }
    let mut batch = Batch::new(env)?;
    let details = serde_json::to_string(&signal.details).map_err(http::internal)?;
    let counted = query!(
        batch.db(),
        "UPDATE alerts SET occurrences = occurrences + 1, last_seen_at = ?2, summary = ?3, severity = ?4, details = ?5
         WHERE key = ?1 AND resolved_at IS NULL RETURNING ticket_id",
        key,
        now.timestamp_millis(),
        &signal.summary,
        signal.severity.as_str(),
        details
    );
    let ticket = batch.read(counted, |rows: Vec<Row>| Ok(rows.first().map(|row| row.ticket_id)))?;
    let announced = signal.announcement(integration, Outcome::Repeated, None);
    let announce = webhooks::alert_repeat(batch.db(), key, &announced, now)?;
    batch.extend([announce]);
    ticket.take(&batch.run().await?)
}

/// Records that the open alert `key` was acknowledged at the sender; the incident's id, or
/// `None` when the alert is not open.
pub async fn acknowledge(env: &Env, key: &str, now: DateTime<Utc>) -> Result<Option<i64>, ApiError> {
    let db = db(env)?;
    ticket_of(query!(
        &db,
        "UPDATE alerts SET acknowledged_at = COALESCE(acknowledged_at, ?2)
         WHERE key = ?1 AND resolved_at IS NULL RETURNING ticket_id",
        key,
        now.timestamp_millis()
    ))
    .await
}

async fn ticket_of(statement: worker::Result<D1PreparedStatement>) -> Result<Option<i64>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        ticket_id: i64,
    }
    Ok(super::first::<Row>(statement).await?.map(|row| row.ticket_id))
}

/// The latest alert with `key`, read in `batch`. "Worked" means anyone but the monitoring
/// (`monitoring` is its actor label) and the desk's own sweep has acted on the incident.
pub fn latest_in(
    batch: &mut Batch,
    key: &str,
    monitoring: &str,
) -> Result<Pending<Option<Latest>>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        ticket_id: i64,
        summary: String,
        resolved_at: Option<i64>,
        status: String,
        worked: i64,
    }
    let statement = query!(
        batch.db(),
        "SELECT a.id, a.ticket_id, a.summary, a.resolved_at, t.status,
                EXISTS (SELECT 1 FROM ticket_events e
                        WHERE e.ticket_id = a.ticket_id AND e.actor NOT IN ('system', ?2)) AS worked
         FROM alerts a JOIN tickets t ON t.id = a.ticket_id
         WHERE a.key = ?1 ORDER BY a.id DESC LIMIT 1",
        key,
        monitoring
    );
    batch.read(statement, |rows: Vec<Row>| {
        rows.into_iter()
            .next()
            .map(|row| {
                let ticket_status = Status::parse(&row.status)
                    .ok_or_else(|| http::internal(format!("unknown ticket status {}", row.status)))?;
                Ok(Latest {
                    alert_id: row.id,
                    summary: row.summary,
                    known: Known {
                        ticket_id: row.ticket_id,
                        ticket_status,
                        resolved_at: row.resolved_at.map(from_millis),
                        worked: row.worked != 0,
                    },
                })
            })
            .transpose()
    })
}

/// An alert as the ticket page and the admins' list read it: with its integration's name
/// and its incident.
const ALERT_ROWS: &str = "SELECT a.id, k.name AS integration, a.dedup_key, a.severity, a.summary, a.source,
        a.component, a.occurrences, a.first_seen_at, a.last_seen_at, a.acknowledged_at, a.resolved_at,
        a.ticket_id, t.kind, t.status
    FROM alerts a JOIN api_tokens k ON k.id = a.token_id JOIN tickets t ON t.id = a.ticket_id";

#[derive(Deserialize)]
struct AlertRow {
    id: i64,
    integration: String,
    dedup_key: String,
    severity: Severity,
    summary: String,
    source: Option<String>,
    component: Option<String>,
    occurrences: i64,
    first_seen_at: i64,
    last_seen_at: i64,
    acknowledged_at: Option<i64>,
    resolved_at: Option<i64>,
    ticket_id: i64,
    kind: String,
    status: String,
}

impl AlertRow {
    fn summary(self) -> Result<AlertSummary, ApiError> {
        let kind = TicketKind::parse(&self.kind).ok_or_else(|| http::internal("unknown ticket kind"))?;
        let ticket_status =
            Status::parse(&self.status).ok_or_else(|| http::internal("unknown ticket status"))?;
        Ok(AlertSummary {
            id: self.id,
            alert: AlertInfo {
                integration: self.integration,
                dedup_key: self.dedup_key,
                severity: self.severity,
                source: self.source,
                component: self.component,
                occurrences: self.occurrences,
                first_seen_at: from_millis(self.first_seen_at),
                last_seen_at: from_millis(self.last_seen_at),
                acknowledged_at: self.acknowledged_at.map(from_millis),
                resolved_at: self.resolved_at.map(from_millis),
            },
            summary: self.summary,
            ticket_id: self.ticket_id,
            ticket_number: ticket_number(kind, self.ticket_id),
            ticket_status,
        })
    }
}

/// The latest alert of ticket `ticket_id`, for its page (staff only), read in `batch`.
pub fn of_ticket_in(batch: &mut Batch, ticket_id: i64) -> Result<Pending<Option<AlertInfo>>, ApiError> {
    let statement = query!(
        batch.db(),
        &format!("{ALERT_ROWS} WHERE a.ticket_id = ?1 ORDER BY a.id DESC LIMIT 1"),
        ticket_id
    );
    batch.read(statement, |rows: Vec<AlertRow>| {
        rows.into_iter().next().map(|row| row.summary().map(|summary| summary.alert)).transpose()
    })
}

/// How many alerts the admins' list shows.
const RECENT: i64 = 100;

/// The latest alerts, newest first, with the incident each became.
pub async fn recent(env: &Env) -> Result<Vec<AlertSummary>, ApiError> {
    let db = db(env)?;
    let statement =
        query!(&db, &format!("{ALERT_ROWS} ORDER BY a.last_seen_at DESC, a.id DESC LIMIT ?1"), RECENT);
    super::all::<AlertRow>(statement).await?.into_iter().map(AlertRow::summary).collect()
}

/// The alert row of a new incident, for the batch that inserts the incident. The unique
/// index on open keys refuses it (and so the whole batch) if another request opened one.
pub fn opened_statement(
    db: &D1Database,
    key: &str,
    token_id: i64,
    signal: &Signal,
    now: DateTime<Utc>,
) -> Result<D1PreparedStatement, ApiError> {
    let details = serde_json::to_string(&signal.details).map_err(http::internal)?;
    query!(
        db,
        &format!(
            "INSERT INTO alerts (key, token_id, dedup_key, ticket_id, severity, summary, source, component, details,
                                 first_seen_at, last_seen_at)
             VALUES (?1, ?2, ?3, {}, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            TicketRef::Newest.sql()
        ),
        key,
        token_id,
        &signal.dedup_key,
        signal.severity.as_str(),
        &signal.summary,
        &signal.source,
        &signal.component,
        details,
        now.timestamp_millis()
    )
    .map_err(http::storage)
}

/// Opens alert `alert_id` again (its incident is being reopened), counting the trigger.
pub fn reopened_statement(
    db: &D1Database,
    alert_id: i64,
    signal: &Signal,
    now: DateTime<Utc>,
) -> Result<D1PreparedStatement, ApiError> {
    let details = serde_json::to_string(&signal.details).map_err(http::internal)?;
    query!(
        db,
        "UPDATE alerts SET resolved_at = NULL, acknowledged_at = NULL, occurrences = occurrences + 1,
                           last_seen_at = ?2, summary = ?3, severity = ?4, details = ?5
         WHERE id = ?1 AND resolved_at IS NOT NULL",
        alert_id,
        now.timestamp_millis(),
        &signal.summary,
        signal.severity.as_str(),
        details
    )
    .map_err(http::storage)
}

/// Closes alert `alert_id`: the monitoring saw recovery.
pub fn resolved_statement(
    db: &D1Database,
    alert_id: i64,
    now: DateTime<Utc>,
) -> Result<D1PreparedStatement, ApiError> {
    query!(
        db,
        "UPDATE alerts SET resolved_at = ?2, last_seen_at = ?2 WHERE id = ?1 AND resolved_at IS NULL",
        alert_id,
        now.timestamp_millis()
    )
    .map_err(http::storage)
}

/// Ticket statuses a storm's major incident is no longer open in.
const ENDED: &str = "'resolved', 'closed', 'cancelled'";

/// What a new incident for a service may be part of.
pub struct ServiceStorm {
    /// The major incident of the service's open storm.
    pub major: Option<i64>,
    /// The service's other alert incidents first seen in the storm window, open and not
    /// linked, oldest first.
    pub recent: Vec<i64>,
}

/// The [`ServiceStorm`] of `service` since `since`, read in `batch`.
pub fn storm_in(
    batch: &mut Batch,
    service: &str,
    since: DateTime<Utc>,
) -> Result<Pending<ServiceStorm>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
    }
    let major = query!(
        batch.db(),
        &format!(
            "SELECT s.major_id AS id FROM alert_storms s JOIN tickets t ON t.id = s.major_id
             WHERE s.service = ?1 AND s.active = 1 AND t.status NOT IN ({ENDED})"
        ),
        service
    );
    let major = batch.read(major, |rows: Vec<Row>| Ok(rows.first().map(|row| row.id)))?;
    let recent = query!(
        batch.db(),
        &format!(
            "SELECT t.id FROM alerts a JOIN tickets t ON t.id = a.ticket_id
             WHERE a.component = ?1 AND a.first_seen_at >= ?2 AND a.resolved_at IS NULL
               AND t.is_major = 0 AND t.major_id IS NULL AND t.status NOT IN ({ENDED})
             ORDER BY t.id"
        ),
        service,
        since.timestamp_millis()
    );
    let recent = batch.read(recent, |rows: Vec<Row>| Ok(rows.into_iter().map(|row| row.id).collect()))?;
    Ok(major.and(recent).map(|(major, recent)| Ok(ServiceStorm { major, recent })))
}

/// Records `major_id` as the major incident of `service`'s storm, for the batch that makes
/// it major: storms whose major incident has ended stop counting first, and the unique
/// index refuses a second open storm (the batch then fails as a lost race).
pub fn storm_declared_statements(
    db: &D1Database,
    service: &str,
    major_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let ended = query!(
        db,
        &format!(
            "UPDATE alert_storms SET active = 0
             WHERE service = ?1 AND active = 1 AND major_id IN (SELECT id FROM tickets WHERE status IN ({ENDED}))"
        ),
        service
    );
    let declared = query!(
        db,
        "INSERT INTO alert_storms (service, major_id, declared_at) VALUES (?1, ?2, ?3)",
        service,
        major_id,
        now.timestamp_millis()
    );
    Ok(vec![ended.map_err(http::storage)?, declared.map_err(http::storage)?])
}

/// Tells the customers who recently reported on `service` that a disruption of it is known,
/// once per disruption: the unique index on open disruptions refuses a second notice while
/// the first incident is open. Returns whether this call told them.
pub async fn tell_customers(
    env: &Env,
    service: &str,
    ticket_id: i64,
    notice: &Notice,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let db = db(env)?;
    let ended = query!(
        &db,
        &format!(
            "UPDATE service_disruptions SET active = 0
             WHERE service = ?1 AND active = 1 AND ticket_id IN (SELECT id FROM tickets WHERE status IN ({ENDED}))"
        ),
        service
    );
    let disruption = query!(
        &db,
        "INSERT INTO service_disruptions (service, ticket_id, notified_at) VALUES (?1, ?2, ?3)",
        service,
        ticket_id,
        now.timestamp_millis()
    );
    let mut statements = vec![ended.map_err(http::storage)?, disruption.map_err(http::storage)?];
    statements.extend(outbox::statements(
        &db,
        TicketRef::Id(ticket_id),
        notice,
        mail::desk_language(env),
        now,
    )?);
    match super::send_batch(&db, statements).await {
        Ok(_) => Ok(true),
        Err(error) if error.to_string().contains("UNIQUE constraint failed") => Ok(false),
        Err(error) => Err(http::storage(error)),
    }
}
