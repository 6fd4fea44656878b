//! One ticket in a list. Staff get one dense line (number, subject with the latest reply,
//! requester, status, priority, SLA, assignee, last update, and a dot for news since they
//! last opened it); customers get what they need to find their ticket again.

use chrono::{DateTime, Utc};
use edgedesk_domain::age::age;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::ticket::TicketSummary;
use gloo_storage::{SessionStorage, Storage};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::sla::badge::SlaBadgeView;
use crate::i18n::use_i18n;

/// Where the console remembers the ticket last opened, to put focus back on its row.
pub const LAST_OPENED_KEY: &str = "edgedesk.console.last";

pub fn status_chip(status: Status, caption: &'static str) -> impl IntoView {
    view! { <span class=format!("chip status-chip status-{}", status.as_str())>{caption}</span> }
}

#[component]
pub fn StaffRow(
    ticket: TicketSummary,
    /// Ticked rows take part in a bulk step.
    selection: Option<RwSignal<std::collections::BTreeSet<i64>>>,
    /// Countdowns and ages are measured against it.
    now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let p = i18n.p();
    let c = i18n.c();
    let id = ticket.id;
    let number = ticket.number.clone();
    let active = Status::ACTIVE.contains(&ticket.status);
    let reply = ticket.last_reply.clone();
    // The customer spoke last on an open ticket: the desk owes them an answer.
    let customer_waits = active && reply.as_ref().is_some_and(|reply| reply.from_customer);
    let requester = match &ticket.organisation {
        Some(organisation) => format!("{} · {organisation}", ticket.reporter_name),
        None => ticket.reporter_name.clone(),
    };
    let remember = move |_| {
        let _ = SessionStorage::set(LAST_OPENED_KEY, id);
    };
    let updated_at = ticket.updated_at;
    view! {
        <tr class:row-unread=ticket.unread data-ticket=id>
            {selection.map(|selection| view! {
                <td class="select-cell">
                    <input type="checkbox" name="selected" aria-label=format!("{} {number}", p.bulk_select_row)
                        prop:checked=move || selection.with(|set| set.contains(&id))
                        on:change=move |ev| {
                            let ticked = event_target_checked(&ev);
                            selection.update(|set| { if ticked { set.insert(id); } else { set.remove(&id); } });
                        }/>
                </td>
            })}
            <td class="number-cell">
                {ticket.unread.then(|| view! {
                    <span class="unread-dot" title=c.unread><span class="visually-hidden">{c.unread}</span></span>
                })}
                <A href=format!("/tickets/{id}") on:click=remember attr:data-ticket-link=id>{ticket.number}</A>
            </td>
            <td class="subject-cell">
                {ticket.is_major.then(|| view! { <span class="chip chip-major">{p.major_badge}</span> " " })}
                {customer_waits.then(|| view! { <span class="chip chip-replied">{c.customer_replied}</span> " " })}
                <span class="row-title">{ticket.title}</span>
                {reply.map(|reply| view! { <span class="row-preview">" – " {reply.text}</span> })}
            </td>
            <td class="requester-cell">{requester}</td>
            <td class="status-cell">{status_chip(ticket.status, t.status_for(ticket.status, true))}</td>
            <td class="priority-cell">
                {ticket.priority.map(|priority| view! {
                    <span class=format!("chip priority-chip priority-{}", priority.as_str().to_lowercase())>
                        {priority.as_str()}
                    </span>
                })}
            </td>
            <td class="sla-cell">{ticket.sla.map(|badge| view! { <SlaBadgeView badge now/> })}</td>
            <td class="assignee-cell">{ticket.assignee.unwrap_or_else(|| "–".into())}</td>
            <td class="updated-cell">
                <time datetime=updated_at.to_rfc3339()>{move || t.age(age(updated_at, now.get()))}</time>
            </td>
        </tr>
    }
}

#[component]
pub fn CustomerRow(ticket: TicketSummary, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let c = i18n.c();
    let updated_at = ticket.updated_at;
    view! {
        <tr>
            <td data-label=t.col_number class="number-cell"><A href=format!("/tickets/{}", ticket.id)>{ticket.number}</A></td>
            <td data-label=t.col_title class="subject-cell"><span class="row-title">{ticket.title}</span></td>
            <td data-label=t.ticket_status>{status_chip(ticket.status, t.status(ticket.status))}</td>
            <td data-label=t.col_reporter>{ticket.reporter_name}</td>
            <td data-label=c.col_updated class="updated-cell">
                <time datetime=updated_at.to_rfc3339()>{move || t.age(age(updated_at, now.get()))}</time>
            </td>
        </tr>
    }
}
