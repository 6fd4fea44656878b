//! Webhook subscriptions and their deliveries. Deliveries are queued by statements that
//! join the batch of the change they announce, one `INSERT … SELECT` per event for every
//! active subscription that hears it, with the payload read from the ticket's row as the
//! batch leaves it.

use chrono::{DateTime, Utc};
use edgedesk_domain::webhook::{Delivery, Stopped, ValidWebhook, Webhook, WebhookChange, WebhookEvent};
use edgedesk_domain::{ApiError, ErrorCode};
use serde::Deserialize;
use serde_json::Value;
use worker::{query, D1Database, D1PreparedStatement, Env};

use super::statements::TicketRef;
use super::{all, changes, db, first, run};
use crate::clock::from_millis;
use crate::http;

/// Which tickets an event is about: one, or (for the sweep's closing) all that match.
pub enum About {
    Ticket(TicketRef),
    /// Every ticket the sweep closed at this instant (ms).
    ClosedAt(i64),
}

impl About {
    fn condition(&self) -> String {
        match self {
            About::Ticket(ticket) => format!("t.id = {}", ticket.sql()),
            About::ClosedAt(at) => format!("t.status = 'closed' AND t.closed_at = {at}"),
        }
    }
}

/// Queues `event` about the tickets `about` for every subscription to it. `extra` joins
/// the payload's `data` (a reply's text, the SLA targets); `origin` makes the ticket's link.
pub fn ticket_event(
    db: &D1Database,
    about: About,
    event: WebhookEvent,
    extra: &Value,
    origin: &str,
    now: DateTime<Utc>,
) -> Result<D1PreparedStatement, ApiError> {
    let condition = about.condition();
    query!(
        db,
        &format!(
            "INSERT INTO webhook_deliveries (webhook_id, message_id, event, ticket_id, payload, created_at, send_after)
             SELECT w.id, 'msg_' || lower(hex(randomblob(16))), ?1, t.id,
                    json_object('type', ?1, 'timestamp', ?2, 'data', json_patch(json_object(
                        'id', t.id,
                        'number', CASE t.kind WHEN 'request' THEN 'REQ-' ELSE 'INC-' END || printf('%06d', t.id),
                        'kind', t.kind, 'title', t.title, 'status', t.status, 'priority', t.priority,
                        'tier', t.tier, 'channel', t.channel, 'version', t.version,
                        'url', ?4 || '/tickets/' || t.id), json(?5))),
                    ?3, ?3
             FROM webhooks w JOIN tickets t ON {condition}
             WHERE w.active = 1 AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = ?1)"
        ),
        event.as_str(),
        now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        now.timestamp_millis(),
        origin,
        extra.to_string()
    )
    .map_err(http::storage)
}

/// [`ticket_event`] for each of `events` about ticket `id`.
pub fn ticket_events(
    db: &D1Database,
    id: i64,
    events: impl IntoIterator<Item = (WebhookEvent, Value)>,
    origin: &str,
    now: DateTime<Utc>,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    events
        .into_iter()
        .map(|(event, extra)| ticket_event(db, About::Ticket(TicketRef::Id(id)), event, &extra, origin, now))
        .collect()
}

fn envelope(event: WebhookEvent, data: &Value, now: DateTime<Utc>) -> Value {
    serde_json::json!({
        "type": event.as_str(),
        "timestamp": now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "data": data,
    })
}

/// Queues `alert.received` for a repeat of the open alert `key`, in the batch that counts
/// it (the common case costs no round trip of its own): the incident is read from the
/// alert's row, and nothing is queued unless this batch's count just touched it.
pub fn alert_repeat(
    db: &D1Database,
    key: &str,
    data: &Value,
    now: DateTime<Utc>,
) -> Result<D1PreparedStatement, ApiError> {
    let event = WebhookEvent::AlertReceived;
    query!(
        db,
        "INSERT INTO webhook_deliveries (webhook_id, message_id, event, ticket_id, payload, created_at, send_after)
         SELECT w.id, 'msg_' || lower(hex(randomblob(16))), ?1, a.ticket_id,
                json_set(?2, '$.data.ticket_id', a.ticket_id), ?3, ?3
         FROM webhooks w JOIN alerts a ON a.key = ?4 AND a.resolved_at IS NULL AND a.last_seen_at = ?3
         WHERE w.active = 1 AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = ?1)",
        event.as_str(),
        envelope(event, data, now).to_string(),
        now.timestamp_millis(),
        key
    )
    .map_err(http::storage)
}

/// Queues `event` with `data` as it is (what is not about one ticket: an alert).
pub fn event(
    db: &D1Database,
    event: WebhookEvent,
    data: &Value,
    now: DateTime<Utc>,
) -> Result<D1PreparedStatement, ApiError> {
    let payload = envelope(event, data, now);
    query!(
        db,
        "INSERT INTO webhook_deliveries (webhook_id, message_id, event, payload, created_at, send_after)
         SELECT w.id, 'msg_' || lower(hex(randomblob(16))), ?1, ?2, ?3, ?3
         FROM webhooks w
         WHERE w.active = 1 AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = ?1)",
        event.as_str(),
        payload.to_string(),
        now.timestamp_millis()
    )
    .map_err(http::storage)
}

