//! The statements every batch that writes to a ticket shares, whoever builds it (a step,
//! a new ticket, the SLA sweep): the event, the ticket's projection and its clocks'
//! projection. A module of their own, so the store's ticket and SLA modules both use them
//! and neither imports the other's writes.

use chrono::{DateTime, Utc};
use edgedesk_domain::priority::{Level, Priority};
use edgedesk_domain::sla::{Clock, ClockState, Progress};
use edgedesk_domain::workflow::{Actor, NewEvent, TicketState};
use edgedesk_domain::ApiError;
use worker::{query, D1Database, D1PreparedStatement};

use crate::http;

/// Names the ticket a statement is about: a known id, or the one this batch just created.
#[derive(Debug, Clone, Copy)]
pub enum TicketRef {
    Id(i64),
    Newest,
}

impl TicketRef {
    /// A SQL expression for the id (ids are integers, so formatting them in is safe).
    pub fn sql(self) -> String {
        match self {
            TicketRef::Id(id) => id.to_string(),
            TicketRef::Newest => "(SELECT MAX(id) FROM tickets)".to_string(),
        }
    }
}

/// The event of a step, stored at `version` (the UNIQUE (ticket, version) index refuses
/// a second event on the same version: the lost race).
pub fn event_statement(
    db: &D1Database,
    ticket_id: i64,
    event: &NewEvent,
    actor: &Actor,
    at: i64,
    version: Option<i64>,
) -> Result<D1PreparedStatement, ApiError> {
    let data = serde_json::to_string(&event.details).map_err(http::internal)?;
    query!(
        db,
        "INSERT INTO ticket_events (ticket_id, kind, actor, actor_name, at, data, version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        ticket_id,
        event.kind.as_str(),
        actor.label(),
        actor.name(),
        at,
        data,
        version
    )
    .map_err(http::storage)
}

/// The ticket row as the step left it, written only over the version the step was based on.
pub fn projection_statement(
    db: &D1Database,
    state: &TicketState,
    at: i64,
) -> Result<D1PreparedStatement, ApiError> {
    let millis = |time: Option<DateTime<Utc>>| time.map(|time| time.timestamp_millis());
    query!(
        db,
        "UPDATE tickets SET kind = ?2, status = ?3, tier = ?4, assignee_id = ?5, impact = ?6, urgency = ?7,
                priority = ?8, category_id = ?9, is_major = ?10, major_id = ?11, resolution_code = ?12,
                resolution_notes = ?13, resolved_at = ?14, closed_at = ?15, first_response_at = ?16,
                rating = ?17, rating_comment = ?18, version = ?19, updated_at = ?20
         WHERE id = ?1 AND version = ?19 - 1",
        state.id,
        state.kind.as_str(),
        state.status.as_str(),
        state.tier.as_str(),
        state.assignee.as_ref().map(|assignee| assignee.id),
        state.impact.map(Level::as_str),
        state.urgency.map(Level::as_str),
        state.priority.map(Priority::as_str),
        state.category.as_ref().map(|category| category.id),
        i32::from(state.is_major),
        state.major_id,
        state.resolution.as_ref().map(|resolution| resolution.code.as_str()),
        state.resolution.as_ref().map(|resolution| resolution.notes.as_str()),
        millis(state.resolved_at),
        millis(state.closed_at),
        millis(state.first_response_at),
        state.rating.as_ref().map(|rating| rating.score),
        state.rating.as_ref().and_then(|rating| rating.comment.as_deref()),
        state.version,
        at
    )
    .map_err(http::storage)
}

fn state_text(state: ClockState) -> &'static str {
    match state {
        ClockState::Running => "running",
        ClockState::Paused => "paused",
        ClockState::Stopped => "stopped",
    }
}

