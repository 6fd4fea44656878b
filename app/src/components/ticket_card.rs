use edgedesk_domain::ticket::PublicTicket;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// A ticket's facts and text. Ticket text is rendered as text nodes, so markup in it stays
/// inert; `.prose` keeps the line breaks people typed.
#[component]
pub fn TicketCard(ticket: PublicTicket, #[prop(optional)] reporter: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let reported = ticket.reported_at.to_rfc3339();
    let millis = ticket.reported_at.timestamp_millis() as f64;
    move || {
        let t = i18n.t();
        view! {
            <article class="card ticket">
                <p class="ticket-number muted">{ticket.number.clone()}</p>
                <h1>{ticket.title.clone()}</h1>
                <dl class="facts">
                    <dt>{t.ticket_status}</dt>
                    <dd><span class="badge">{t.status(ticket.status)}</span></dd>
                    <dt>{t.ticket_reported}</dt>
                    <dd><time datetime=reported.clone()>{local_date_time(millis, i18n.lang().code())}</time></dd>
                    {reporter.clone().map(|name| view! {
                        <dt>{t.ticket_reporter}</dt>
                        <dd>{name}</dd>
                    })}
                </dl>
                <h2 class="section-title">{t.ticket_description}</h2>
                <p class="prose">{ticket.description.clone()}</p>
                {ticket.symptoms.clone().map(|symptoms| view! {
                    <h2 class="section-title">{t.ticket_symptoms}</h2>
                    <p class="prose">{symptoms}</p>
                })}
            </article>
        }
    }
}

/// A timestamp in the reader's own time zone and language.
fn local_date_time(millis: f64, lang: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    date.to_locale_string(lang, &wasm_bindgen::JsValue::UNDEFINED).into()
}
