use edgedesk_domain::priority::Priority;
use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use super::{choices, state};
use crate::components::select_field::SelectField;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// Overrides the matrix's priority; the reason is kept in the history.
#[component]
pub fn PriorityForm() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let current = state(workspace).and_then(|state| state.priority).unwrap_or(Priority::P3);
    let priority = RwSignal::new(current.as_str().to_string());
    let reason = RwSignal::new(String::new());
    let options = Signal::derive(|| choices(&Priority::ALL, Priority::as_str, Priority::as_str));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let priority = Priority::parse(&priority.get_untracked()).unwrap_or(Priority::P3);
        workspace.send(Command::SetPriority { priority, reason: reason.get_untracked() });
    };
    view! {
        <form class="card work-form" on:submit=submit aria-labelledby="priority-heading">
            <h3 id="priority-heading">{move || i18n.p().priority_heading}</h3>
            <SelectField name="priority" label=Signal::derive(move || i18n.p().field_priority) value=priority options=options/>
            <div class="field">
                <label for="field-priority-reason">{move || i18n.p().field_reason}</label>
                <input id="field-priority-reason" name="priority-reason" bind:value=reason/>
            </div>
            <button type="submit" class="button" disabled=move || workspace.busy.get()>{move || i18n.p().priority_override}</button>
        </form>
    }
}
