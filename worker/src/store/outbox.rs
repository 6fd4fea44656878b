//! The notification outbox: rows written in the same batch as the change they report,
//! read by the delivery step and by the admins' dev mailbox.

use chrono::{DateTime, Utc};
use edgedesk_domain::inbound;
use edgedesk_domain::message::{Language, Message};
use edgedesk_domain::outbox::{OutboxChannel, OutboxMessage, NUMBER};
use edgedesk_domain::ticket::{ticket_number, TicketKind};
use edgedesk_domain::workflow::{Audience, Notice};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, D1Database, D1PreparedStatement, Env};

use super::statements::TicketRef;
use super::tickets::active_statuses;
use super::{all, db, run, ABOVE_EVERY_ID};
use crate::clock::from_millis;
use crate::{http, mail};

/// How far back "reported on the service recently" reaches: 30 days.
const RECENT_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// The statements that queue `notice` for its audience. Recipients are resolved inside
/// the batch (by SELECT), so they are exactly the people who match at that moment; each
/// gets the wording of their own language (`desk` for the team chat).
pub fn statements(
    db: &D1Database,
    ticket: TicketRef,
    notice: &Notice,
    desk: Language,
    now: DateTime<Utc>,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let ticket_id = ticket.sql();
    let active = active_statuses();
    // ?1/?2 hold the English subject and body, ?5/?6 the Danish; `language` picks one.
    let worded = |language: &str| {
        format!(
            "CASE {language} WHEN 'da' THEN ?5 ELSE ?1 END, CASE {language} WHEN 'da' THEN ?6 ELSE ?2 END"
        )
    };
    // One INSERT … SELECT per audience: the SELECT finds the recipients' addresses.
    let email = |from: String| {
        format!(
            "INSERT INTO outbox (ticket_id, channel, recipient, subject, body, created_at, send_after)
             {from}"
        )
    };
    // A reporter with an account reads the language they last used; others, their form's.
    let reporter = worded("COALESCE(u.language, t.reporter_language)");
    let account = worded("language");
    let mut sql = vec![match notice.audience {
        Audience::Reporter => email(format!(
            "SELECT t.id, 'email', t.reporter_email, {reporter}, ?3, ?4
             FROM tickets t LEFT JOIN users u ON u.id = t.customer_id
             WHERE t.id = {ticket_id} AND t.reporter_email <> ''"
        )),
        Audience::LinkedReporters => email(format!(
            "SELECT t.id, 'email', t.reporter_email, {reporter}, ?3, ?4
             FROM tickets t LEFT JOIN users u ON u.id = t.customer_id
             WHERE t.major_id = {ticket_id} AND t.status IN ({active}) AND t.reporter_email <> ''"
        )),
        Audience::Supervisors => email(format!(
            "SELECT {ticket_id}, 'email', email, {account}, ?3, ?4 FROM users WHERE role = 'supervisor' AND active = 1"
        )),
        Audience::Agent(id) => email(format!(
            "SELECT {ticket_id}, 'email', email, {account}, ?3, ?4 FROM users WHERE id = {id} AND active = 1"
        )),
        // Everyone who reported on the service in the last 30 days and every active account
        // that subscribed to it, once each, in their language.
        Audience::ServiceReporters => {
            let service = format!("(SELECT affected_service FROM tickets WHERE id = {ticket_id})");
            email(format!(
                "SELECT {ticket_id}, 'email', recipient, {listener}, ?3, ?4 FROM (
                    SELECT t.reporter_email AS recipient, COALESCE(u.language, t.reporter_language) AS language
                    FROM tickets t LEFT JOIN users u ON u.id = t.customer_id
                    WHERE t.affected_service = {service} COLLATE NOCASE
                      AND t.reporter_email <> '' AND t.channel <> 'alert' AND t.reported_at >= ?3 - {RECENT_MS}
                    UNION ALL
                    SELECT u.email, u.language FROM service_subscriptions s JOIN users u ON u.id = s.user_id
                    WHERE s.service = {service} AND u.active = 1)
                 GROUP BY lower(recipient)",
                listener = worded("language")
            ))
        }
        Audience::Tier(tier) => email(format!(
            "SELECT {ticket_id}, 'email', email, {account}, ?3, ?4 FROM users
             WHERE role = 'agent' AND tier = '{}' AND active = 1 AND away = 0",
            tier.as_str()
        )),
    }];
    // Whatever concerns the whole desk also goes to the team chat.
    if matches!(notice.audience, Audience::Supervisors | Audience::Tier(_)) {
        let desk = worded(&format!("'{}'", desk.code()));
        sql.push(email(format!("SELECT {ticket_id}, 'chat', 'team-chat', {desk}, ?3, ?4")));
    }
    let created = now.timestamp_millis();
    let send_after = notice.send_at.map_or(created, |at| at.timestamp_millis());
    let english = mail::write(notice, Language::En);
    let danish = mail::write(notice, Language::Da);
    sql.iter()
        .map(|sql| {
            query!(
                db,
                sql,
                &english.subject,
                &english.body,
                created,
                send_after,
                &danish.subject,
                &danish.body
            )
            .map_err(http::storage)
        })
        .collect()
}

