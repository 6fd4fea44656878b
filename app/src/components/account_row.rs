//! One account in the admin list, editable in place: role, tier, privacy lead, active. Saving sends the
//! version the row was loaded at; if someone else saved first, the row shows their values.

use edgedesk_domain::admin::{UserChange, UserSummary};
use edgedesk_domain::auth::{Role, Tier};
use edgedesk_domain::{ApiError, ErrorCode};
use leptos::prelude::*;

use crate::api::{self, Saved};
use crate::i18n::use_i18n;

#[component]
pub fn AccountRow(
    account: UserSummary,
    /// `(id, name)` of every organisation, for customers' organisation choice.
    organisations: Vec<(i64, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stored = RwSignal::new(account);
    let role = RwSignal::new(stored.get_untracked().role);
    let tier = RwSignal::new(stored.get_untracked().tier);
    let active = RwSignal::new(stored.get_untracked().active);
    let privacy_lead = RwSignal::new(stored.get_untracked().privacy_lead);
    let organisation = RwSignal::new(stored.get_untracked().organisation.map(|o| o.id));
    let show = move |account: UserSummary| {
        role.set(account.role);
        tier.set(account.tier);
        active.set(account.active);
        privacy_lead.set(account.privacy_lead);
        organisation.set(account.organisation.as_ref().map(|o| o.id));
        stored.set(account);
    };
    // Saved, or the problem; after a conflict the row shows the other person's values.
    let save = Action::new_local(move |(id, change): &(i64, UserChange)| {
        let (id, change) = (*id, change.clone());
        async move {
            match api::update_account(id, &change).await? {
                Saved::Done(saved) => {
                    show(saved);
                    Ok(i18n.t().saved)
                }
                Saved::Stale(now) => {
                    show(now);
                    Err(ApiError::new(ErrorCode::VersionConflict, ""))
                }
            }
        }
    });
    let on_save = move |_| {
        let current = stored.get_untracked();
        let change = UserChange {
            version: current.version,
            role: Some(role.get_untracked()),
            tier: Some(tier.get_untracked()),
            active: Some(active.get_untracked()),
            organisation_id: (current.role == Role::Customer).then(|| organisation.get_untracked()),
            privacy_lead: (current.role != Role::Customer).then(|| privacy_lead.get_untracked()),
        };
        save.dispatch((current.id, change));
    };
    let busy = save.pending();
    let message = move || if busy.get() { None } else { save.value().get() };
    let is_customer = move || stored.with(|account| account.role == Role::Customer);
    let label = move |what: &'static str| format!("{what}: {}", stored.with(|account| account.name.clone()));

    view! {
        <tr>
            <td data-label=move || i18n.t().col_name>{move || stored.with(|a| a.name.clone())}</td>
            <td data-label=move || i18n.t().col_email>{move || stored.with(|a| a.email.clone())}</td>
            <td data-label=move || i18n.t().col_organisation>
                <Show when=is_customer fallback=|| "–">
                    <select aria-label=move || label(i18n.t().col_organisation)
                        on:change=move |ev| organisation.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || organisation.get().is_none()>{move || i18n.t().no_organisation}</option>
                        {organisations.clone().into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() selected=move || organisation.get() == Some(id)>{name}</option>
                        }).collect_view()}
                    </select>
                </Show>
            </td>
            <td data-label=move || i18n.t().col_role>
                {move || if is_customer() {
                    view! { <span>{i18n.t().role_customer}</span> }.into_any()
                } else {
                    view! {
                        <select aria-label=move || label(i18n.t().col_role) on:change=move |ev| {
                            if let Some(choice) = Role::parse(&event_target_value(&ev)) {
                                role.set(choice);
                                if choice != Role::Agent { tier.set(None) } else if tier.get_untracked().is_none() { tier.set(Some(Tier::L1)) }
                            }
                        }>
                            {[Role::Agent, Role::Supervisor, Role::Admin].into_iter().map(|choice| view! {
                                <option value=choice.as_str() selected=move || role.get() == choice>{move || i18n.t().role(choice)}</option>
                            }).collect_view()}
                        </select>
                    }.into_any()
                }}
            </td>
            <td data-label=move || i18n.t().col_tier>
                <Show when=move || role.get() == Role::Agent fallback=move || i18n.t().tier_none>
                    <select aria-label=move || label(i18n.t().col_tier) on:change=move |ev| tier.set(Tier::parse(&event_target_value(&ev)))>
                        {Tier::ALL.into_iter().map(|choice| view! {
                            <option value=choice.as_str() selected=move || tier.get() == Some(choice)>{choice.as_str().to_uppercase()}</option>
                        }).collect_view()}
                    </select>
                </Show>
            </td>
            <td data-label=move || i18n.t().col_privacy_lead>
                <Show when=move || !is_customer() fallback=|| "–">
                    <input type="checkbox" aria-label=move || label(i18n.t().col_privacy_lead)
                        prop:checked=move || privacy_lead.get()
                        on:change=move |ev| privacy_lead.set(event_target_checked(&ev))/>
                </Show>
            </td>
            <td data-label=move || i18n.t().col_active>
                <input type="checkbox" aria-label=move || label(i18n.t().col_active) prop:checked=move || active.get()
                    on:change=move |ev| active.set(event_target_checked(&ev))/>
            </td>
            <td data-label=move || i18n.t().col_actions>
                <button type="button" class="button" disabled=move || busy.get() on:click=on_save
                    aria-label=move || label(i18n.t().save)>{move || i18n.t().save}</button>
                <span role="status" class="row-message">
                    {move || message().map(|outcome| match outcome {
                        Ok(text) => text.to_string(),
                        Err(error) => i18n.t().error(error.code, None),
                    })}
                </span>
            </td>
        </tr>
    }
}
