//! Monitoring integrations, for admins: each API token with `alerts:write`, and whether it
//! follows the desk's alert settings or keeps its own priorities and reopen window.

use edgedesk_domain::alert::{
    AlertPolicy, Integration, IntegrationPolicy, SavedAlertPolicy, SavedIntegrationPolicy, Severity,
};
use leptos::prelude::*;

use crate::api;
use crate::components::form_message::FormMessage;
use crate::components::severity_priorities::SeverityPrioritySelects;
use crate::dates::local;
use crate::i18n::use_i18n;
use crate::submit::versioned_message;

#[component]
pub fn AlertIntegrations(desk: RwSignal<Option<SavedAlertPolicy>>) -> impl IntoView {
    let i18n = use_i18n();
    let integrations = LocalResource::new(api::alert_integrations);
    view! {
        <section class="card" aria-labelledby="integrations-heading">
            <h2 id="integrations-heading" class="section-title">{move || i18n.p().integrations_heading}</h2>
            <p class="muted">{move || i18n.p().integrations_intro}</p>
            {move || match integrations.get() {
                None => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
                Some(Err(error)) => {
                    view! { <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p> }.into_any()
                }
                Some(Ok(list)) if list.is_empty() => view! {
                    <p class="empty-state">
                        {i18n.p().integrations_empty} " "
                        <a href="/admin#tokens-heading">{i18n.t().tokens_heading}</a>
                    </p>
                }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="integration-list">
                        {list.into_iter().map(|integration| view! { <IntegrationItem integration desk/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

/// One integration: what it maps to now, and a form for its own settings.
#[component]
fn IntegrationItem(integration: Integration, desk: RwSignal<Option<SavedAlertPolicy>>) -> impl IntoView {
    let i18n = use_i18n();
    let token_id = integration.token_id;
    let saved = RwSignal::new(integration.settings);
    let editing = RwSignal::new(false);
    let priorities = RwSignal::new(AlertPolicy::default().priorities);
    let reopen = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    // What this integration works under: its own settings, else the desk's as last loaded.
    let effective = move || {
        saved
            .with(|saved| saved.policy)
            .or_else(|| desk.with(|desk| desk.as_ref().map(|d| IntegrationPolicy::from(&d.policy))))
    };
    let fill = move || {
        if let Some(policy) = effective() {
            priorities.set(policy.priorities);
            reopen.set(policy.reopen_within_minutes.to_string());
        }
    };
    let show = move |current: SavedIntegrationPolicy| {
        saved.set(current);
        fill();
    };
    let save = Action::new_local(move |change: &SavedIntegrationPolicy| {
        let change = change.clone();
        async move {
            let outcome = api::save_alert_integration(token_id, &change).await;
            let texts = (i18n.p().saved, i18n.p().conflict);
            message.set(Some(versioned_message(outcome, show, texts, |error| i18n.process_error(error))));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let minutes = reopen.get_untracked().trim().parse::<i64>().unwrap_or(-1);
        let own =
            IntegrationPolicy { priorities: priorities.get_untracked(), reopen_within_minutes: minutes };
        // The same check the API makes, before anything is sent.
        if let Err(error) = own.validate() {
            message.set(Some((false, i18n.process_error(&error))));
            return;
        }
        save.dispatch(SavedIntegrationPolicy { policy: Some(own), version: saved.get_untracked().version });
    };
    let follow_desk = move |_| {
        save.dispatch(SavedIntegrationPolicy { policy: None, version: saved.get_untracked().version });
    };
    let mapping = move || {
        let Some(policy) = effective() else { return String::new() };
        let c = i18n.c();
        let mut parts: Vec<String> = Severity::ALL
            .into_iter()
            .map(|severity| {
                format!("{} → {}", c.severity(severity), policy.priorities.get(severity).as_str())
            })
            .collect();
        parts.push(format!("{} {} min", i18n.p().reopen_within_short, policy.reopen_within_minutes));
        parts.join(" · ")
    };
    let own = move || saved.with(|saved| saved.policy.is_some());
    let lang = i18n.lang().code();
    let used = integration.last_used_at.map_or(i18n.t().never.to_string(), |at| local(at, lang));
    let facts = format!(
        "{}: {} · {}: {}",
        i18n.p().integration_incidents,
        integration.incidents,
        i18n.t().col_last_used,
        used
    );
    let name = integration.name;
    let form_label = format!("{} {}", i18n.p().integration_settings, name);
    let prefix = format!("integration-{token_id}");
    let reopen_id = format!("{prefix}-reopen");
    view! {
        <li class="integration" data-testid="integration">
            <div class="integration-head">
                <strong>{name.clone()}</strong>
                <span class=move || if own() { "chip integration-own" } else { "chip" }>
                    {move || if own() { i18n.p().integration_own } else { i18n.p().integration_follows_desk }}
                </span>
            </div>
            <p class="integration-mapping" data-testid="integration-mapping">{mapping}</p>
            <p class="muted">{facts}</p>
            <Show when=move || editing.get() fallback=move || view! {
                <button type="button" class="button" aria-expanded="false"
                    on:click=move |_| { fill(); editing.set(true); }>{i18n.p().integration_change}</button>
            }>
                <form class="form integration-form" on:submit=submit aria-label=form_label.clone()>
                    <SeverityPrioritySelects priorities=priorities id_prefix=prefix.clone()/>
                    <div class="field">
                        <label for=reopen_id.clone()>{move || i18n.p().reopen_within_label}</label>
                        <input id=reopen_id.clone() type="number" min="0" max="1440" bind:value=reopen/>
                    </div>
                    <FormMessage message=message/>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                            {move || i18n.p().integration_save}
                        </button>
                        <Show when=own>
                            <button type="button" class="button" disabled=move || save.pending().get()
                                on:click=follow_desk>{move || i18n.p().integration_use_desk}</button>
                        </Show>
                        <button type="button" class="button" on:click=move |_| { editing.set(false); message.set(None); }>
                            {move || i18n.p().integration_close}
                        </button>
                    </div>
                </form>
            </Show>
        </li>
    }
}
