use leptos::prelude::*;

use crate::dates::local;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// A ticket's facts and text. Ticket text is rendered as text nodes, so markup in it stays
/// inert; `.prose` keeps the line breaks people typed.
#[component]
pub fn TicketCard() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        let (t, p) = (i18n.t(), i18n.p());
        let shown = workspace.shown.get();
        let ticket = shown.public;
        let full = shown.ticket;
        let lang = i18n.lang();
        let reported = ticket.reported_at.to_rfc3339();
        let reported_local = local(ticket.reported_at, lang.code());
        let work = full.as_ref().and_then(|full| full.work.clone());
        view! {
            <article class="card ticket">
                <p class="ticket-number muted">{ticket.number.clone()} " · " {p.kind(ticket.kind)}</p>
                <h1>{ticket.title.clone()}</h1>
                <dl class="facts">
                    <dt>{t.ticket_status}</dt>
                    <dd><span class="badge" data-testid="status">{t.status_for(ticket.status, work.is_some())}</span></dd>
                    <dt>{p.field_priority}</dt>
                    <dd data-testid="priority">{ticket.priority.map_or(p.no_choice, |priority| priority.as_str())}</dd>
                    {ticket.category.clone().map(|category| view! { <dt>{p.field_category}</dt> <dd>{category}</dd> })}
                    <dt>{t.ticket_reported}</dt>
                    <dd><time datetime=reported>{reported_local}</time></dd>
                    {full.as_ref().map(|full| view! {
                        <dt>{t.ticket_reporter}</dt>
                        <dd>{full.reporter.name.clone()}</dd>
                        <dt>{p.field_channel}</dt>
                        <dd>{p.source(full.channel, lang)}</dd>
                    })}
                    {full.as_ref().and_then(|full| full.affected_service.clone()).map(|service| view! {
                        <dt>{p.field_service}</dt> <dd>{service}</dd>
                    })}
                    {work.filter(|work| work.is_major).map(|_| view! {
                        <dt>{p.major_heading}</dt> <dd><span class="badge badge-major">{p.major_badge}</span></dd>
                    })}
                </dl>
                <h2 class="section-title">{t.ticket_description}</h2>
                <p class="prose">{ticket.description.clone()}</p>
                {ticket.symptoms.clone().map(|symptoms| view! {
                    <h2 class="section-title">{t.ticket_symptoms}</h2>
                    <p class="prose">{symptoms}</p>
                })}
                {full.filter(|full| !full.answers.is_empty()).map(|full| view! {
                    <h2 class="section-title">{p.answers_heading}</h2>
                    <dl class="answers">
                        {full.answers.into_iter().map(|answer| view! {
                            <dt>{answer.question}</dt> <dd class="prose">{answer.answer}</dd>
                        }).collect_view()}
                    </dl>
                })}
                {ticket.resolution.clone().map(|resolution| view! {
                    <h2 class="section-title">{p.resolution_heading}</h2>
                    <p><strong>{p.resolution(resolution.code, lang)}</strong></p>
                    <p class="prose">{resolution.notes}</p>
                })}
            </article>
        }
    }
}
