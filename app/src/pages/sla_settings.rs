//! `/admin/sla`: service-level policies and calendars, warning steps and breach actions,
//! and the recent sweeps (a failed run shows its error here).

use edgedesk_domain::admin::OrganisationSummary;
use edgedesk_domain::category::Category;
use edgedesk_domain::sla::{BreachActions, SavedSlaSettings, SlaSettings};
use edgedesk_domain::{ApiError, ErrorCode};
use leptos::prelude::*;

use crate::api;
use crate::components::form_message::FormMessage;
use crate::components::guard::RequireAccount;
use crate::components::sla::calendar_editor::CalendarEditor;
use crate::components::sla::policy_table::PolicyTable;
use crate::components::sla::sweep_runs::SweepRuns;
use crate::i18n::{use_i18n, I18n};
use crate::submit::versioned_message;
use crate::title::use_page_title;

#[component]
pub fn SlaSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.s().settings_title.to_string());
    view! {
        <h1>{move || i18n.s().settings_title}</h1>
        <RequireAccount admin_only=true>
            <SlaEditor/>
            <SweepRuns/>
        </RequireAccount>
    }
}

/// A refused setting names its field ("calendars[1].zone: Unknown time zone …").
fn explain(i18n: I18n, error: &ApiError) -> String {
    match (&error.code, &error.field) {
        (ErrorCode::InvalidValue, Some(field)) => format!("{field}: {}", error.message),
        _ => i18n.process_error(error),
    }
}

/// "50, 75, 90" as percents; `None` when any part is not a whole number.
fn percents(text: &str) -> Option<Vec<u32>> {
    text.split(',').map(str::trim).filter(|part| !part.is_empty()).map(|part| part.parse().ok()).collect()
}

#[component]
fn SlaEditor() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(None::<i64>);
    let settings = RwSignal::new(SlaSettings::default());
    let generation = RwSignal::new(0u32);
    let zones = RwSignal::new(Vec::<String>::new());
    let warnings = RwSignal::new(String::new());
    let categories = RwSignal::new(Vec::<Category>::new());
    let organisations = RwSignal::new(Vec::<OrganisationSummary>::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let show = move |saved: SavedSlaSettings| {
        warnings.set(saved.settings.warnings.iter().map(u32::to_string).collect::<Vec<_>>().join(", "));
        settings.set(saved.settings);
        if !saved.zones.is_empty() {
            zones.set(saved.zones);
        }
        version.set(Some(saved.version));
        generation.update(|n| *n += 1);
    };
    // The choices first, so no policy row is drawn without its category and organisation.
    let loaded = LocalResource::new(|| async {
        let choices = (
            api::categories().await.unwrap_or_default(),
            api::list_organisations().await.unwrap_or_default(),
        );
        api::sla_settings().await.map(|saved| (choices, saved))
    });
    Effect::new(move || match loaded.get() {
        Some(Ok(((category_list, organisation_list), saved))) => {
            categories.set(category_list);
            organisations.set(organisation_list);
            show(saved);
        }
        Some(Err(error)) => message.set(Some((false, explain(i18n, &error)))),
        None => {}
    });
    let save = Action::new_local(move |body: &SavedSlaSettings| {
        let body = body.clone();
        async move {
            let outcome = api::save_sla_settings(&body).await;
            let texts = (i18n.s().saved, i18n.s().conflict);
            message.set(Some(versioned_message(outcome, show, texts, |error| explain(i18n, error))));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = version.get_untracked() else { return };
        let Some(steps) = percents(&warnings.get_untracked()) else {
            let error = ApiError::new(ErrorCode::InvalidValue, i18n.s().warnings_hint).with_field("warnings");
            message.set(Some((false, explain(i18n, &error))));
            return;
        };
        let mut change = settings.get_untracked();
        change.warnings = steps;
        // Checked by the API, which names the field at fault: validating here too would
        // put the time-zone table and the calendar rules into the SPA for no gain.
        let body = SavedSlaSettings { settings: change, version: current, zones: Vec::new() };
        save.dispatch(body);
    };
    let action = move |field: fn(&mut BreachActions) -> &mut bool, label: fn(I18n) -> &'static str| {
        view! {
            <label class="checkbox">
                <input type="checkbox" prop:checked=move || settings.with(|s| *field(&mut s.on_breach.clone()))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        settings.update(|s| *field(&mut s.on_breach) = on)
                    }/>
                " " {move || label(i18n)}
            </label>
        }
    };
    view! {
        <Show when=move || version.get().is_some() fallback=move || view! { <FormMessage message=message/> }>
            <form class="card form sla-settings" on:submit=submit aria-label=move || i18n.s().settings_title>
                <p class="muted">{move || i18n.s().settings_intro}</p>
                <PolicyTable settings generation categories organisations/>
                <CalendarEditor settings generation zones/>
                <div class="field">
                    <label for="field-warnings">{move || i18n.s().warnings_label}</label>
                    <input id="field-warnings" name="warnings" type="text" bind:value=warnings aria-describedby="warnings-hint"/>
                    <p id="warnings-hint" class="muted">{move || i18n.s().warnings_hint}</p>
                </div>
                <fieldset class="field">
                    <legend>{move || i18n.s().breach_heading}</legend>
                    {action(|a| &mut a.escalate, |i18n| i18n.s().breach_escalate)}
                    {action(|a| &mut a.notify_assignee, |i18n| i18n.s().breach_notify_assignee)}
                    {action(|a| &mut a.notify_supervisors, |i18n| i18n.s().breach_notify_supervisors)}
                    {action(|a| &mut a.raise_priority, |i18n| i18n.s().breach_raise_priority)}
                </fieldset>
                <FormMessage message=message/>
                <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                    {move || i18n.s().save}
                </button>
            </form>
        </Show>
    }
}
