//! The agent's side of the ticket page: one small form per step of the process.

mod assignment;
mod call;
mod escalation;
mod major;
mod priority;
mod resolve;
mod status;
mod triage;

use edgedesk_domain::workflow::TicketState;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::workspace::{use_workspace, Workspace};

/// The working state on screen (staff pages always have one).
fn state(workspace: Workspace) -> Option<TicketState> {
    workspace.shown.with(|shown| shown.ticket.as_ref().and_then(|ticket| ticket.work.clone()))
}

/// `(value, caption)` pairs for a select from a list of choices.
fn choices<T: Copy>(
    items: &[T],
    value: impl Fn(T) -> &'static str,
    caption: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    items.iter().map(|&item| (value(item).to_string(), caption(item).to_string())).collect()
}

#[component]
pub fn WorkPanel() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let open = move || state(workspace).is_some_and(|state| !state.status.is_final());
    view! {
        <section class="work-panel" aria-labelledby="work-heading">
            <h2 id="work-heading" class="section-title">{move || i18n.p().work_heading}</h2>
            <Show when=open fallback=|| ()>
                <assignment::AssignmentForm/>
                <triage::TriageForm/>
                <escalation::EscalationForm/>
                <status::StatusForm/>
                <call::CallForm/>
                <resolve::ResolveForm/>
                <priority::PriorityForm/>
                <major::MajorForm/>
            </Show>
            <major::LinkedList/>
        </section>
    }
}
