//! Agents as the process sees them: who can take a ticket, and how busy they are.

use edgedesk_domain::auth::Tier;
use edgedesk_domain::policy::TicketOwner;
use edgedesk_domain::ticket::AgentSummary;
use edgedesk_domain::workflow::{Candidate, Named};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::tickets::TicketKey;
use super::{all, db, run};

#[derive(Deserialize)]
struct Row {
    id: i64,
    name: String,
    tier: String,
    away: i64,
    open_tickets: i64,
    last_assigned_at: Option<i64>,
}

// The status list repeats the partial index's text (migration 0009), so the count walks it.
const COLUMNS: &str = "SELECT u.id, u.name, u.tier, u.away, u.last_assigned_at,
           (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id
              AND t.status IN ('new', 'open', 'in_progress', 'pending_customer', 'pending_third_party')) AS open_tickets
    FROM users u WHERE u.role = 'agent' AND u.active = 1";

fn summary(row: Row) -> Option<AgentSummary> {
    Some(AgentSummary {
        id: row.id,
        name: row.name,
        tier: Tier::parse(&row.tier)?,
        away: row.away == 1,
        open_tickets: row.open_tickets,
    })
}

/// Every active agent, by tier and name: the console's "assign to" list.
pub async fn list(env: &Env) -> Result<Vec<AgentSummary>, ApiError> {
    let db = db(env)?;
    let rows = all::<Row>(Ok(db.prepare(format!("{COLUMNS} ORDER BY u.tier, u.name")))).await?;
    Ok(rows.into_iter().filter_map(summary).collect())
}

/// An active agent and their tier, read in `batch`.
pub fn by_id_in(batch: &mut Batch, id: i64) -> Result<Pending<Option<(Named, Tier)>>, ApiError> {
    batch.read(query!(batch.db(), &format!("{COLUMNS} AND u.id = ?1"), id), |rows: Vec<Row>| {
        Ok(rows
            .into_iter()
            .next()
            .and_then(summary)
            .map(|agent| (Named { id: agent.id, name: agent.name }, agent.tier)))
    })
}

/// The agents of the `ticket`'s tier who are not away, with their load, for
/// auto-assignment, read in `batch` (the tier from the same snapshot as the ticket).
pub fn candidates_in(batch: &mut Batch, ticket: &TicketKey) -> Result<Pending<Vec<Candidate>>, ApiError> {
    let statement = query!(
        batch.db(),
        &format!(
            "{COLUMNS} AND u.tier = (SELECT tier FROM tickets WHERE id = {}) AND u.away = 0",
            ticket.id_sql()
        ),
        ticket
    );
    batch.read(statement, |rows: Vec<Row>| {
        Ok(rows
            .into_iter()
            .map(|row| Candidate {
                agent: Named { id: row.id, name: row.name },
                open_tickets: row.open_tickets,
                last_assigned_at: row.last_assigned_at,
            })
            .collect())
    })
}

pub async fn set_away(env: &Env, user_id: i64, away: bool) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(&db, "UPDATE users SET away = ?2 WHERE id = ?1", user_id, i32::from(away))).await?;
    Ok(())
}

/// The customer account with this email, if any: a ticket an agent logs for them joins
/// their tickets. Nobody gets an account created for them (they could not sign in).
pub fn customer_by_email_in(
    batch: &mut Batch,
    email: &str,
) -> Result<Pending<Option<TicketOwner>>, ApiError> {
    #[derive(Deserialize)]
    struct Customer {
        id: i64,
        organisation_id: Option<i64>,
    }
    let statement = query!(
        batch.db(),
        "SELECT id, organisation_id FROM users WHERE email = ?1 AND role = 'customer' AND active = 1",
        email.to_lowercase()
    );
    batch.read(statement, |rows: Vec<Customer>| {
        Ok(rows
            .into_iter()
            .next()
            .map(|row| TicketOwner { customer_id: Some(row.id), organisation_id: row.organisation_id }))
    })
}