#[derive(Deserialize)]
struct Row {
    id: i64,
    url: String,
    events: String,
    description: String,
    active: i64,
    stopped: Option<String>,
    failing_since: Option<i64>,
    created_at: i64,
    version: i64,
}

const COLUMNS: &str =
    "SELECT id, url, events, description, active, stopped, failing_since, created_at, version FROM webhooks";

fn webhook(row: Row) -> Result<Webhook, ApiError> {
    Ok(Webhook {
        id: row.id,
        url: row.url,
        events: serde_json::from_str(&row.events).map_err(http::internal)?,
        description: row.description,
        active: row.active != 0,
        stopped: row.stopped.as_deref().and_then(Stopped::parse),
        failing_since: row.failing_since.map(from_millis),
        created_at: from_millis(row.created_at),
        version: row.version,
    })
}

pub async fn list(env: &Env) -> Result<Vec<Webhook>, ApiError> {
    let db = db(env)?;
    let statement = db.prepare(format!("{COLUMNS} ORDER BY id"));
    all::<Row>(Ok(statement)).await?.into_iter().map(webhook).collect()
}

pub async fn by_id(env: &Env, id: i64) -> Result<Option<Webhook>, ApiError> {
    let db = db(env)?;
    first::<Row>(query!(&db, &format!("{COLUMNS} WHERE id = ?1"), id)).await?.map(webhook).transpose()
}

pub async fn create(
    env: &Env,
    valid: &ValidWebhook,
    secret: &str,
    created_by: i64,
    now: DateTime<Utc>,
) -> Result<Webhook, ApiError> {
    let db = db(env)?;
    let events = serde_json::to_string(&valid.events).map_err(http::internal)?;
    let row = first::<Row>(query!(
        &db,
        &format!(
            "INSERT INTO webhooks (url, events, description, secret, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             RETURNING {}",
            COLUMNS.trim_start_matches("SELECT ").trim_end_matches(" FROM webhooks")
        ),
        &valid.url,
        events,
        &valid.description,
        secret,
        now.timestamp_millis(),
        created_by
    ))
    .await?;
    webhook(row.ok_or_else(|| http::internal("INSERT … RETURNING gave no row"))?)
}

/// Applies `change` if the subscription is still at its version; starting one again
/// clears why it stopped.
pub async fn change(env: &Env, id: i64, change: &WebhookChange) -> Result<Option<Webhook>, ApiError> {
    let db = db(env)?;
    let events = change.events.as_ref().map(serde_json::to_string).transpose().map_err(http::internal)?;
    let result = run(query!(
        &db,
        "UPDATE webhooks SET
            active = COALESCE(?3, active),
            stopped = CASE WHEN ?3 = 1 THEN NULL ELSE stopped END,
            failing_since = CASE WHEN ?3 = 1 THEN NULL ELSE failing_since END,
            events = COALESCE(?4, events),
            version = version + 1
         WHERE id = ?1 AND version = ?2",
        id,
        change.version,
        change.active.map(i64::from),
        events
    ))
    .await?;
    if changes(&result)? == 0 {
        return match by_id(env, id).await? {
            Some(current) => Err(ApiError::new(
                ErrorCode::VersionConflict,
                format!("This subscription changed (now version {}); review and retry", current.version),
            )),
            None => Ok(None),
        };
    }
    by_id(env, id).await
}

/// Deletes the subscription and its deliveries; whether there was one.
pub async fn delete(env: &Env, id: i64) -> Result<bool, ApiError> {
    let db = db(env)?;
    let statements = vec![
        query!(&db, "DELETE FROM webhook_deliveries WHERE webhook_id = ?1", id).map_err(http::storage)?,
        query!(&db, "DELETE FROM webhooks WHERE id = ?1", id).map_err(http::storage)?,
    ];
    let results = super::send_batch(&db, statements).await.map_err(http::storage)?;
    Ok(results.get(1).map(changes).transpose()?.unwrap_or(0) > 0)
}

#[derive(Deserialize)]
struct DeliveryRow {
    id: i64,
    message_id: String,
    event: String,
    ticket_id: Option<i64>,
    payload: String,
    created_at: i64,
    send_after: i64,
    attempts: i64,
    delivered_at: Option<i64>,
    gave_up_at: Option<i64>,
    last_status: Option<i64>,
    last_response: Option<String>,
}

const DELIVERY_COLUMNS: &str =
    "SELECT id, message_id, event, ticket_id, payload, created_at, send_after, attempts,
                                       delivered_at, gave_up_at, last_status, last_response
                                FROM webhook_deliveries";

