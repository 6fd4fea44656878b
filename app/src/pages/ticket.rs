//! A ticket as its reporter sees it; right after submitting, it doubles as the
//! confirmation that shows the ticket number.

use edgedesk_domain::ErrorCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn TicketPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let just_created = move || query.read().get("new").is_some();
    let ticket = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        async move { api::get_ticket(&id).await }
    });
    use_page_title(move || match ticket.get() {
        None => i18n.t().loading.to_string(),
        Some(Ok(ticket)) => format!("{} {}", ticket.number, ticket.title),
        Some(Err(error)) if error.code == ErrorCode::NotFound => i18n.t().ticket_not_found.to_string(),
        Some(Err(_)) => i18n.t().err_generic.to_string(),
    });

    move || {
        let t = i18n.t();
        match ticket.get() {
            None => view! { <p role="status" class="muted">{t.loading}</p> }.into_any(),
            Some(Err(error)) if error.code == ErrorCode::NotFound => {
                view! { <h1>{t.ticket_not_found}</h1> }.into_any()
            }
            Some(Err(error)) => {
                view! { <p role="alert" class="alert alert-error">{t.error(error.code, None)}</p> }.into_any()
            }
            Some(Ok(ticket)) => {
                let reported = ticket.reported_at.to_rfc3339();
                let number = ticket.number.clone();
                let reported_text =
                    local_date_time(ticket.reported_at.timestamp_millis() as f64, i18n.lang().code());
                view! {
                    <Show when=just_created>
                        <section class="card confirmation" aria-labelledby="received-title">
                            <h2 id="received-title">{t.received_title}</h2>
                            <p>{t.received_number} " " <strong class="ticket-number" data-testid="ticket-number">{number.clone()}</strong></p>
                            <p class="muted">{t.received_hint}</p>
                            <A href="/">{t.report_another}</A>
                        </section>
                    </Show>
                    <article class="card ticket">
                        <p class="ticket-number muted">{ticket.number.clone()}</p>
                        <h1>{ticket.title.clone()}</h1>
                        <dl class="facts">
                            <dt>{t.ticket_status}</dt>
                            <dd><span class="badge">{t.status(&ticket.status)}</span></dd>
                            <dt>{t.ticket_reported}</dt>
                            <dd><time datetime=reported>{reported_text}</time></dd>
                            <dt>{t.ticket_reporter}</dt>
                            <dd>{ticket.reporter.name.clone()}</dd>
                        </dl>
                        <h2 class="section-title">{t.ticket_description}</h2>
                        <p class="prose">{ticket.description.clone()}</p>
                        {ticket.symptoms.clone().map(|symptoms| view! {
                            <h2 class="section-title">{t.ticket_symptoms}</h2>
                            <p class="prose">{symptoms}</p>
                        })}
                    </article>
                }
                .into_any()
            }
        }
    }
}

/// A timestamp in the reader's own time zone and language.
fn local_date_time(millis: f64, lang: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    date.to_locale_string(lang, &wasm_bindgen::JsValue::UNDEFINED).into()
}
