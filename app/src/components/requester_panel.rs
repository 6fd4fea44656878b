//! Who asked: contact details, organisation and their other open tickets, so the agent
//! sees the person behind the ticket without leaving it.

use edgedesk_domain::ticket::TicketSummary;
use leptos::prelude::*;

use crate::api;
use crate::i18n::use_i18n;
use crate::live::use_live;
use crate::workspace::use_workspace;

/// The requester's other tickets shown at most.
const OTHERS_SHOWN: usize = 5;

#[component]
pub fn RequesterPanel() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let live = use_live();
    let this_ticket = workspace.ticket_id();
    let Some(reporter) =
        workspace.shown.with_untracked(|shown| shown.ticket.as_ref().map(|t| t.reporter.clone()))
    else {
        return ().into_any();
    };
    // A monitoring alert has no requester to write to (the alert panel shows who sent it).
    if reporter.email.is_empty() {
        return ().into_any();
    }
    let email = reporter.email.clone();
    // Changes to this ticket (and polls) refresh the list; every change on a busy desk
    // would cost each open workspace a query.
    let changes = RwSignal::new(0u32);
    Effect::watch(
        move || live.refresh.get(),
        move |refresh, _, _| {
            if refresh.is_some_and(|refresh| this_ticket.is_some_and(|id| refresh.concerns(id))) {
                changes.update(|n| *n += 1);
            }
        },
        false,
    );
    // The reporter's tickets, newest activity first.
    let tickets = LocalResource::new(move || {
        changes.track();
        let query =
            vec![("queue", "all".to_string()), ("reporter", email.clone()), ("sort", "updated".to_string())];
        async move { api::list_tickets(&query, None).await.map(|page| page.items).unwrap_or_default() }
    });
    let organisation = move || {
        tickets.with(|list| {
            list.iter()
                .flatten()
                .find(|t: &&TicketSummary| Some(t.id) == this_ticket)
                .and_then(|t| t.organisation.clone())
        })
    };
    let others = move || -> Vec<TicketSummary> {
        tickets
            .get()
            .unwrap_or_default()
            .into_iter()
            .filter(|t| Some(t.id) != this_ticket && !t.status.is_final())
            .take(OTHERS_SHOWN)
            .collect()
    };
    let mailto = format!("mailto:{}", reporter.email);
    view! {
        <section class="card requester-panel" aria-labelledby="requester-heading">
            <h2 id="requester-heading" class="section-title">{move || i18n.c().requester_heading}</h2>
            <p class="requester-name"><strong>{reporter.name.clone()}</strong></p>
            <p><a href=mailto>{reporter.email.clone()}</a></p>
            {reporter.phone.clone().map(|phone| {
                let href = format!("tel:{phone}");
                view! { <p><a href=href>{phone}</a></p> }
            })}
            {move || organisation().map(|name| view! { <p class="muted" data-testid="requester-organisation">{name}</p> })}
            <h3 class="subsection-title">{move || i18n.c().requester_open}</h3>
            {move || {
                let list = others();
                if list.is_empty() {
                    view! { <p class="muted">{i18n.c().requester_none}</p> }.into_any()
                } else {
                    view! {
                        <ul class="requester-tickets" data-testid="requester-tickets">
                            {list.into_iter().map(|ticket| view! {
                                <li>
                                    <a href=format!("/tickets/{}", ticket.id)>{ticket.number.clone()}</a>
                                    " " <span>{ticket.title.clone()}</span>
                                    " " <span class=format!("chip status-chip status-{}", ticket.status.as_str())>
                                        {i18n.t().status_for(ticket.status, true)}
                                    </span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
    .into_any()
}
