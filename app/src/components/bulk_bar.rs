use std::collections::BTreeSet;

use edgedesk_domain::category::Category;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::ticket::AgentSummary;
use edgedesk_domain::workflow::{BulkRequest, Command};
use leptos::prelude::*;

use crate::api;
use crate::components::select_field::{category_choices, SelectField};
use crate::i18n::use_i18n;

/// One step for the ticked tickets: assign, status or category. Reports how many changed
/// and which were refused and why, then reloads the list.
#[component]
pub fn BulkBar(
    selection: RwSignal<BTreeSet<i64>>,
    refresh: RwSignal<u32>,
    /// Shared with the filter bar, so the console asks for them once.
    categories: LocalResource<Vec<Category>>,
    agents: LocalResource<Vec<AgentSummary>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let agent = RwSignal::new(String::new());
    let status = RwSignal::new(Status::InProgress.as_str().to_string());
    let category = RwSignal::new(String::new());
    let agent_options = Signal::derive(move || {
        let mut options = vec![("auto".to_string(), i18n.p().auto_assign.to_string())];
        options.extend(
            agents
                .get()
                .unwrap_or_default()
                .into_iter()
                .map(|a| (a.id.to_string(), format!("{} ({})", a.name, i18n.p().tier(a.tier)))),
        );
        options
    });
    let status_options = Signal::derive(move || {
        [Status::Open, Status::InProgress, Status::PendingCustomer, Status::PendingThirdParty]
            .into_iter()
            .map(|s| (s.as_str().to_string(), i18n.t().status_for(s, true).to_string()))
            .collect()
    });
    let category_options =
        Signal::derive(move || category_choices(categories.get().unwrap_or_default(), i18n.p().no_choice));
    // The report says how many were done and why any were refused.
    let run = Action::new_local(move |request: &BulkRequest| {
        let request = request.clone();
        async move {
            let text = match api::bulk(&request).await {
                Ok(outcomes) => {
                    let p = i18n.p();
                    let done = outcomes.iter().filter(|o| o.error.is_none()).count();
                    let refused: Vec<String> = outcomes
                        .iter()
                        .filter_map(|o| {
                            o.error.as_ref().map(|e| format!("#{}: {}", o.id, i18n.process_error(e)))
                        })
                        .collect();
                    let mut text = format!("{done} {}", p.bulk_done);
                    if !refused.is_empty() {
                        text.push_str(&format!(
                            " · {} {}: {}",
                            refused.len(),
                            p.bulk_refused,
                            refused.join("; ")
                        ));
                    }
                    text
                }
                Err(error) => i18n.process_error(&error),
            };
            refresh.update(|n| *n += 1);
            text
        }
    });
    let apply = move |command: Command| {
        run.dispatch(BulkRequest { ids: selection.get_untracked().into_iter().collect(), command });
    };
    let assign = move |_| {
        let choice = agent.get_untracked();
        apply(match choice.parse() {
            Ok(agent_id) => Command::Assign { agent_id },
            Err(_) => Command::AutoAssign,
        });
    };
    let set_status = move |_| {
        if let Some(status) = Status::parse(&status.get_untracked()) {
            apply(Command::SetStatus { status });
        }
    };
    let set_category =
        move |_| apply(Command::SetCategory { category_id: category.get_untracked().parse().ok() });
    view! {
        {move || run.value().get().map(|text| view! { <p role="status" class="alert alert-success">{text}</p> })}
        <Show when=move || !selection.with(BTreeSet::is_empty)>
            <section class="bulk-bar card" aria-label=move || i18n.p().bulk_apply>
                <p><strong>{move || selection.with(BTreeSet::len)}</strong> " " {move || i18n.p().bulk_selected}</p>
                <div class="bulk-step">
                    <SelectField name="bulk-agent" label=Signal::derive(move || i18n.p().bulk_assign) value=agent options=agent_options/>
                    <button type="button" class="button" on:click=assign>{move || i18n.p().assign}</button>
                </div>
                <div class="bulk-step">
                    <SelectField name="bulk-status" label=Signal::derive(move || i18n.p().field_status) value=status options=status_options/>
                    <button type="button" class="button" on:click=set_status>{move || i18n.p().status_save}</button>
                </div>
                <div class="bulk-step">
                    <SelectField name="bulk-category" label=Signal::derive(move || i18n.p().field_category) value=category options=category_options/>
                    <button type="button" class="button" on:click=set_category>{move || i18n.p().bulk_apply}</button>
                </div>
            </section>
        </Show>
    }
}
