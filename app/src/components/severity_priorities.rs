//! One priority select per alert severity: how alerts of each severity become incidents.

use edgedesk_domain::alert::{Severity, SeverityPriorities};
use edgedesk_domain::priority::Priority;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// `id_prefix` keeps the selects' ids unique when several forms share a page.
#[component]
pub fn SeverityPrioritySelects(priorities: RwSignal<SeverityPriorities>, id_prefix: String) -> impl IntoView {
    let i18n = use_i18n();
    let select = move |severity: Severity| {
        let id = format!("{id_prefix}-priority-{}", severity.as_str());
        let label = move || format!("{} {}", i18n.p().priority_for, i18n.c().severity(severity));
        let choose = move |ev| {
            if let Some(priority) = Priority::parse(&event_target_value(&ev)) {
                priorities.update(|priorities| priorities.set(severity, priority));
            }
        };
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id on:change=choose>
                    {Priority::ALL.into_iter().map(|priority| view! {
                        <option value=priority.as_str() selected=move || priorities.with(|p| p.get(severity) == priority)>
                            {priority.as_str()}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! { <div class="field-row">{Severity::ALL.into_iter().map(select).collect_view()}</div> }
}
