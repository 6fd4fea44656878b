//! Admins subscribe addresses to the desk's events, see each subscription's state, start,
//! stop or delete it, and read its deliveries. A new subscription's secret is shown once.

use edgedesk_domain::webhook::{NewWebhook, Stopped, Webhook, WebhookChange, WebhookEvent};
use edgedesk_domain::{ApiError, ErrorCode, FieldError};
use leptos::prelude::*;

use crate::api;
use crate::components::text_field::{field_error, TextField};
use crate::components::webhook_deliveries::WebhookDeliveries;
use crate::dates::local;
use crate::i18n::use_i18n;

#[component]
pub fn WebhookManager() -> impl IntoView {
    let i18n = use_i18n();
    let url = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let events = RwSignal::new(vec![WebhookEvent::TicketCreated]);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let create = Action::new_local(move |webhook: &NewWebhook| {
        let webhook = webhook.clone();
        async move {
            let created = api::create_webhook(&webhook).await;
            if created.is_ok() {
                url.set(String::new());
                description.set(String::new());
            }
            created
        }
    });
    let change = Action::new_local(|(id, change): &(i64, WebhookChange)| {
        let (id, change) = (*id, change.clone());
        async move { api::change_webhook(id, &change).await.map(drop) }
    });
    let delete = Action::new_local(|id: &i64| {
        let id = *id;
        async move { api::delete_webhook(id).await }
    });
    let webhooks = LocalResource::new(move || {
        create.version().track();
        change.version().track();
        delete.version().track();
        api::list_webhooks()
    });
    let failure = move || -> Option<ApiError> {
        create
            .value()
            .get()
            .and_then(Result::err)
            .filter(|error| error.field.is_none())
            .or_else(|| change.value().get().and_then(Result::err))
            .or_else(|| delete.value().get().and_then(Result::err))
            .or_else(|| webhooks.get().and_then(Result::err))
    };
    // Field errors from the server (a private address, say) show beside their field.
    Effect::new(move || {
        if let Some(Err(error)) = create.value().get() {
            errors.set(error.field_errors());
        }
    });
    let secret = move || create.value().get().and_then(Result::ok).map(|created| created.secret);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let webhook = NewWebhook {
            url: url.get_untracked(),
            events: events.get_untracked(),
            description: description.get_untracked(),
        };
        let local = if url.with_untracked(|url| url.trim().is_empty()) {
            vec![required("url")]
        } else if events.with_untracked(Vec::is_empty) {
            vec![required("events")]
        } else {
            Vec::new()
        };
        let ready = local.is_empty();
        errors.set(local);
        if ready {
            create.dispatch(webhook);
        }
    };
    let listed = move || webhooks.get().and_then(Result::ok).unwrap_or_default();
    let events_error = field_error(errors, "events");

    view! {
        <section class="card" aria-labelledby="webhooks-heading">
            <h2 id="webhooks-heading" class="section-title">{move || i18n.p().webhooks_title}</h2>
            <Show when=move || !listed().is_empty()
                fallback=move || view! { <p class="empty-state">{i18n.p().webhooks_empty}</p> }>
                <ul class="webhook-list">
                    {move || listed().into_iter().map(|webhook| view! {
                        <WebhookItem webhook change=change delete=delete/>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
        <section class="card" aria-labelledby="add-webhook-heading">
            <h2 id="add-webhook-heading" class="section-title">{move || i18n.p().add_webhook}</h2>
            <form class="form" novalidate on:submit=on_submit aria-label=move || i18n.p().add_webhook>
                <div role="alert" class="form-alerts">
                    {move || failure().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
                </div>
                <TextField name="url" label=Signal::derive(move || i18n.p().webhook_url) value=url
                    input_type="url" error=field_error(errors, "url") required=true/>
                <TextField name="description" label=Signal::derive(move || i18n.p().webhook_description)
                    value=description/>
                <fieldset class="field" aria-describedby="field-events-error">
                    <legend>{move || i18n.p().webhook_events}</legend>
                    <div class="checkbox-grid">
                        {WebhookEvent::ALL.into_iter().map(|event| view! {
                            <label class="checkbox">
                                <input type="checkbox" value=event.as_str()
                                    prop:checked=move || events.with(|chosen| chosen.contains(&event))
                                    on:change=move |ev| events.update(|chosen| {
                                        chosen.retain(|known| *known != event);
                                        if event_target_checked(&ev) { chosen.push(event) }
                                    })/>
                                <span>{move || i18n.p().webhook_event(event)}</span>
                                <code class="event-code">{event.as_str()}</code>
                            </label>
                        }).collect_view()}
                    </div>
                    <p id="field-events-error" class="field-error">{move || events_error.get()}</p>
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || create.pending().get()>
                        {move || i18n.p().add_webhook}
                    </button>
                </div>
            </form>
            {move || secret().map(|secret| view! {
                <div class="alert confirmation" role="status">
                    <p>{i18n.p().webhook_secret_once}</p>
                    <p><code data-testid="webhook-secret">{secret}</code></p>
                </div>
            })}
        </section>
    }
}

/// A field left empty, caught before asking the server.
fn required(field: &str) -> FieldError {
    FieldError { field: field.to_string(), code: ErrorCode::Required, message: String::new() }
}

/// One subscription: where it goes, what it hears, its state and what may be done with it.
#[component]
fn WebhookItem(
    webhook: Webhook,
    change: Action<(i64, WebhookChange), Result<(), ApiError>>,
    delete: Action<i64, Result<(), ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = i18n.p();
    let lang = i18n.lang().code();
    let (state, state_class) = match (webhook.active, webhook.stopped) {
        (true, _) => (p.webhook_active.to_string(), "chip webhook-state webhook-active"),
        (false, Some(Stopped::Gone)) => {
            (p.webhook_stopped_gone.to_string(), "chip webhook-state webhook-stopped")
        }
        (false, Some(Stopped::Failing)) => {
            (p.webhook_stopped_failing.to_string(), "chip webhook-state webhook-stopped")
        }
        (false, None) => (p.webhook_stopped.to_string(), "chip webhook-state webhook-stopped"),
    };
    let failing = webhook
        .failing_since
        .filter(|_| webhook.active)
        .map(|since| format!("{} {}", p.webhook_failing_since, local(since, lang)));
    let heard = webhook.events.iter().map(|event| p.webhook_event(*event)).collect::<Vec<_>>().join(", ");
    let (id, version, active) = (webhook.id, webhook.version, webhook.active);
    let toggle_label = format!("{}: {}", if active { p.webhook_stop } else { p.webhook_start }, webhook.url);
    let delete_label = format!("{}: {}", p.webhook_delete, webhook.url);
    let open = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    view! {
        <li class="webhook">
            <div class="webhook-head">
                <code class="webhook-url">{webhook.url.clone()}</code>
                <span class=state_class>{state}</span>
            </div>
            {(!webhook.description.is_empty()).then(|| view! { <p>{webhook.description.clone()}</p> })}
            <p class="muted">{heard}</p>
            {failing.map(|failing| view! { <p class="alert alert-warning">{failing}</p> })}
            <div class="form-actions">
                <button type="button" class="button" aria-label=toggle_label
                    on:click=move |_| { change.dispatch((id, WebhookChange { version, active: Some(!active), events: None })); }>
                    {if active { p.webhook_stop } else { p.webhook_start }}
                </button>
                // Deleting drops the deliveries too: it asks once more, in place.
                <Show when=move || confirming.get() fallback=move || view! {
                    <button type="button" class="button button-danger" aria-label=delete_label.clone()
                        on:click=move |_| confirming.set(true)>{p.webhook_delete}</button>
                }>
                    <button type="button" class="button button-danger"
                        on:click=move |_| { delete.dispatch(id); }>{p.webhook_delete_for_good}</button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>{p.webhook_keep}</button>
                </Show>
            </div>
            <details on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>{p.webhook_deliveries}</summary>
                <Show when=move || open.get()>
                    <WebhookDeliveries id=id/>
                </Show>
            </details>
        </li>
    }
}