fn delivery(row: DeliveryRow) -> Result<Delivery, ApiError> {
    let event = serde_json::from_value(Value::String(row.event)).map_err(http::internal)?;
    let pending = row.delivered_at.is_none() && row.gave_up_at.is_none();
    Ok(Delivery {
        id: row.id,
        message_id: row.message_id,
        event,
        ticket_id: row.ticket_id,
        created_at: from_millis(row.created_at),
        attempts: row.attempts,
        next_attempt_at: pending.then(|| from_millis(row.send_after)),
        delivered_at: row.delivered_at.map(from_millis),
        gave_up_at: row.gave_up_at.map(from_millis),
        last_status: row.last_status,
        last_response: row.last_response,
        payload: row.payload,
    })
}

/// The latest 50 deliveries of a subscription, newest first.
pub async fn deliveries(env: &Env, webhook_id: i64) -> Result<Vec<Delivery>, ApiError> {
    let db = db(env)?;
    all::<DeliveryRow>(query!(
        &db,
        &format!("{DELIVERY_COLUMNS} WHERE webhook_id = ?1 ORDER BY id DESC LIMIT 50"),
        webhook_id
    ))
    .await?
    .into_iter()
    .map(delivery)
    .collect()
}

/// Sends a delivery again, now: a new row with the same message (so the same
/// `webhook-id`). `None` when there is no such delivery of an active subscription.
pub async fn replay(
    env: &Env,
    webhook_id: i64,
    delivery_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<Delivery>, ApiError> {
    let db = db(env)?;
    let row = first::<DeliveryRow>(query!(
        &db,
        "INSERT INTO webhook_deliveries (webhook_id, message_id, event, ticket_id, payload, created_at, send_after)
         SELECT d.webhook_id, d.message_id, d.event, d.ticket_id, d.payload, ?3, ?3
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE d.id = ?2 AND d.webhook_id = ?1 AND w.active = 1
         RETURNING id, message_id, event, ticket_id, payload, created_at, send_after, attempts,
                   delivered_at, gave_up_at, last_status, last_response",
        webhook_id,
        delivery_id,
        now.timestamp_millis()
    ))
    .await?;
    row.map(delivery).transpose()
}

/// A delivery due now, with where it goes and the secret that signs it.
#[derive(Deserialize)]
pub struct Due {
    pub id: i64,
    pub webhook_id: i64,
    pub message_id: String,
    pub payload: String,
    pub attempts: i64,
    pub url: String,
    pub secret: String,
    pub failing_since: Option<i64>,
}

/// Deliveries whose time has come, of active subscriptions, oldest first.
pub async fn due(env: &Env, now: DateTime<Utc>, limit: i64) -> Result<Vec<Due>, ApiError> {
    let db = db(env)?;
    all::<Due>(query!(
        &db,
        "SELECT d.id, d.webhook_id, d.message_id, d.payload, d.attempts, w.url, w.secret, w.failing_since
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
         WHERE d.delivered_at IS NULL AND d.gave_up_at IS NULL AND d.send_after <= ?1 AND w.active = 1
         ORDER BY d.send_after, d.id LIMIT ?2",
        now.timestamp_millis(),
        limit
    ))
    .await
}

/// What an attempt did, to be recorded.
pub struct Outcome<'a> {
    pub status: Option<u16>,
    pub response: &'a str,
    /// The next try, for a retry.
    pub retry_at: Option<DateTime<Utc>>,
    pub delivered: bool,
    pub gave_up: bool,
    /// The subscription stops (410, or a long failure streak).
    pub stop: Option<Stopped>,
}

pub async fn attempted(
    env: &Env,
    due: &Due,
    outcome: Outcome<'_>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let db = db(env)?;
    let at = now.timestamp_millis();
    let mut statements = vec![query!(
        &db,
        "UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = ?2, last_response = ?3,
            delivered_at = CASE WHEN ?4 = 1 THEN ?6 END,
            gave_up_at = CASE WHEN ?5 = 1 THEN ?6 END,
            send_after = COALESCE(?7, send_after)
         WHERE id = ?1",
        due.id,
        outcome.status,
        outcome.response,
        i64::from(outcome.delivered),
        i64::from(outcome.gave_up),
        at,
        outcome.retry_at.map(|retry| retry.timestamp_millis())
    )
    .map_err(http::storage)?];
    statements.push(
        if outcome.delivered {
            query!(&db, "UPDATE webhooks SET failing_since = NULL WHERE id = ?1", due.webhook_id)
        } else {
            query!(
                &db,
                "UPDATE webhooks SET failing_since = COALESCE(failing_since, ?2),
                active = CASE WHEN ?3 IS NULL THEN active ELSE 0 END,
                stopped = COALESCE(?3, stopped),
                version = version + CASE WHEN ?3 IS NULL THEN 0 ELSE 1 END
             WHERE id = ?1",
                due.webhook_id,
                at,
                outcome.stop.map(Stopped::as_str)
            )
        }
        .map_err(http::storage)?,
    );
    super::send_batch(&db, statements).await.map_err(http::storage)?;
    Ok(())
}
