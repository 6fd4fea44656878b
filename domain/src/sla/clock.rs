//! The SLA clocks of one ticket, computed from its history: a pure function of the moments
//! that matter (status changes, the agents' public replies), the chosen policy and `now`.
//! Nothing is stored that could drift: changing the priority or the policy recomputes the
//! deadlines from the same history.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::{Hours, Schedule};
use super::policy::Chosen;
use crate::lifecycle::Status;
use crate::workflow::{EventDetails, EventKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    FirstResponse,
    NextUpdate,
    Resolution,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::FirstResponse, Target::NextUpdate, Target::Resolution];

    pub fn as_str(self) -> &'static str {
        match self {
            Target::FirstResponse => "first_response",
            Target::NextUpdate => "next_update",
            Target::Resolution => "resolution",
        }
    }

    pub fn parse(text: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|target| target.as_str() == text)
    }
}

/// One entry of a ticket's history as the clocks read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    pub at: DateTime<Utc>,
    /// The status the ticket entered, if the event changed it.
    pub status: Option<Status>,
    /// A public reply written by an agent (not a note, not an automatic message).
    pub agent_reply: bool,
}

impl Moment {
    /// What a stored event means to the clocks; `None` when it means nothing to them. The
    /// creation always counts (as `new` when its record names no status).
    pub fn from_event(
        kind: EventKind,
        details: &EventDetails,
        at: DateTime<Utc>,
        by_staff: bool,
    ) -> Option<Moment> {
        let status = details
            .changes
            .iter()
            .find(|change| change.field == "status")
            .and_then(|change| change.after.as_deref())
            .and_then(Status::parse)
            .or((kind == EventKind::Created).then_some(Status::New));
        let agent_reply = kind == EventKind::Reply && by_staff;
        (status.is_some() || agent_reply).then_some(Moment { at, status, agent_reply })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseReason {
    WaitingOnCustomer,
    WaitingOnThirdParty,
    /// Resolved, then reopened: the time the customer took to reopen does not count.
    Resolved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    Running,
    Paused,
    Stopped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
    pub reason: PauseReason,
    /// Open calendar time inside the pause (what it moved the deadline by).
    pub seconds: i64,
}

/// The instant a share of the target is used up; 100 % is the breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub percent: u32,
    pub at: DateTime<Utc>,
}

pub const BREACH: u32 = 100;

/// A warning step or the breach (100 %) of one clock, as a sweep event records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reached {
    pub target: Target,
    pub percent: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub target: Target,
    /// 0 for response and resolution; the n-th agent update for the next-update target.
    pub cycle: u32,
    pub policy: String,
    pub target_minutes: u32,
    pub started_at: DateTime<Utc>,
    pub state: ClockState,
    pub stopped_at: Option<DateTime<Utc>>,
    /// When the target is used up, while the clock runs.
    pub due_at: Option<DateTime<Utc>>,
    /// Open calendar time used so far (up to the stop).
    pub elapsed_seconds: i64,
    pub paused_seconds: i64,
    pub breached: bool,
    pub pauses: Vec<Pause>,
    /// The warning and breach instants reached so far or, while running, still ahead.
    pub steps: Vec<Step>,
    /// The calendar the clock counts in, so readers see why a deadline falls where it does.
    pub hours: Hours,
    /// Each earlier resolution of a reopened ticket: when, and the open time used by then.
    /// For reports only (each resolution counts once), so not sent to pages.
    #[serde(skip)]
    pub earlier_resolutions: Vec<EarlierResolution>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EarlierResolution {
    pub at: DateTime<Utc>,
    pub elapsed_seconds: i64,
}

impl Clock {
    pub fn target_seconds(&self) -> i64 {
        i64::from(self.target_minutes) * 60
    }

