//! What the sweep does with the steps it found due: a warning event per clock and a note to
//! the assignee, and on a breach the configured actions in one decision.

use super::clock::{Clock, BREACH};
use super::policy::{BreachActions, UNSET_PRIORITY};
use super::RecordedStep;
use crate::auth::Tier;
use crate::outbox::NUMBER;
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
    let number = NUMBER;
    let notice = |audience, subject: &str, body: String| Notice {
        audience,
        subject: format!("[{number}] {subject}: {}", state.title),
        body,
        send_at: None,
    };
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
            breached.push(format!(
                "{} target breached. {}",
                capitalised(clock.target.label()),
                clock.explanation
            ));
            continue;
        }
        let text =
            format!("{} % of the {} target used. {}", highest, clock.target.label(), clock.explanation);
        // Only the assignee is mailed: a queue-wide mail per warning would bury the queue;
        // unassigned tickets show their warnings in the "breaching soon" queue instead.
        if let Some(assignee) = &state.assignee {
            notices.push(notice(Audience::Agent(assignee.id), "SLA warning", format!("{number}: {text}")));
        }
        warnings.push(NewEvent {
            kind: EventKind::SlaWarning,
            details: EventDetails { text: Some(text), changes: Vec::new() },
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
    let text = breached.join("\n");
    if let (true, Some(assignee)) = (actions.notify_assignee, &state.assignee) {
        notices.push(notice(Audience::Agent(assignee.id), "SLA breached", format!("{number}: {text}")));
    }
    if actions.notify_supervisors {
        notices.push(notice(Audience::Supervisors, "SLA breached", format!("{number}: {text}")));
    }
    if next.tier != state.tier {
        notices.push(notice(
            Audience::Tier(next.tier),
            "Escalated to your queue after an SLA breach",
            format!("{number} moved to {}: {text}", next.tier.as_str().to_uppercase()),
        ));
    }
    let page_l3 = next.priority == Some(Priority::P1)
        && !notices.iter().any(|notice| notice.audience == Audience::Tier(Tier::L3));
    if page_l3 {
        notices.push(notice(Audience::Tier(Tier::L3), "P1 SLA breach", format!("{number}: {text}")));
    }
    let changes = diff(state, &next);
    if !changes.is_empty() {
        next.version += 1;
    }
    let breach =
        NewEvent { kind: EventKind::SlaBreached, details: EventDetails { text: Some(text), changes } };
    Response { state: next, warnings, breach: Some(breach), notices }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
