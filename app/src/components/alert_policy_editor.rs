//! How alerts become incidents, set by admins: the priority of each severity, the reopen
//! and storm windows, and from which severity customers who reported on the service are told.

use edgedesk_domain::alert::{AlertPolicy, SavedAlertPolicy, Severity};
use leptos::prelude::*;

use crate::api;
use crate::components::form_message::FormMessage;
use crate::components::severity_priorities::SeverityPrioritySelects;
use crate::i18n::use_i18n;
use crate::submit::versioned_message;

/// `saved` is the desk's policy as last loaded or saved; the integrations beside it show it.
#[component]
pub fn AlertPolicyEditor(saved: RwSignal<Option<SavedAlertPolicy>>) -> impl IntoView {
    let i18n = use_i18n();
    let priorities = RwSignal::new(AlertPolicy::default().priorities);
    let reopen = RwSignal::new(String::new());
    let storm_incidents = RwSignal::new(String::new());
    let storm_within = RwSignal::new(String::new());
    let tell_from = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let show = move |current: SavedAlertPolicy| {
        let policy = &current.policy;
        priorities.set(policy.priorities);
        reopen.set(policy.reopen_within_minutes.to_string());
        storm_incidents.set(policy.storm_incidents.to_string());
        storm_within.set(policy.storm_within_minutes.to_string());
        tell_from.set(policy.tell_customers_from.map_or("never", Severity::as_str).to_string());
        saved.set(Some(current));
    };
    let loaded = LocalResource::new(api::alert_policy);
    Effect::new(move || {
        if let Some(Ok(current)) = loaded.get() {
            show(current);
        }
    });
    let save = Action::new_local(move |change: &SavedAlertPolicy| {
        let change = change.clone();
        async move {
            let outcome = api::save_alert_policy(&change).await;
            let texts = (i18n.p().saved, i18n.p().conflict);
            message.set(Some(versioned_message(outcome, show, texts, |error| i18n.process_error(error))));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = saved.get_untracked() else { return };
        let number = |text: RwSignal<String>| text.get_untracked().trim().parse::<i64>().unwrap_or(-1);
        let tell = tell_from.get_untracked();
        let policy = AlertPolicy {
            priorities: priorities.get_untracked(),
            reopen_within_minutes: number(reopen),
            storm_incidents: usize::try_from(number(storm_incidents)).unwrap_or(0),
            storm_within_minutes: number(storm_within),
            tell_customers_from: Severity::ALL.into_iter().find(|severity| severity.as_str() == tell),
        };
        // The same check the API makes, before anything is sent.
        if let Err(error) = policy.validate() {
            message.set(Some((false, i18n.process_error(&error))));
            return;
        }
        save.dispatch(SavedAlertPolicy { policy, version: current.version });
    };
    let loading = move || view! { <p role="status" class="muted">{i18n.t().loading}</p> };
    view! {
        <Show when=move || saved.with(Option::is_some) fallback=loading>
            <form class="card form" on:submit=submit aria-labelledby="alert-policy-heading">
                <h2 id="alert-policy-heading" class="section-title">{move || i18n.p().alert_policy_heading}</h2>
                <SeverityPrioritySelects priorities=priorities id_prefix="field".to_string()/>
                <div class="field">
                    <label for="field-reopen-within">{move || i18n.p().reopen_within_label}</label>
                    <input id="field-reopen-within" type="number" min="0" max="1440" bind:value=reopen/>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="field-storm-incidents">{move || i18n.p().storm_incidents_label}</label>
                        <input id="field-storm-incidents" type="number" min="2" max="100" bind:value=storm_incidents/>
                    </div>
                    <div class="field">
                        <label for="field-storm-within">{move || i18n.p().storm_within_label}</label>
                        <input id="field-storm-within" type="number" min="1" max="1440" bind:value=storm_within/>
                    </div>
                </div>
                <div class="field">
                    <label for="field-tell-customers">{move || i18n.p().tell_customers_label}</label>
                    <select id="field-tell-customers" on:change=move |ev| tell_from.set(event_target_value(&ev))>
                        {Severity::ALL.into_iter().map(|severity| view! {
                            <option value=severity.as_str() selected=move || tell_from.get() == severity.as_str()>{move || i18n.c().severity(severity)}</option>
                        }).collect_view()}
                        <option value="never" selected=move || tell_from.get() == "never">{move || i18n.p().never}</option>
                    </select>
                </div>
                <FormMessage message=message/>
                <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                    {move || i18n.p().save_alert_policy}
                </button>
            </form>
        </Show>
    }
}
