//! The agent's side of the ticket page: the properties, edited in place, and the rarer
//! steps of the process, each behind a button that opens its form in a dialog.

mod call;
mod escalation;
mod major;
mod priority;
mod properties;
mod resolve;
mod step_dialog;
mod triage;

use edgedesk_domain::workflow::TicketState;
use leptos::prelude::*;

use crate::api;
use crate::i18n::use_i18n;
use crate::workspace::{use_workspace, Workspace};
use properties::PropertiesPanel;
use step_dialog::StepDialog;

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
    // Fetched once for every field and form that offers them.
    let agents = LocalResource::new(|| async { api::agents().await.unwrap_or_default() });
    let categories = LocalResource::new(|| async { api::categories().await.unwrap_or_default() });
    let p = move || i18n.p();
    view! {
        <section class="card work-panel" aria-labelledby="work-heading">
            <h2 id="work-heading" class="section-title">{move || p().work_heading}</h2>
            <Show when=open fallback=|| ()>
                <PropertiesPanel agents categories/>
                <div class="step-bar" role="group" aria-label=move || i18n.c().steps_label>
                    <StepDialog command="triage" label=Signal::derive(move || p().triage_heading)>
                        <triage::TriageForm categories/>
                    </StepDialog>
                    <StepDialog command="priority" label=Signal::derive(move || p().priority_heading)>
                        <priority::PriorityForm/>
                    </StepDialog>
                    <StepDialog command="escalate" label=Signal::derive(move || p().escalate_heading)>
                        <escalation::EscalationForm/>
                    </StepDialog>
                    <StepDialog command="call" label=Signal::derive(move || p().call_heading)>
                        <call::CallForm/>
                    </StepDialog>
                    <StepDialog command="major" label=Signal::derive(move || p().major_heading)>
                        <major::MajorForm/>
                    </StepDialog>
                    <StepDialog command="resolve" label=Signal::derive(move || p().resolve_heading)>
                        <resolve::ResolveForm/>
                    </StepDialog>
                </div>
            </Show>
            <major::LinkedList/>
        </section>
    }
}
