//! Received mail (`inbound_mail`): whether a Message-ID was taken before, the tickets a
//! message may continue, and the row that records what became of each message.

use chrono::{DateTime, Utc};
use edgedesk_domain::inbound::{Outcome, ReceivedMail, Reference, Thread};
use edgedesk_domain::ticket::{ticket_number, TicketKind};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, D1Database, D1PreparedStatement, Env};

use super::batch::{Batch, Pending};
use super::statements::TicketRef;
use super::{all, db, ABOVE_EVERY_ID};
use crate::clock::from_millis;
use crate::http;

/// What the desk knows about the conversation a message belongs to.
pub struct Known {
    /// Its Message-ID was taken before: a redelivery.
    pub taken: bool,
    /// The tickets it names, in the order it names them: our ids in its headers, the
    /// sender's own earlier mail to the desk, then the subject's number.
    pub named: Vec<i64>,
    pub threads: Vec<Thread>,
}

/// Reads, in `batch`, what the desk knows of `message_id` and the tickets `reference` names.
pub fn known_in(
    batch: &mut Batch,
    message_id: Option<&str>,
    reference: &Reference,
) -> Result<Pending<Known>, ApiError> {
    #[derive(Deserialize)]
    struct Count {
        n: i64,
    }
    let taken = batch.read(
        query!(batch.db(), "SELECT COUNT(*) AS n FROM inbound_mail WHERE message_id = ?1", message_id),
        |rows: Vec<Count>| Ok(rows.first().is_some_and(|row| row.n > 0)),
    )?;
    #[derive(Deserialize)]
    struct Earlier {
        message_id: String,
        ticket_id: i64,
    }
    let foreign = serde_json::to_string(&reference.foreign).map_err(http::internal)?;
    let earlier = batch.read(
        query!(
            batch.db(),
            "SELECT message_id, ticket_id FROM inbound_mail
             WHERE message_id IN (SELECT value FROM json_each(?1)) AND ticket_id IS NOT NULL",
            &foreign
        ),
        |rows: Vec<Earlier>| Ok(rows),
    )?;
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        reporter_email: String,
        customer_id: Option<i64>,
        customer_email: Option<String>,
    }
    let ours: Vec<i64> = reference.tickets.iter().copied().chain(reference.subject_ticket).collect();
    let ours_json = serde_json::to_string(&ours).map_err(http::internal)?;
    let threads = batch.read(
        query!(
            batch.db(),
            "SELECT t.id, t.reporter_email, t.customer_id, u.email AS customer_email
             FROM tickets t LEFT JOIN users u ON u.id = t.customer_id
             WHERE t.id IN (SELECT value FROM json_each(?1))
                OR t.id IN (SELECT ticket_id FROM inbound_mail WHERE message_id IN (SELECT value FROM json_each(?2)))",
            &ours_json,
            &foreign
        ),
        |rows: Vec<Row>| {
            Ok(rows
                .into_iter()
                .map(|row| Thread {
                    id: row.id,
                    reporter_email: row.reporter_email,
                    customer: row.customer_id.zip(row.customer_email),
                })
                .collect::<Vec<_>>())
        },
    )?;
    let reference = reference.clone();
    Ok(taken.and(earlier).and(threads).map(move |((taken, earlier), threads)| {
        let by_earlier_mail = reference
            .foreign
            .iter()
            .filter_map(|id| earlier.iter().find(|row| &row.message_id == id).map(|row| row.ticket_id));
        let mut named: Vec<i64> = Vec::new();
        for id in reference.tickets.iter().copied().chain(by_earlier_mail).chain(reference.subject_ticket) {
            if !named.contains(&id) {
                named.push(id);
            }
        }
        Ok(Known { taken, named, threads })
    }))
}

/// One received message, as recorded.
pub struct Received<'a> {
    pub message_id: Option<&'a str>,
    pub sender: &'a str,
    pub subject: &'a str,
    pub original: &'a str,
    pub at: DateTime<Utc>,
}

/// Records what became of `mail`: `outcome` and the ticket it opened or continued. The
/// unique Message-ID makes a concurrent redelivery lose its whole batch.
pub fn recorded(
    db: &D1Database,
    mail: &Received<'_>,
    outcome: Outcome,
    ticket: Option<TicketRef>,
) -> Result<D1PreparedStatement, ApiError> {
    let ticket = ticket.map_or_else(|| "NULL".to_string(), TicketRef::sql);
    query!(
        db,
        &format!(
            "INSERT INTO inbound_mail (message_id, sender, subject, received_at, outcome, ticket_id, original)
             VALUES (?1, ?2, ?3, ?4, ?5, {ticket}, ?6)"
        ),
        mail.message_id,
        mail.sender,
        mail.subject,
        mail.at.timestamp_millis(),
        outcome.as_str(),
        mail.original
    )
    .map_err(http::storage)
}

/// Received mail newest first, keyset-paginated (admins' inbox).
pub async fn newest(env: &Env, before_id: Option<i64>, limit: u32) -> Result<Vec<ReceivedMail>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        message_id: Option<String>,
        sender: String,
        subject: String,
        received_at: i64,
        outcome: String,
        ticket_id: Option<i64>,
        kind: Option<String>,
    }
    let db = db(env)?;
    let rows = all::<Row>(query!(
        &db,
        "SELECT m.id, m.message_id, m.sender, m.subject, m.received_at, m.outcome, m.ticket_id, t.kind
         FROM inbound_mail m LEFT JOIN tickets t ON t.id = m.ticket_id
         WHERE m.id < ?1 ORDER BY m.id DESC LIMIT ?2",
        before_id.unwrap_or(ABOVE_EVERY_ID),
        limit
    ))
    .await?;
    rows.into_iter()
        .map(|row| {
            let outcome = Outcome::parse(&row.outcome)
                .ok_or_else(|| http::internal(format!("unknown mail outcome {}", row.outcome)))?;
            let ticket_number = row
                .ticket_id
                .zip(row.kind.as_deref().and_then(TicketKind::parse))
                .map(|(id, kind)| ticket_number(kind, id));
            Ok(ReceivedMail {
                id: row.id,
                message_id: row.message_id,
                sender: row.sender,
                subject: row.subject,
                received_at: from_millis(row.received_at),
                outcome,
                ticket_id: row.ticket_id,
                ticket_number,
            })
        })
        .collect()
}