/// Statements that store the clocks' projection: the ticket's badge and next step, and a
/// metrics row per target. Part of whatever batch changed the ticket; they write nothing
/// unless the ticket is still at `version`, so a slower writer cannot put back stale clocks.
pub fn sla_projection(
    db: &D1Database,
    ticket: TicketRef,
    version: i64,
    clocks: &[Clock],
    progress: &Progress,
    now: DateTime<Utc>,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let id = ticket.sql();
    let millis = |at: Option<DateTime<Utc>>| at.map(|at| at.timestamp_millis());
    let badge = progress.badge;
    let mut statements = vec![query!(
        db,
        &format!(
            "UPDATE tickets SET sla_target = ?1, sla_due_at = ?2, sla_level = ?3, sla_next_step_at = ?4
             WHERE id = {id} AND version = {version}"
        ),
        badge.map(|badge| badge.target.as_str()),
        millis(badge.and_then(|badge| badge.due_at)),
        badge.map_or(0, |badge| badge.level),
        millis(progress.next_step_at)
    )
    .map_err(http::storage)?];
    for clock in clocks {
        // A next-update target recurs; once any cycle was breached the ticket stays breached.
        statements.push(
            query!(
                db,
                &format!(
                    "INSERT INTO sla_metrics (ticket_id, target, policy, target_minutes, state, elapsed_minutes,
                                              paused_minutes, breached, stopped_at, updated_at)
                     SELECT id, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM tickets
                     WHERE id = {id} AND version = {version}
                     ON CONFLICT (ticket_id, target) DO UPDATE SET
                        policy = excluded.policy, target_minutes = excluded.target_minutes,
                        state = excluded.state, elapsed_minutes = excluded.elapsed_minutes,
                        paused_minutes = excluded.paused_minutes, stopped_at = excluded.stopped_at,
                        updated_at = excluded.updated_at,
                        breached = CASE WHEN excluded.target = 'next_update'
                                        THEN MAX(breached, excluded.breached) ELSE excluded.breached END"
                ),
                clock.target.as_str(),
                &clock.policy,
                clock.target_minutes,
                state_text(clock.state),
                clock.elapsed_seconds / 60,
                clock.paused_seconds / 60,
                i32::from(clock.breached),
                millis(clock.stopped_at),
                now.timestamp_millis()
            )
            .map_err(http::storage)?,
        );
        statements.extend(sla_results(db, &id, version, clock, now)?);
    }
    Ok(statements)
}

/// What reports count: each stop of the clock, once per cycle (a cancelled ticket counts
/// nothing); written with every projection, so a result is never missed.
fn sla_results(
    db: &D1Database,
    id: &str,
    version: i64,
    clock: &Clock,
    now: DateTime<Utc>,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    clock
        .results()
        .into_iter()
        .map(|result| {
            query!(
                db,
                &format!(
                    "INSERT INTO sla_results (ticket_id, target, cycle, stopped_at, minutes, target_minutes, breached,
                                              reopened, priority, tier, category_id, organisation_id, channel, agent_id,
                                              updated_at)
                     SELECT id, ?1, ?2, ?3, ?4, ?5, ?6, ?7, priority, tier, category_id, organisation_id, channel,
                            assignee_id, ?8
                     FROM tickets WHERE id = {id} AND version = {version} AND status <> 'cancelled'
                     ON CONFLICT (ticket_id, target, cycle) DO UPDATE SET
                        stopped_at = excluded.stopped_at, minutes = excluded.minutes,
                        target_minutes = excluded.target_minutes, breached = excluded.breached,
                        reopened = excluded.reopened, priority = excluded.priority, tier = excluded.tier,
                        category_id = excluded.category_id, organisation_id = excluded.organisation_id,
                        channel = excluded.channel, agent_id = excluded.agent_id,
                        updated_at = excluded.updated_at"
                ),
                clock.target.as_str(),
                result.cycle,
                result.stopped_at.timestamp_millis(),
                result.minutes,
                clock.target_minutes,
                i32::from(result.breached),
                i32::from(result.reopened),
                now.timestamp_millis()
            )
            .map_err(http::storage)
        })
        .collect()
}
