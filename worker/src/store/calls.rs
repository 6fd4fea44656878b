use edgedesk_domain::call::{Call, CallChannel, NewCall};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::tickets::TicketKey;
use crate::clock::from_millis;

#[derive(Deserialize)]
struct Row {
    id: i64,
    starts_at: i64,
    minutes: u32,
    channel: String,
    phone: Option<String>,
    link: Option<String>,
    note: Option<String>,
    scheduled_by: String,
}

/// The ticket's calls in time order, read in `batch`.
pub fn of_ticket_in(batch: &mut Batch, ticket: &TicketKey) -> Result<Pending<Vec<Call>>, ApiError> {
    let statement = query!(
        batch.db(),
        &format!(
            "SELECT id, starts_at, minutes, channel, phone, link, note, scheduled_by
             FROM calls WHERE ticket_id = {} ORDER BY starts_at, id",
            ticket.id_sql()
        ),
        ticket
    );
    batch.read(statement, |rows: Vec<Row>| {
        Ok(rows
            .into_iter()
            .map(|row| Call {
                id: row.id,
                call: NewCall {
                    starts_at: from_millis(row.starts_at),
                    minutes: row.minutes,
                    channel: CallChannel::parse(&row.channel).unwrap_or(CallChannel::Phone),
                    phone: row.phone,
                    link: row.link,
                    note: row.note,
                },
                scheduled_by: row.scheduled_by,
            })
            .collect())
    })
}

pub async fn of_ticket(env: &Env, ticket_id: i64) -> Result<Vec<Call>, ApiError> {
    Batch::one(env, |batch| of_ticket_in(batch, &TicketKey::Id(ticket_id))).await
}
