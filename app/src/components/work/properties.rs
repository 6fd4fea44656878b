//! The ticket's properties, edited in place: each change is one versioned step, saved at
//! once; a stale version is explained by the outcome banner and the fields show the
//! current values again. Priority and tier need a reason, so they open their dialogs.

use edgedesk_domain::category::Category;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::ticket::AgentSummary;
use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use super::state;
use crate::components::select_field::category_choices;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::workspace::use_workspace;

/// Working statuses an agent picks; resolving, reopening and cancelling are steps of their own.
const SETTABLE: [Status; 4] =
    [Status::Open, Status::InProgress, Status::PendingCustomer, Status::PendingThirdParty];

#[component]
pub fn PropertiesPanel(
    agents: LocalResource<Vec<AgentSummary>>,
    categories: LocalResource<Vec<Category>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let me = use_session().me().map(|me| me.id);
    let current = move || state(workspace);
    let busy = move || workspace.busy.get();

    let status_value = move || current().map(|s| s.status.as_str().to_string()).unwrap_or_default();
    let status_options = move || {
        let t = i18n.t();
        let now = current().map(|s| s.status);
        // The current status stays listed even when it is not one an agent sets (New).
        now.filter(|status| !SETTABLE.contains(status))
            .into_iter()
            .chain(SETTABLE)
            .map(|status| {
                let value = status.as_str();
                view! { <option value=value selected=move || status_value() == value>{t.status_for(status, true)}</option> }
            })
            .collect_view()
    };
    let set_status = move |ev: leptos::ev::Event| {
        if let Some(status) = Status::parse(&event_target_value(&ev)) {
            workspace.send(Command::SetStatus { status });
        }
    };

    let category_value =
        move || current().and_then(|s| s.category).map(|c| c.id.to_string()).unwrap_or_default();
    let category_options = move || {
        category_choices(categories.get().unwrap_or_default(), i18n.p().no_choice)
            .into_iter()
            .map(|(value, caption)| {
                let chosen = value.clone();
                view! { <option value=value selected=move || category_value() == chosen>{caption}</option> }
            })
            .collect_view()
    };
    let set_category = move |ev: leptos::ev::Event| {
        workspace.send(Command::SetCategory { category_id: event_target_value(&ev).parse().ok() });
    };

    let assignee_value =
        move || current().and_then(|s| s.assignee).map(|a| a.id.to_string()).unwrap_or_default();
    let assignee_options = move || {
        let p = i18n.p();
        let tier = current().map(|s| s.tier);
        let candidates = agents.get().unwrap_or_default().into_iter().filter(move |a| Some(a.tier) == tier);
        let unassigned =
            view! { <option value="" selected=move || assignee_value().is_empty()>{p.unassigned}</option> };
        let people = candidates
            .map(|agent| {
                let value = agent.id.to_string();
                let chosen = value.clone();
                let away = if agent.away { format!(" ({})", i18n.c().away_short) } else { String::new() };
                view! {
                    <option value=value selected=move || assignee_value() == chosen>
                        {format!("{} · {}{away}", agent.name, agent.open_tickets)}
                    </option>
                }
            })
            .collect_view();
        (unassigned, people)
    };
    let assign = move |ev: leptos::ev::Event| {
        if let Ok(agent_id) = event_target_value(&ev).parse() {
            workspace.send(Command::Assign { agent_id });
        }
    };
    let mine = move || me.is_some() && current().and_then(|s| s.assignee).map(|a| a.id) == me;

    let tier = move || current().map(|s| i18n.p().tier(s.tier)).unwrap_or_default();
    let priority = move || current().and_then(|s| s.priority).map(|p| p.as_str()).unwrap_or("–");

    view! {
        <div class="properties" role="group" aria-labelledby="work-heading">
            <label for="prop-status">{move || i18n.p().field_status}</label>
            <select id="prop-status" name="status" on:change=set_status disabled=busy>{status_options}</select>

            <label for="prop-assignee">{move || i18n.p().field_assignee}</label>
            <div class="property-value">
                <select id="prop-assignee" name="assignee" on:change=assign disabled=busy>{assignee_options}</select>
                <span class="visually-hidden" data-testid="assignee">
                    {move || current().and_then(|s| s.assignee).map_or_else(|| i18n.p().unassigned.to_string(), |a| a.name)}
                </span>
                <div class="button-row">
                    <Show when=move || !mine()>
                        <button type="button" class="button button-small" disabled=busy data-command="take"
                            on:click=move |_| workspace.send(Command::Take)>{move || i18n.p().take}</button>
                    </Show>
                    <button type="button" class="button button-small" disabled=busy data-command="auto-assign"
                        on:click=move |_| workspace.send(Command::AutoAssign)>{move || i18n.p().auto_assign}</button>
                </div>
            </div>

            <label for="prop-category">{move || i18n.p().field_category}</label>
            <select id="prop-category" name="category" on:change=set_category disabled=busy>{category_options}</select>

            <span class="property-label">{move || i18n.p().field_tier}</span>
            <strong data-testid="tier">{tier}</strong>

            <span class="property-label">{move || i18n.p().field_priority}</span>
            <span class=move || format!("chip priority-chip priority-{}", priority().to_lowercase())>{priority}</span>
        </div>
    }
}
