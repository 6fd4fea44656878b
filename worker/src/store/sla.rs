//! SLA storage: the history the clocks are computed from, their projection (queue badge,
//! the sweep's next look, report metrics) and the steps the sweep records once each.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use edgedesk_domain::sla::breach::Response;
use edgedesk_domain::sla::{Clock, Moment, Progress, RecordedStep, SlaBadge, Target};
use edgedesk_domain::webhook;
use edgedesk_domain::workflow::{Actor, TicketState};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::events;
use super::statements::{event_statement, projection_statement, sla_projection, TicketRef};
use super::tickets::TicketKey;
use super::webhooks;
use super::{all, db, lost_race, outbox};
use crate::clock::from_millis;
use crate::{http, mail};

/// What the clocks of one ticket are computed from.
#[derive(Debug, Default)]
pub struct History {
    pub moments: Vec<Moment>,
    pub recorded: Vec<RecordedStep>,
}

fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
}

#[derive(Deserialize)]
struct StepRow {
    ticket_id: i64,
    target: String,
    cycle: u32,
    step: u32,
    reached_at: i64,
}

/// The histories of `ids` (not empty), read in `batch` however many tickets.
fn histories_in(batch: &mut Batch, ids: &[i64]) -> Result<Pending<HashMap<i64, History>>, ApiError> {
    let events = events::events_of_in(batch, ids)?;
    let steps = Ok(batch.db().prepare(format!(
        "SELECT ticket_id, target, cycle, step, reached_at FROM sla_steps WHERE ticket_id IN ({})",
        id_list(ids)
    )));
    let steps = batch.read(steps, |rows: Vec<StepRow>| Ok(rows))?;
    Ok(events.and(steps).map(|(events, steps)| {
        let mut histories: HashMap<i64, History> = events
            .into_iter()
            .map(|(id, events)| (id, History { moments: events::moments(&events), recorded: Vec::new() }))
            .collect();
        for (ticket_id, step) in steps.into_iter().filter_map(recorded) {
            histories.entry(ticket_id).or_default().recorded.push(step);
        }
        Ok(histories)
    }))
}

/// A recorded step and its ticket; nothing for a target this build does not know.
fn recorded(row: StepRow) -> Option<(i64, RecordedStep)> {
    let target = Target::parse(&row.target)?;
    Some((
        row.ticket_id,
        RecordedStep { target, cycle: row.cycle, percent: row.step, at: from_millis(row.reached_at) },
    ))
}

/// The histories of `ids` in one round trip, however many tickets.
pub async fn histories(env: &Env, ids: &[i64]) -> Result<HashMap<i64, History>, ApiError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Batch::one(env, |batch| histories_in(batch, ids)).await
}

/// The SLA steps recorded for the ticket `key` names, read in `batch`.
pub fn steps_in(batch: &mut Batch, key: &TicketKey) -> Result<Pending<Vec<RecordedStep>>, ApiError> {
    let statement = query!(
        batch.db(),
        &format!(
            "SELECT ticket_id, target, cycle, step, reached_at FROM sla_steps WHERE ticket_id = {}",
            key.id_sql()
        ),
        key
    );
    batch.read(statement, |rows: Vec<StepRow>| {
        Ok(rows.into_iter().filter_map(recorded).map(|(_, step)| step).collect())
    })
}

/// The history of the ticket `key` names, read in `batch`.
pub fn history_in(batch: &mut Batch, key: &TicketKey) -> Result<Pending<History>, ApiError> {
    let events = events::events_in(batch, key)?;
    let steps = steps_in(batch, key)?;
    Ok(events
        .and(steps)
        .map(|(events, recorded)| Ok(History { moments: events::moments(&events), recorded })))
}

/// Tickets with a step due by `now`, after the keyset `(after_at, after_id)`, soonest first.
pub async fn due(
    env: &Env,
    now: DateTime<Utc>,
    after: (i64, i64),
    limit: u32,
) -> Result<Vec<(i64, i64)>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        sla_next_step_at: i64,
    }
    let db = db(env)?;
    let rows = all::<Row>(query!(
        &db,
        "SELECT id, sla_next_step_at FROM tickets
         WHERE sla_next_step_at IS NOT NULL AND sla_next_step_at <= ?1
           AND (sla_next_step_at > ?2 OR (sla_next_step_at = ?2 AND id > ?3))
         ORDER BY sla_next_step_at, id LIMIT ?4",
        now.timestamp_millis(),
        after.0,
        after.1,
        limit
    ))
    .await?;
    Ok(rows.into_iter().map(|row| (row.sla_next_step_at, row.id)).collect())
}

/// What the sweep writes for one ticket.
pub struct Sweep<'a> {
    pub before: &'a TicketState,
    pub steps: &'a [RecordedStep],
    pub response: &'a Response,
    pub clocks: &'a [Clock],
    pub progress: &'a Progress,
}

/// Records the steps and applies the response in one batch. The steps' primary key and
/// the event version refuse a batch another run (or an agent) got in first: that answers
/// `version_conflict` and changes nothing.
pub async fn record(env: &Env, sweep: Sweep<'_>, now: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    let id = sweep.before.id;
    let at = now.timestamp_millis();
    let mut statements = Vec::new();
    for step in sweep.steps {
        statements.push(
            query!(
                &db,
                "INSERT INTO sla_steps (ticket_id, target, cycle, step, reached_at, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                id,
                step.target.as_str(),
                step.cycle,
                step.percent,
                step.at.timestamp_millis(),
                at
            )
            .map_err(http::storage)?,
        );
    }
    for warning in &sweep.response.warnings {
        statements.push(event_statement(&db, id, warning, &Actor::System, at, None)?);
    }
    if let Some(breach) = &sweep.response.breach {
        let state = &sweep.response.state;
        let changed = state.version != sweep.before.version;
        statements.push(event_statement(
            &db,
            id,
            breach,
            &Actor::System,
            at,
            changed.then_some(state.version),
        )?);
        if changed {
            statements.push(projection_statement(&db, state, at)?);
        }
    }
    let desk = mail::desk_language(env);
    for notice in &sweep.response.notices {
        statements.extend(outbox::statements(&db, TicketRef::Id(id), notice, desk, now)?);
    }
    let reached = sweep.response.warnings.iter().chain(sweep.response.breach.as_ref());
    let announced = reached.filter_map(webhook::sla_event);
    statements.extend(webhooks::ticket_events(&db, id, announced, &http::public_url(env), now)?);
    let version = sweep.response.state.version;
    statements.extend(sla_projection(&db, TicketRef::Id(id), version, sweep.clocks, sweep.progress, now)?);
    super::send_batch(&db, statements)
        .await
        .map_err(|error| lost_race(error, "Another run recorded this step first, or the ticket changed"))?;
    Ok(())
}

/// Only the projection, when a ticket's stored next step turned out stale (its clock
/// stopped through a change the projection did not see, such as a major incident's).
pub async fn refresh(
    env: &Env,
    state: &TicketState,
    clocks: &[Clock],
    progress: &Progress,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let db = db(env)?;
    let statements = sla_projection(&db, TicketRef::Id(state.id), state.version, clocks, progress, now)?;
    super::send_batch(&db, statements).await.map_err(http::storage)?;
    Ok(())
}

/// The badge of a summary row.
pub fn badge(target: Option<&str>, due_at: Option<i64>, level: u32) -> Option<SlaBadge> {
    let target = Target::parse(target?)?;
    Some(SlaBadge { target, due_at: due_at.map(from_millis), level })
}
