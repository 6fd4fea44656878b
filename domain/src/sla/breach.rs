//! What the sweep does with the steps it found due: a warning event per clock and a note to
//! the assignee, and on a breach the configured actions in one decision.

use super::clock::{Clock, Reached, BREACH};
use super::policy::{BreachActions, UNSET_PRIORITY};
use super::RecordedStep;
use crate::auth::Tier;
use crate::message::Message;
use crate::priority::Priority;
use crate::workflow::{
    diff, route_critical, Audience, EventDetails, EventKind, NewEvent, Notice, TicketState,
};

/// The sweep's answer for one ticket. `state` differs from the ticket's when the breach
/// escalated it or raised its priority; then `breach` is written with the next version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub state: TicketState,
    pub warnings: Vec<NewEvent>,
    pub breach: Option<NewEvent>,
    pub notices: Vec<Notice>,
}

fn next_tier(tier: Tier) -> Tier {
    match tier {
        Tier::L1 => Tier::L2,
        Tier::L2 | Tier::L3 => Tier::L3,
    }
}

fn raised(priority: Option<Priority>) -> Priority {
    match priority.unwrap_or(UNSET_PRIORITY) {
        Priority::P4 => Priority::P3,
        Priority::P3 => Priority::P2,
        Priority::P2 | Priority::P1 => Priority::P1,
    }
}

/// Applies the due `steps` of `clocks` to the ticket.
pub fn respond(
    state: &TicketState,
    clocks: &[Clock],
    steps: &[RecordedStep],
    actions: &BreachActions,
) -> Response {
    let notice = |audience, message| Notice { audience, title: state.title.clone(), message, send_at: None };
    let mut warnings = Vec::new();
    let mut notices = Vec::new();
    let mut breached = Vec::new();
    for clock in clocks {
        let Some(highest) = steps
            .iter()
            .filter(|step| step.target == clock.target && step.cycle == clock.cycle)
            .map(|step| step.percent)
            .max()
        else {
            continue;
        };
        if highest >= BREACH {
            breached.push(clock.target);
            continue;
        }
        // Only the assignee is mailed: a queue-wide mail per warning would bury the queue;
        // unassigned tickets show their warnings in the "breaching soon" queue instead.
        if let Some(assignee) = &state.assignee {
            notices.push(notice(
                Audience::Agent(assignee.id),
                Message::SlaWarning { target: clock.target, percent: highest },
            ));
        }
        let reached = Reached { target: clock.target, percent: highest };
        warnings.push(NewEvent {
            kind: EventKind::SlaWarning,
            details: EventDetails { sla: vec![reached], ..EventDetails::default() },
        });
    }
    if breached.is_empty() {
        return Response { state: state.clone(), warnings, breach: None, notices };
    }
    let mut next = state.clone();
    if actions.escalate && state.tier != Tier::L3 {
        next.tier = next_tier(state.tier);
        next.assignee = None;
    }
    if actions.raise_priority {
        next.priority = Some(raised(state.priority));
    }
    route_critical(state, &mut next, &mut notices);
    let breached_message = || Message::SlaBreached { targets: breached.clone() };
    if let (true, Some(assignee)) = (actions.notify_assignee, &state.assignee) {
        notices.push(notice(Audience::Agent(assignee.id), breached_message()));
    }
    if actions.notify_supervisors {
        notices.push(notice(Audience::Supervisors, breached_message()));
    }
    if next.tier != state.tier {
        notices.push(notice(
            Audience::Tier(next.tier),
            Message::EscalatedAfterBreach { tier: next.tier, targets: breached.clone() },
        ));
    }
    let page_l3 = next.priority == Some(Priority::P1)
        && !notices.iter().any(|notice| notice.audience == Audience::Tier(Tier::L3));
    if page_l3 {
        notices
            .push(notice(Audience::Tier(Tier::L3), Message::CriticalBreached { targets: breached.clone() }));
    }
    let changes = diff(state, &next);
    if !changes.is_empty() {
        next.version += 1;
    }
    let sla = breached.iter().map(|target| Reached { target: *target, percent: BREACH }).collect();
    let breach = NewEvent {
        kind: EventKind::SlaBreached,
        details: EventDetails { changes, sla, ..EventDetails::default() },
    };
    Response { state: next, warnings, breach: Some(breach), notices }
}