    /// Share of the target used, in percent (above 100 when overdue).
    pub fn used_percent(&self) -> i64 {
        self.elapsed_seconds * 100 / self.target_seconds().max(1)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Running,
    Paused(PauseReason),
    Stopped,
}

/// Where the ticket's status put the resolution clock from each moment on.
fn phases(moments: &[Moment]) -> Vec<(DateTime<Utc>, Phase)> {
    let mut phases: Vec<(DateTime<Utc>, Phase)> = Vec::new();
    for moment in moments {
        let Some(status) = moment.status else { continue };
        let phase = match status {
            Status::New | Status::Open | Status::InProgress => Phase::Running,
            Status::PendingCustomer => Phase::Paused(PauseReason::WaitingOnCustomer),
            Status::PendingThirdParty => Phase::Paused(PauseReason::WaitingOnThirdParty),
            Status::Resolved => Phase::Paused(PauseReason::Resolved),
            Status::Closed | Status::Cancelled => Phase::Stopped,
        };
        if phases.last().map(|(_, last)| *last) != Some(phase) {
            phases.push((moment.at, phase));
        }
    }
    // Resolved is a pause only if the ticket was reopened: a ticket still resolved, or
    // resolved and then closed, stopped its clock when it was resolved.
    let mut end = phases.len();
    while end > 0 && matches!(phases[end - 1].1, Phase::Stopped | Phase::Paused(PauseReason::Resolved)) {
        end -= 1;
    }
    if end < phases.len() {
        phases[end].1 = Phase::Stopped;
        phases.truncate(end + 1);
    }
    phases
}

/// Running stretches of a clock (the last open-ended while it runs) and its pauses.
struct Course {
    running: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>,
    pauses: Vec<(DateTime<Utc>, Option<DateTime<Utc>>, PauseReason)>,
    stopped_at: Option<DateTime<Utc>>,
}

fn course(
    start: DateTime<Utc>,
    stop: Option<DateTime<Utc>>,
    phases: &[(DateTime<Utc>, Phase)],
    pausable: bool,
) -> Course {
    let mut course = Course { running: Vec::new(), pauses: Vec::new(), stopped_at: None };
    for (index, (from, phase)) in phases.iter().enumerate() {
        let until = phases.get(index + 1).map(|(at, _)| *at);
        let until = match (until, stop) {
            (Some(until), Some(stop)) => Some(until.min(stop)),
            (until, stop) => until.or(stop),
        };
        let from = (*from).max(start);
        if until.is_some_and(|until| until <= from) {
            continue;
        }
        match phase {
            Phase::Stopped => {
                course.stopped_at = Some(from);
                return course;
            }
            Phase::Paused(reason) if pausable => course.pauses.push((from, until, *reason)),
            _ => match course.running.last_mut() {
                Some((_, end)) if *end == Some(from) => *end = until,
                _ => course.running.push((from, until)),
            },
        }
    }
    course.stopped_at = stop;
    course
}

/// The instant `amount` milliseconds of open time have run across `running`.
fn instant_after(
    schedule: &Schedule,
    running: &[(DateTime<Utc>, Option<DateTime<Utc>>)],
    amount: i64,
) -> Option<DateTime<Utc>> {
    let mut left = amount;
    for (from, until) in running {
        let Some(until) = until else { return schedule.after(*from, left) };
        let open = schedule.open_millis(*from, *until);
        if open >= left {
            return schedule.after(*from, left);
        }
        left -= open;
    }
    None
}

fn clipped(until: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
    until.map_or(now, |until| until.min(now))
}

struct Definition {
    target: Target,
    cycle: u32,
    minutes: u32,
    start: DateTime<Utc>,
    stop: Option<DateTime<Utc>>,
    pausable: bool,
}

fn measure(
    definition: &Definition,
    phases: &[(DateTime<Utc>, Phase)],
    chosen: &Chosen,
    now: DateTime<Utc>,
) -> Clock {
    let schedule = &chosen.schedule;
    let course = course(definition.start, definition.stop, phases, definition.pausable);
    // Milliseconds, as events are stored: a pause moves a deadline by exactly its length.
    let target = i64::from(definition.minutes) * 60_000;
    let elapsed: i64 =
        course.running.iter().map(|(from, until)| schedule.open_millis(*from, clipped(*until, now))).sum();
    let paused: Vec<(Pause, i64)> = course
        .pauses
        .iter()
        .map(|(from, until, reason)| {
            let millis = schedule.open_millis(*from, clipped(*until, now));
            (Pause { from: *from, until: *until, reason: *reason, seconds: millis / 1000 }, millis)
        })
        .collect();
    let paused_millis: i64 = paused.iter().map(|(_, millis)| millis).sum();
    let earlier_resolutions = course
        .pauses
        .iter()
        .filter(|(from, _, reason)| *reason == PauseReason::Resolved && *from <= now)
        .map(|(resolved, _, _)| {
            let used: i64 = course
                .running
                .iter()
                .filter(|(from, _)| from < resolved)
                .map(|(from, until)| schedule.open_millis(*from, clipped(*until, *resolved)))
                .sum();
            EarlierResolution { at: *resolved, elapsed_seconds: used / 1000 }
        })
        .collect();
    let pauses: Vec<Pause> = paused.into_iter().map(|(pause, _)| pause).collect();
    let state = if course.stopped_at.is_some_and(|stop| stop <= now) {
        ClockState::Stopped
    } else if course.running.last().is_some_and(|(_, until)| until.is_none()) {
        ClockState::Running
    } else {
        ClockState::Paused
    };
    let steps = chosen
        .warnings
        .iter()
        .copied()
        .chain([BREACH])
        .filter_map(|percent| {
            let at = instant_after(schedule, &course.running, target * i64::from(percent) / 100)?;
            (state == ClockState::Running || at <= now).then_some(Step { percent, at })
        })
        .collect();
    let due_at =
        if state == ClockState::Running { instant_after(schedule, &course.running, target) } else { None };
    Clock {
        target: definition.target,
        cycle: definition.cycle,
        policy: chosen.policy.name.clone(),
        target_minutes: definition.minutes,
        started_at: definition.start,
        state,
        stopped_at: course.stopped_at.filter(|stop| *stop <= now),
        due_at,
        elapsed_seconds: elapsed / 1000,
        paused_seconds: paused_millis / 1000,
        breached: elapsed >= target,
        pauses,
        steps,
        hours: schedule.hours(),
        earlier_resolutions,
    }
}

/// The ticket's clocks at `now`: response, resolution and, once an agent has answered and
/// the policy sets one, the next update. `moments` must start with the ticket's creation.
pub fn clocks(moments: &[Moment], chosen: &Chosen, now: DateTime<Utc>) -> Vec<Clock> {
    let mut moments = moments.to_vec();
    moments.sort_by_key(|moment| moment.at);
    let Some(created) = moments.first().cloned() else { return Vec::new() };
    let phases = phases(&moments);
    let replies: Vec<DateTime<Utc>> = moments.iter().filter(|m| m.agent_reply).map(|m| m.at).collect();
    let closed = moments
        .iter()
        .find(|m| matches!(m.status, Some(Status::Resolved | Status::Closed | Status::Cancelled)))
        .map(|m| m.at);
    let answered = match (replies.first().copied(), closed) {
        (Some(reply), Some(closed)) => Some(reply.min(closed)),
        (reply, closed) => reply.or(closed),
    };
    let policy = chosen.policy;
    let mut definitions = vec![Definition {
        target: Target::FirstResponse,
        cycle: 0,
        minutes: policy.first_response_minutes,
        start: created.at,
        stop: answered,
        pausable: false,
    }];
    if let (Some(minutes), Some(last_reply)) = (policy.next_update_minutes, replies.last()) {
        definitions.push(Definition {
            target: Target::NextUpdate,
            cycle: replies.len() as u32,
            minutes,
            start: *last_reply,
            stop: None,
            pausable: true,
        });
    }
    definitions.push(Definition {
        target: Target::Resolution,
        cycle: 0,
        minutes: policy.resolution_minutes,
        start: created.at,
        stop: None,
        pausable: true,
    });
    definitions.iter().map(|definition| measure(definition, &phases, chosen, now)).collect()
}

/// The earliest deadline among running clocks: what the queue sorts "breaching soon" by.
pub(super) fn soonest_due(clocks: &[Clock]) -> Option<&Clock> {
    clocks.iter().filter(|clock| clock.due_at.is_some()).min_by_key(|clock| clock.due_at)
}