/// Queues a message about an account itself (a reset link, a note at sign-up) to the
/// active account with `email`, if there is one, in the account's language.
pub fn to_account(
    db: &D1Database,
    email: &str,
    message: &Message,
    now: DateTime<Utc>,
) -> worker::Result<D1PreparedStatement> {
    to_accounts(db, message, "email = ?4", email, now)
}

/// Queues a message that concerns no ticket to the active accounts `condition` selects
/// (SQL on `users`; `parameter` is its `?4`), each in their language.
pub fn to_accounts(
    db: &D1Database,
    message: &Message,
    condition: &str,
    parameter: &str,
    now: DateTime<Utc>,
) -> worker::Result<D1PreparedStatement> {
    let (english, danish) = (mail::personal(message, Language::En), mail::personal(message, Language::Da));
    query!(
        db,
        &format!(
            "INSERT INTO outbox (ticket_id, channel, recipient, subject, body, created_at, send_after)
             SELECT NULL, 'email', email, CASE language WHEN 'da' THEN ?5 ELSE ?1 END,
                    CASE language WHEN 'da' THEN ?6 ELSE ?2 END, ?3, ?3
             FROM users WHERE ({condition}) AND active = 1"
        ),
        &english.subject,
        &english.body,
        now.timestamp_millis(),
        parameter,
        &danish.subject,
        &danish.body
    )
}

#[derive(Deserialize)]
struct Row {
    id: i64,
    ticket_id: Option<i64>,
    kind: Option<String>,
    channel: String,
    recipient: String,
    subject: String,
    body: String,
    created_at: i64,
    send_after: i64,
    attempts: i64,
    delivered_at: Option<i64>,
    delivered_via: Option<String>,
    last_error: Option<String>,
}

const COLUMNS: &str =
    "SELECT o.id, o.ticket_id, t.kind, o.channel, o.recipient, o.subject, o.body, o.created_at,
                              o.send_after, o.attempts, o.delivered_at, o.delivered_via, o.last_error
                       FROM outbox o LEFT JOIN tickets t ON t.id = o.ticket_id";

fn message(row: Row, domain: &str) -> OutboxMessage {
    // The ticket number is filled in now: notices may be written before the ticket had an id.
    let number = row
        .ticket_id
        .zip(row.kind.as_deref().and_then(TicketKind::parse))
        .map(|(id, kind)| ticket_number(kind, id))
        .unwrap_or_default();
    OutboxMessage {
        id: row.id,
        ticket_id: row.ticket_id,
        channel: if row.channel == "chat" { OutboxChannel::Chat } else { OutboxChannel::Email },
        recipient: row.recipient,
        subject: row.subject.replace(NUMBER, &number),
        body: row.body.replace(NUMBER, &number),
        created_at: from_millis(row.created_at),
        send_after: from_millis(row.send_after),
        attempts: row.attempts,
        delivered_at: row.delivered_at.map(from_millis),
        delivered_via: row.delivered_via,
        last_error: row.last_error,
        message_id: inbound::message_id(row.ticket_id, row.id, domain),
        in_reply_to: row.ticket_id.map(|ticket| inbound::thread_root(ticket, domain)),
    }
}

/// Newest first, keyset-paginated: the dev mailbox.
pub async fn newest(env: &Env, before_id: Option<i64>, limit: u32) -> Result<Vec<OutboxMessage>, ApiError> {
    let db = db(env)?;
    let rows = all::<Row>(query!(
        &db,
        &format!("{COLUMNS} WHERE o.id < ?1 ORDER BY o.id DESC LIMIT ?2"),
        before_id.unwrap_or(ABOVE_EVERY_ID),
        limit
    ))
    .await?;
    let address = mail::desk_address(env);
    let domain = inbound::domain_of(&address);
    Ok(rows.into_iter().map(|row| message(row, domain)).collect())
}

/// Undelivered messages whose time has come, oldest first.
pub async fn due(env: &Env, now: DateTime<Utc>, limit: i64) -> Result<Vec<OutboxMessage>, ApiError> {
    let db = db(env)?;
    let rows = all::<Row>(query!(
        &db,
        &format!("{COLUMNS} WHERE o.delivered_at IS NULL AND o.send_after <= ?1 ORDER BY o.send_after, o.id LIMIT ?2"),
        now.timestamp_millis(),
        limit
    ))
    .await?;
    let address = mail::desk_address(env);
    let domain = inbound::domain_of(&address);
    Ok(rows.into_iter().map(|row| message(row, domain)).collect())
}

pub async fn delivered(env: &Env, id: i64, via: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(
        &db,
        "UPDATE outbox SET delivered_at = ?2, delivered_via = ?3, attempts = attempts + 1, last_error = NULL
         WHERE id = ?1 AND delivered_at IS NULL",
        id,
        now.timestamp_millis(),
        via
    ))
    .await?;
    Ok(())
}

pub async fn failed(env: &Env, id: i64, error: &str, retry_at: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(
        &db,
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, send_after = ?3 WHERE id = ?1 AND delivered_at IS NULL",
        id,
        error,
        retry_at.timestamp_millis()
    ))
    .await?;
    Ok(())
}
