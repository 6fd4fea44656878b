use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use super::state;
use crate::api;
use crate::components::select_field::SelectField;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// Who works on the ticket: take it, give it to a colleague of its tier, or let the desk
/// pick the least busy one.
#[component]
pub fn AssignmentForm() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let agent = RwSignal::new(String::new());
    let agents = LocalResource::new(|| async { api::agents().await.unwrap_or_default() });
    let options = Signal::derive(move || {
        let tier = state(workspace).map(|state| state.tier);
        let mut options = vec![(String::new(), "–".to_string())];
        for candidate in agents.get().unwrap_or_default().into_iter().filter(|a| Some(a.tier) == tier) {
            let away = if candidate.away { " (away)" } else { "" };
            options.push((
                candidate.id.to_string(),
                format!("{} · {}{away}", candidate.name, candidate.open_tickets),
            ));
        }
        options
    });
    let assignee = move || {
        state(workspace)
            .and_then(|state| state.assignee)
            .map_or_else(|| i18n.p().unassigned.to_string(), |assignee| assignee.name)
    };
    let tier = move || state(workspace).map(|state| i18n.p().tier(state.tier)).unwrap_or_default();
    let assign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(agent_id) = agent.get_untracked().parse() {
            workspace.send(Command::Assign { agent_id });
        }
    };
    view! {
        <form class="card work-form" on:submit=assign aria-labelledby="assign-heading">
            <h3 id="assign-heading">{move || i18n.p().assign_heading}</h3>
            <p>
                {move || i18n.p().field_tier} ": " <strong data-testid="tier">{tier}</strong> " · "
                {move || i18n.p().field_assignee} ": " <strong data-testid="assignee">{assignee}</strong>
            </p>
            <button type="button" class="button" disabled=move || workspace.busy.get()
                on:click=move |_| workspace.send(Command::Take)>{move || i18n.p().take}</button>
            <SelectField name="agent" label=Signal::derive(move || i18n.p().field_assignee) value=agent options=options/>
            <div class="button-row">
                <button type="submit" class="button" disabled=move || workspace.busy.get()>{move || i18n.p().assign}</button>
                <button type="button" class="button" disabled=move || workspace.busy.get()
                    on:click=move |_| workspace.send(Command::AutoAssign)>{move || i18n.p().auto_assign}</button>
            </div>
        </form>
    }
}
