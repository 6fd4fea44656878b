//! Service levels: calendars, policies, the clocks computed from a ticket's history, and
//! what the sweep does when a clock passes a warning step or its target.

pub mod breach;
pub mod calendar;
pub mod clock;
pub mod policy;
pub mod zone;
mod zones;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use clock::{clocks, Clock, ClockState, EarlierResolution, Moment, PauseReason, Reached, Target, BREACH};
pub use policy::{BreachActions, SavedSlaSettings, SlaPolicy, SlaSettings};

/// A warning or breach the sweep has recorded (once: UNIQUE (ticket, target, cycle, step)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedStep {
    pub target: Target,
    pub cycle: u32,
    pub percent: u32,
    /// The instant the step was reached (not when the sweep noticed).
    pub at: DateTime<Utc>,
}

impl RecordedStep {
    fn matches(&self, clock: &Clock, percent: u32) -> bool {
        self.target == clock.target && self.cycle == clock.cycle && self.percent == percent
    }
}

/// Steps of clocks still running or paused that the sweep has not recorded yet. A stopped
/// clock records nothing late: an answered ticket is not escalated afterwards.
fn unrecorded<'a>(
    clocks: &'a [Clock],
    recorded: &'a [RecordedStep],
) -> impl Iterator<Item = RecordedStep> + 'a {
    clocks.iter().filter(|clock| clock.state != ClockState::Stopped).flat_map(move |clock| {
        clock
            .steps
            .iter()
            .filter(move |step| !recorded.iter().any(|done| done.matches(clock, step.percent)))
            .map(move |step| RecordedStep {
                target: clock.target,
                cycle: clock.cycle,
                percent: step.percent,
                at: step.at,
            })
    })
}

/// The unrecorded steps reached by `now`: what the sweep records this run.
pub fn due_steps(clocks: &[Clock], recorded: &[RecordedStep], now: DateTime<Utc>) -> Vec<RecordedStep> {
    unrecorded(clocks, recorded).filter(|step| step.at <= now).collect()
}

/// A ticket's SLA at a glance: what the queue shows and sorts by, and when the sweep
/// should next look at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaBadge {
    pub target: Target,
    /// `None` while the clock is paused.
    pub due_at: Option<DateTime<Utc>>,
    /// The highest step recorded for this clock (0, a warning percent, or 100).
    pub level: u32,
}

/// How urgent a clock looks, for colour: by the share of its target used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Calm,
    /// Past the first warning steps (under 75 %).
    Notice,
    /// 75 % or more used.
    Warning,
    Breached,
    Paused,
}

impl Tone {
    pub fn of_share(percent: i64) -> Tone {
        match percent {
            p if p >= i64::from(BREACH) => Tone::Breached,
            p if p >= 75 => Tone::Warning,
            p if p >= 50 => Tone::Notice,
            _ => Tone::Calm,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Tone::Calm => "calm",
            Tone::Notice => "notice",
            Tone::Warning => "warning",
            Tone::Breached => "breached",
            Tone::Paused => "paused",
        }
    }
}

impl SlaBadge {
    /// The sweep's last recorded step decides the colour, so it changes when the sweep acts.
    pub fn tone(&self) -> Tone {
        if self.due_at.is_none() {
            Tone::Paused
        } else {
            Tone::of_share(i64::from(self.level))
        }
    }
}

impl Clock {
    /// What reports count of this clock: each stop of a response or resolution clock once,
    /// a reopened ticket's earlier resolutions included (cycle = resolutions before it). The
    /// next-update target recurs with every reply and is not a result of its own.
    pub fn results(&self) -> Vec<CycleResult> {
        if self.target == Target::NextUpdate {
            return Vec::new();
        }
        let target = self.target_seconds();
        let earlier =
            self.earlier_resolutions.iter().map(|earlier| (earlier.at, earlier.elapsed_seconds, true));
        let last = self.stopped_at.map(|at| (at, self.elapsed_seconds, false));
        earlier
            .chain(last)
            .enumerate()
            .map(|(cycle, (stopped_at, seconds, reopened))| CycleResult {
                cycle: cycle as u32,
                stopped_at,
                minutes: seconds / 60,
                breached: seconds >= target,
                reopened,
            })
            .collect()
    }

    /// The colour of this clock as the page shows it now.
    pub fn tone(&self) -> Tone {
        match self.state {
            ClockState::Paused => Tone::Paused,
            _ => Tone::of_share(self.used_percent()),
        }
    }
}

/// One stop of a clock, as reports count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CycleResult {
    pub cycle: u32,
    pub stopped_at: DateTime<Utc>,
    pub minutes: i64,
    pub breached: bool,
    /// The ticket was reopened after this resolution.
    pub reopened: bool,
}

/// A ticket's clocks and their projection, as a write stores them.
#[derive(Debug, Clone, Default)]
pub struct Clocks {
    pub clocks: Vec<Clock>,
    pub progress: Progress,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub badge: Option<SlaBadge>,
    /// The earliest step not recorded yet; the sweep's index walks this column.
    pub next_step_at: Option<DateTime<Utc>>,
}

pub fn progress(clocks: &[Clock], recorded: &[RecordedStep]) -> Progress {
    let level = |clock: &Clock| {
        recorded
            .iter()
            .filter(|step| step.target == clock.target && step.cycle == clock.cycle)
            .map(|step| step.percent)
            .max()
            .unwrap_or(0)
    };
    let shown = clock::soonest_due(clocks).or_else(|| {
        clocks.iter().find(|clock| clock.state == ClockState::Paused && clock.target == Target::Resolution)
    });
    let next_step_at = unrecorded(clocks, recorded).map(|step| step.at).min();
    Progress {
        badge: shown.map(|clock| SlaBadge {
            target: clock.target,
            due_at: clock.due_at,
            level: level(clock),
        }),
        next_step_at,
    }
}

/// Everything agents see about a ticket's SLA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSla {
    pub clocks: Vec<Clock>,
    pub recorded: Vec<RecordedStep>,
}

/// What the customer is promised, without internal detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Promise {
    pub respond_by: Option<DateTime<Utc>>,
    pub resolve_by: Option<DateTime<Utc>>,
    /// The resolution clock is paused until the customer answers.
    pub waiting_for_you: bool,
}

pub fn promise(clocks: &[Clock]) -> Promise {
    let due =
        |target: Target| clocks.iter().find(|clock| clock.target == target).and_then(|clock| clock.due_at);
    let waiting_for_you = clocks.iter().any(|clock| {
        clock.target == Target::Resolution
            && clock.state == ClockState::Paused
            && clock
                .pauses
                .last()
                .is_some_and(|pause| pause.until.is_none() && pause.reason == PauseReason::WaitingOnCustomer)
    });
    Promise { respond_by: due(Target::FirstResponse), resolve_by: due(Target::Resolution), waiting_for_you }
}
