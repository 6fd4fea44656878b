use edgedesk_domain::admin::OrganisationSummary;
use edgedesk_domain::category::Category;
use edgedesk_domain::priority::Priority;
use edgedesk_domain::sla::{SlaPolicy, SlaSettings};
use leptos::prelude::*;

use crate::components::data_table::DataTable;
use crate::i18n::use_i18n;

/// A fresh id not used by any of `taken`.
pub fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken.clone().any(|taken| taken == id))
        .unwrap_or_default()
}

/// The policies as a table, one editable row each. Rows are rebuilt when policies are added
/// or removed, or when `generation` says the whole settings were replaced; typing edits the
/// settings in place without re-rendering.
#[component]
pub fn PolicyTable(
    settings: RwSignal<SlaSettings>,
    generation: RwSignal<u32>,
    categories: RwSignal<Vec<Category>>,
    organisations: RwSignal<Vec<OrganisationSummary>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| settings.with(|s| s.policies.len()));
    // A calendar added or renamed must show up in every row's choice.
    let calendars = Memo::new(move |_| {
        settings.with(|s| s.calendars.iter().map(|c| (c.id.clone(), c.name.clone())).collect::<Vec<_>>())
    });
    let add = move |_| {
        settings.update(|s| {
            let id = fresh_id("policy", s.policies.iter().map(|p| p.id.as_str()));
            let template = s.policies.iter().find(|p| p.priority == Priority::P3).cloned();
            if let Some(mut policy) = template {
                policy.name = id.clone();
                policy.id = id;
                s.policies.push(policy);
            }
        })
    };
    view! {
        <section aria-labelledby="policies-heading">
            <h2 id="policies-heading" class="subsection-title">{move || i18n.s().policies_heading}</h2>
            <DataTable class="sla-policies" columns=move || {
                let s = i18n.s();
                vec![s.col_name, s.col_priority, s.col_category, s.col_organisation, s.col_response, s.col_update,
                    s.col_resolution, s.col_calendar, s.remove]
            }>
                {move || {
                    generation.track();
                    calendars.track();
                    (0..count.get())
                        .map(|index| view! { <PolicyRow index settings categories organisations/> })
                        .collect_view()
                }}
            </DataTable>
            <button type="button" class="button" on:click=add>{move || i18n.s().add_policy}</button>
        </section>
    }
}

#[component]
fn PolicyRow(
    index: usize,
    settings: RwSignal<SlaSettings>,
    categories: RwSignal<Vec<Category>>,
    organisations: RwSignal<Vec<OrganisationSummary>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(policy) = settings.with_untracked(|s| s.policies.get(index).cloned()) else {
        return ().into_any();
    };
    let edit = move |change: &dyn Fn(&mut SlaPolicy)| {
        settings.update(|s| {
            if let Some(policy) = s.policies.get_mut(index) {
                change(policy);
            }
        })
    };
    let minutes = |text: String| text.trim().parse::<u32>().unwrap_or(0);
    let label = move |column: &str| {
        format!(
            "{column} · {}",
            settings.with_untracked(|s| s.policies.get(index).map(|p| p.name.clone())).unwrap_or_default()
        )
    };
    let calendars = settings.with_untracked(|s| s.calendars.clone());
    let s = i18n.s();
    view! {
        <tr>
            <td><input type="text" name="policy-name" value=policy.name.clone() aria-label=label(s.col_name)
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|p| p.name = v.clone()) }/></td>
            <td>
                <select name="policy-priority" aria-label=label(s.col_priority)
                    on:change=move |ev| if let Some(priority) = Priority::parse(&event_target_value(&ev)) { edit(&|p| p.priority = priority) }>
                    {Priority::ALL.into_iter().map(|priority| view! {
                        <option value=priority.as_str() selected=policy.priority == priority>{priority.as_str()}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <select name="policy-category" aria-label=label(s.col_category)
                    on:change=move |ev| { let id = event_target_value(&ev).parse::<i64>().ok(); edit(&|p| p.category_id = id) }>
                    <option value="" selected=policy.category_id.is_none()>{s.any}</option>
                    {categories.get_untracked().into_iter().map(|category| view! {
                        <option value=category.id.to_string() selected=policy.category_id == Some(category.id)>{category.name}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <select name="policy-organisation" aria-label=label(s.col_organisation)
                    on:change=move |ev| { let id = event_target_value(&ev).parse::<i64>().ok(); edit(&|p| p.organisation_id = id) }>
                    <option value="" selected=policy.organisation_id.is_none()>{s.any}</option>
                    {organisations.get_untracked().into_iter().map(|organisation| view! {
                        <option value=organisation.id.to_string() selected=policy.organisation_id == Some(organisation.id)>{organisation.name}</option>
                    }).collect_view()}
                </select>
            </td>
            <td><input type="number" min="1" name="policy-response" value=policy.first_response_minutes aria-label=label(s.col_response)
                on:input=move |ev| { let v = minutes(event_target_value(&ev)); edit(&|p| p.first_response_minutes = v) }/></td>
            <td><input type="number" min="1" name="policy-update" placeholder=s.minutes_hint
                value=policy.next_update_minutes.map(|m| m.to_string()).unwrap_or_default() aria-label=label(s.col_update)
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    let v = (!text.trim().is_empty()).then(|| minutes(text));
                    edit(&|p| p.next_update_minutes = v)
                }/></td>
            <td><input type="number" min="1" name="policy-resolution" value=policy.resolution_minutes aria-label=label(s.col_resolution)
                on:input=move |ev| { let v = minutes(event_target_value(&ev)); edit(&|p| p.resolution_minutes = v) }/></td>
            <td>
                <select name="policy-calendar" aria-label=label(s.col_calendar)
                    on:change=move |ev| { let id = event_target_value(&ev); edit(&|p| p.calendar = id.clone()) }>
                    {calendars.into_iter().map(|calendar| view! {
                        <option value=calendar.id.clone() selected=policy.calendar == calendar.id>{calendar.name}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <button type="button" class="button button-small" aria-label=label(s.remove)
                    on:click=move |_| settings.update(|s| { if index < s.policies.len() { s.policies.remove(index); } })>
                    {s.remove}
                </button>
            </td>
        </tr>
    }
    .into_any()
}
