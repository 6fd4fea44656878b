//! The ticket page's state and its one way to change the ticket: `send` a command. The
//! answer (the ticket after the step, or the current ticket after a conflict) replaces
//! what is shown, so every panel reads one source of truth.

use edgedesk_domain::call::Call;
use edgedesk_domain::sla::{Promise, TicketSla};
use edgedesk_domain::ticket::{PublicTicket, StatusView, Ticket, TicketView, TimelineEntry};
use edgedesk_domain::workflow::{ActionRequest, Command};
use edgedesk_domain::ApiError;
use leptos::prelude::*;

use crate::api::{self, Saved};

/// What the page shows, whether it came through an account or a status link.
#[derive(Clone, PartialEq)]
pub struct Shown {
    pub public: PublicTicket,
    pub timeline: Vec<TimelineEntry>,
    pub calls: Vec<Call>,
    /// The signed-in view (reporter, answers, and for staff the working state).
    pub ticket: Option<Ticket>,
    /// The SLA clocks (staff) and the promise (customers).
    pub sla: Option<TicketSla>,
    pub promise: Option<Promise>,
}

impl From<TicketView> for Shown {
    fn from(view: TicketView) -> Self {
        Shown {
            public: view.ticket.public.clone(),
            timeline: view.timeline,
            calls: view.calls,
            ticket: Some(view.ticket),
            sla: view.sla,
            promise: view.promise,
        }
    }
}

impl From<StatusView> for Shown {
    fn from(view: StatusView) -> Self {
        Shown {
            public: view.ticket,
            timeline: view.timeline,
            calls: view.calls,
            ticket: None,
            sla: None,
            promise: view.promise,
        }
    }
}

/// Where commands go.
#[derive(Clone, PartialEq)]
pub enum Target {
    Ticket(i64),
    StatusLink(String),
}

#[derive(Clone, PartialEq)]
pub enum Outcome {
    Saved,
    /// Someone else changed the ticket first; the page now shows their version, and these
    /// are the entries of the history written meanwhile (what changed).
    Conflict(Vec<TimelineEntry>),
    Failed(ApiError),
}

#[derive(Clone, Copy)]
pub struct Workspace {
    pub shown: RwSignal<Shown>,
    /// A step is under way.
    pub busy: Memo<bool>,
    pub outcome: RwSignal<Option<Outcome>>,
    step: Action<ActionRequest, ()>,
    target: StoredValue<Target>,
    /// Bumped after every successful step, so forms can clear themselves.
    pub saves: RwSignal<u32>,
    /// The person is writing a reply or note (shown to colleagues as presence).
    pub editing: RwSignal<bool>,
    /// The compose box writes an internal note (staff), not a reply to the customer.
    pub compose_note: RwSignal<bool>,
}

impl Workspace {
    pub fn new(shown: Shown, target: Target) -> Workspace {
        let shown = RwSignal::new(shown);
        let outcome = RwSignal::new(None);
        let target = StoredValue::new(target);
        let saves = RwSignal::new(0);
        // The answer replaces what is shown; after a conflict, the entries written since
        // the version on screen say what changed.
        let step = Action::new_local(move |request: &ActionRequest| {
            let request = request.clone();
            let target = target.get_value();
            let seen = shown.with_untracked(|shown| shown.timeline.last().map_or(0, |entry| entry.id));
            async move {
                let result = match target {
                    Target::Ticket(id) => api::act(id, &request).await.map(|saved| saved.map(Shown::from)),
                    Target::StatusLink(token) => {
                        api::act_by_link(&token, &request).await.map(|saved| saved.map(Shown::from))
                    }
                };
                match result {
                    Ok(Saved::Done(now)) => {
                        shown.set(now);
                        outcome.set(Some(Outcome::Saved));
                        saves.update(|n| *n += 1);
                    }
                    Ok(Saved::Stale(now)) => {
                        let meanwhile =
                            now.timeline.iter().filter(|entry| entry.id > seen).cloned().collect();
                        shown.set(now);
                        outcome.set(Some(Outcome::Conflict(meanwhile)));
                    }
                    Err(error) => outcome.set(Some(Outcome::Failed(error))),
                }
            }
        });
        Workspace {
            shown,
            busy: step.pending(),
            outcome,
            step,
            target,
            saves,
            editing: RwSignal::new(false),
            compose_note: RwSignal::new(false),
        }
    }

    pub fn staff(&self) -> bool {
        self.shown.with(|shown| shown.ticket.as_ref().is_some_and(|ticket| ticket.work.is_some()))
    }

    pub fn ticket_id(&self) -> Option<i64> {
        match self.target.get_value() {
            Target::Ticket(id) => Some(id),
            Target::StatusLink(_) => None,
        }
    }

    /// Where a call's calendar file is downloaded from.
    pub fn invitation_href(&self, call_id: i64) -> String {
        match self.target.get_value() {
            Target::Ticket(id) => format!("/api/tickets/{id}/calls/{call_id}.ics"),
            Target::StatusLink(token) => {
                format!("/api/status/{}/calls/{call_id}.ics", js_sys::encode_uri_component(&token))
            }
        }
    }

    /// Sends one step, based on the version on screen.
    pub fn send(&self, command: Command) {
        let version =
            command.needs_version().then(|| self.shown.with_untracked(|shown| shown.public.version));
        self.outcome.set(None);
        self.step.dispatch(ActionRequest { version, command });
    }
}

pub fn use_workspace() -> Workspace {
    expect_context::<Workspace>()
}
