//! Beside a ticket, for staff: the data-breach cases it is linked to (a link; the case
//! says whether the reader may open it) and a way to report one from this ticket.

use leptos::prelude::*;

use crate::components::breach::new_case::NewCaseForm;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

#[component]
pub fn BreachTicketPanel() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let reporting = RwSignal::new(false);
    let cases = move || {
        workspace
            .shown
            .with(|shown| shown.ticket.as_ref().map(|t| t.breach_cases.clone()).unwrap_or_default())
    };
    let id = workspace.ticket_id().unwrap_or_default();
    let title = move || workspace.shown.with(|shown| shown.public.title.clone());
    view! {
        <section class="card breach-panel" aria-labelledby="breach-panel-heading">
            <h2 id="breach-panel-heading" class="section-title">{move || i18n.b().nav}</h2>
            <Show when=move || !cases().is_empty()>
                <p>
                    {move || i18n.b().restricted_link} " "
                    {move || cases().into_iter().map(|case| view! {
                        <a href=format!("/breaches/{case}") class="chip breach-link">{edgedesk_domain::breach::case_number(case)}</a> " "
                    }).collect_view()}
                </p>
            </Show>
            <Show when=move || reporting.get() fallback=move || view! {
                <button type="button" class="button button-danger" on:click=move |_| reporting.set(true)>
                    {move || i18n.b().report_breach}
                </button>
            }>
                <NewCaseForm incident_ids=vec![id] title=title()/>
            </Show>
        </section>
    }
}
