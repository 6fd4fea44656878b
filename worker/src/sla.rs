//! SLA clocks around the ticket writes and in the sweep. The domain computes; this module
//! fetches the history and settings it needs and hands the results to the store.

use chrono::{DateTime, Duration, Utc};
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::priority::Priority;
use edgedesk_domain::sla::{self, breach, Clocks, Moment, Promise, SlaSettings, TicketSla};
use edgedesk_domain::workflow::{Actor, Decision, Rules, TicketState};
use edgedesk_domain::{ApiError, ErrorCode};
use worker::Env;

use crate::clock;
use crate::live;
use crate::store;
use crate::store::batch::{Batch, Pending};
use crate::store::sla::History;
use crate::store::tickets::{Stored, TicketKey};

/// How many due tickets the sweep loads at a time.
const PAGE: u32 = 100;
/// The sweep leaves what is still due after this long to the next minute's run.
const BUDGET_SECONDS: i64 = 20;

/// What picks a ticket's policy.
#[derive(Debug, Clone, Copy)]
pub struct Subject {
    pub priority: Option<Priority>,
    pub category_id: Option<i64>,
    pub organisation_id: Option<i64>,
}

impl Subject {
    pub fn of(state: &TicketState, organisation_id: Option<i64>) -> Subject {
        let category_id = state.category.as_ref().map(|category| category.id);
        Subject { priority: state.priority, category_id, organisation_id }
    }
}

pub fn compute(settings: &SlaSettings, subject: Subject, history: &History, now: DateTime<Utc>) -> Clocks {
    let Some(chosen) = settings.choose(subject.priority, subject.category_id, subject.organisation_id) else {
        return Clocks::default();
    };
    let clocks = sla::clocks(&history.moments, &chosen, now);
    let progress = sla::progress(&clocks, &history.recorded);
    Clocks { clocks, progress }
}

/// The clocks of a ticket that is being created now.
pub fn for_new_ticket(settings: &SlaSettings, subject: Subject, now: DateTime<Utc>) -> Clocks {
    let opened = Moment { at: now, status: Some(Status::New), agent_reply: false };
    let history = History { moments: vec![opened], recorded: Vec::new() };
    compute(settings, subject, &history, now)
}

/// What a ticket's clocks are computed from: the SLA settings and the ticket's history.
pub struct Inputs {
    settings: SlaSettings,
    history: History,
}

/// The inputs of the clocks of the ticket `key` names, read in `batch`.
pub fn inputs_in(batch: &mut Batch, key: &TicketKey) -> Result<Pending<Inputs>, ApiError> {
    let settings = store::settings::sla_in(batch)?;
    let history = store::sla::history_in(batch, key)?;
    Ok(settings.and(history).map(|((settings, _), history)| Ok(Inputs { settings, history })))
}

impl Inputs {
    pub fn new(settings: SlaSettings, history: History) -> Inputs {
        Inputs { settings, history }
    }

    /// The clocks once `decision` is stored: the history plus the decision's own event.
    pub fn after_decision(
        &mut self,
        stored: &Stored,
        decision: &Decision,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Clocks {
        let event = &decision.event;
        self.history.moments.extend(Moment::from_event(event.kind, &event.details, now, actor.is_staff()));
        compute(
            &self.settings,
            Subject::of(&decision.state, stored.owner.organisation_id),
            &self.history,
            now,
        )
    }

    /// What the ticket page shows: every clock for staff, the promise for customers.
    pub fn for_page(self, stored: &Stored, now: DateTime<Utc>) -> (TicketSla, Promise) {
        let subject = Subject::of(&stored.state, stored.owner.organisation_id);
        let clocks = compute(&self.settings, subject, &self.history, now).clocks;
        let promise = sla::promise(&clocks);
        (TicketSla { clocks, recorded: self.history.recorded }, promise)
    }
}

#[derive(Debug, Default, Clone)]
pub struct Swept {
    pub examined: i64,
    pub warnings: i64,
    pub breaches: i64,
    pub conflicts: i64,
    /// The first ticket that failed for another reason; the others were still swept.
    pub failed: Option<ApiError>,
    /// What open pages should hear of, told once the sweep is done (each costs a call to a
    /// Durable Object, which the sweep does not wait for ticket by ticket).
    pub changed: Vec<live::Change>,
}

/// Finds the tickets whose clocks reached a step by `now` through the index on their next
/// step, records each step once and runs its actions. Cost grows with the tickets due.
pub async fn sweep(env: &Env, rules: &Rules, now: DateTime<Utc>) -> Result<Swept, ApiError> {
    let (settings, _) = store::settings::sla(env).await?;
    let started = clock::now();
    let mut swept = Swept::default();
    let mut after = (0, 0);
    loop {
        let due = store::sla::due(env, now, after, PAGE).await?;
        let Some(last) = due.last() else { break };
        after = *last;
        let ids: Vec<i64> = due.iter().map(|(_, id)| *id).collect();
        let mut histories = store::sla::histories(env, &ids).await?;
        for stored in store::tickets::by_ids(env, &ids, rules).await? {
            swept.examined += 1;
            let history = histories.remove(&stored.state.id).unwrap_or_default();
            match sweep_one(env, &settings, &stored, history, now).await {
                Ok(Some((warnings, breaches, change))) => {
                    swept.warnings += warnings;
                    swept.breaches += breaches;
                    swept.changed.push(change);
                }
                Ok(None) => {}
                Err(error) if error.code == ErrorCode::VersionConflict => swept.conflicts += 1,
                Err(error) => swept.failed = swept.failed.or(Some(error)),
            }
        }
        if clock::now() - started > Duration::seconds(BUDGET_SECONDS) {
            break;
        }
    }
    Ok(swept)
}

/// One ticket: the warnings and breaches recorded and the change to tell open pages of;
/// nothing when only its stale projection was refreshed.
async fn sweep_one(
    env: &Env,
    settings: &SlaSettings,
    stored: &Stored,
    history: History,
    now: DateTime<Utc>,
) -> Result<Option<(i64, i64, live::Change)>, ApiError> {
    let organisation_id = stored.owner.organisation_id;
    let before = compute(settings, Subject::of(&stored.state, organisation_id), &history, now);
    let due = sla::due_steps(&before.clocks, &history.recorded, now);
    if due.is_empty() {
        store::sla::refresh(env, &stored.state, &before.clocks, &before.progress, now).await?;
        return Ok(None);
    }
    let response = breach::respond(&stored.state, &before.clocks, &due, &settings.on_breach);
    let mut recorded = history.recorded;
    recorded.extend(due.iter().copied());
    // A raised priority may choose another policy: recompute from the same history.
    let history = History { moments: history.moments, recorded };
    let after = compute(settings, Subject::of(&response.state, organisation_id), &history, now);
    let sweep = store::sla::Sweep {
        before: &stored.state,
        steps: &due,
        response: &response,
        clocks: &after.clocks,
        progress: &after.progress,
    };
    store::sla::record(env, sweep, now).await?;
    // Open workspaces and queues show the warning or the escalation without a reload.
    let change =
        live::Change { ticket_id: stored.state.id, version: response.state.version, owner: stored.owner };
    Ok(Some((response.warnings.len() as i64, i64::from(response.breach.is_some()), change)))
}
