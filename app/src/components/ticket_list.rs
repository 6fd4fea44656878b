//! A ticket list, newest first, one page at a time: the console's queue and a customer's
//! "my tickets" are the same list over different scopes (the API decides the scope).

use std::collections::BTreeSet;
use std::time::Duration;

use edgedesk_domain::age::age;
use edgedesk_domain::ticket::TicketSummary;
use edgedesk_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api;
use crate::components::sla::badge::SlaBadgeView;
use crate::dates;
use crate::i18n::use_i18n;
use crate::session::use_session_expiry;

/// How often countdowns refresh.
const TICK_SECONDS: u64 = 30;

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Idle,
    Failed(ApiError),
}

/// The list reloads from the first page whenever `filters` (query parameters) change.
#[component]
pub fn TicketList(
    empty_text: Signal<&'static str>,
    #[prop(into)] filters: Signal<Vec<(&'static str, String)>>,
    /// Staff see priority, tier and assignee columns.
    #[prop(optional)]
    staff: bool,
    /// Rows can be ticked for a bulk step.
    #[prop(optional)]
    selection: Option<RwSignal<BTreeSet<i64>>>,
    /// Bumping it reloads the list (after a bulk step).
    #[prop(optional)]
    refresh: Option<RwSignal<u32>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let expiry = use_session_expiry();
    let tickets = RwSignal::new(Vec::<TicketSummary>::new());
    let next_cursor = RwSignal::new(None::<String>);
    let state = RwSignal::new(Load::Loading);
    let now = RwSignal::new(dates::now());
    // Countdowns tick on their own; the rows are not re-rendered for it.
    let tick = RwSignal::new(dates::now());
    if staff {
        if let Ok(timer) =
            set_interval_with_handle(move || tick.set(dates::now()), Duration::from_secs(TICK_SECONDS))
        {
            on_cleanup(move || timer.clear());
        }
    }

    // Answers to an older filter are dropped: only the latest request may fill the list.
    let generation = StoredValue::new(0u32);
    let load = move |cursor: Option<String>| {
        state.set(Load::Loading);
        let expiry = expiry.clone();
        let query = filters.get_untracked();
        let first_page = cursor.is_none();
        generation.update_value(|n| *n += 1);
        let mine = generation.get_value();
        spawn_local(async move {
            let result = api::list_tickets(&query, cursor.as_deref()).await;
            if generation.get_value() != mine {
                return;
            }
            match result {
                Ok(page) => {
                    now.set(dates::now());
                    tick.set(dates::now());
                    if first_page {
                        tickets.set(page.items);
                    } else {
                        tickets.update(|list| list.extend(page.items));
                    }
                    next_cursor.set(page.next_cursor);
                    state.set(Load::Idle);
                }
                Err(error) => {
                    if let Some(error) = expiry(error) {
                        state.set(Load::Failed(error));
                    }
                }
            }
        });
    };
    let reload = load.clone();
    Effect::new(move |_| {
        filters.track();
        if let Some(refresh) = refresh {
            refresh.track();
        }
        if let Some(selection) = selection {
            selection.set(BTreeSet::new());
        }
        reload(None);
    });

    let rows = move || {
        let t = i18n.t();
        tickets
            .get()
            .into_iter()
            .map(|ticket| {
                let href = format!("/tickets/{}", ticket.id);
                let p = i18n.p();
                let id = ticket.id;
                let number = ticket.number.clone();
                view! {
                    <tr>
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
                        <td data-label=t.col_number><A href=href>{ticket.number}</A></td>
                        <td data-label=t.col_title>
                            {ticket.title}
                            {ticket.is_major.then(|| view! { " " <span class="badge badge-major">{p.major_badge}</span> })}
                        </td>
                        <td data-label=t.ticket_status>{t.status(ticket.status)}</td>
                        {staff.then(|| view! {
                            <td data-label=p.field_priority>{ticket.priority.map_or("–", |priority| priority.as_str())}</td>
                            <td data-label=p.field_tier>{p.tier(ticket.tier)}</td>
                            <td data-label=p.field_assignee>{ticket.assignee.unwrap_or_else(|| "–".into())}</td>
                            <td data-label=i18n.s().column>
                                {ticket.sla.map(|badge| view! { <SlaBadgeView badge now=tick.into()/> })}
                            </td>
                        })}
                        <td data-label=t.col_reporter>{ticket.reporter_name}</td>
                        <td data-label=t.col_age>
                            <time datetime=ticket.reported_at.to_rfc3339()>
                                {t.age(age(ticket.reported_at, now.get()))}
                            </time>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <Show when=move || !tickets.with(Vec::is_empty)>
            <div class="table-wrap">
                <table class="data-table ticket-table">
                    <thead>
                        <tr>
                            {selection.map(|_| view! {
                                <th scope="col"><span class="visually-hidden">{move || i18n.p().bulk_select_row}</span></th>
                            })}
                            <th scope="col">{move || i18n.t().col_number}</th>
                            <th scope="col">{move || i18n.t().col_title}</th>
                            <th scope="col">{move || i18n.t().ticket_status}</th>
                            {staff.then(|| view! {
                                <th scope="col">{move || i18n.p().field_priority}</th>
                                <th scope="col">{move || i18n.p().field_tier}</th>
                                <th scope="col">{move || i18n.p().field_assignee}</th>
                                <th scope="col">{move || i18n.s().column}</th>
                            })}
                            <th scope="col">{move || i18n.t().col_reporter}</th>
                            <th scope="col">{move || i18n.t().col_age}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
        {move || {
            let t = i18n.t();
            let load = load.clone();
            match state.get() {
                Load::Loading => view! { <p role="status" class="muted">{t.console_loading}</p> }.into_any(),
                Load::Failed(error) => {
                    view! {
                        <div role="alert" class="alert alert-error">
                            <p>{t.console_error} " " {t.error(error.code, None)}</p>
                            <button type="button" class="button" on:click=move |_| load(next_cursor.get_untracked())>
                                {t.retry}
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Load::Idle if tickets.with(Vec::is_empty) => {
                    view! { <p class="empty-state">{empty_text.get()}</p> }.into_any()
                }
                Load::Idle => match next_cursor.get() {
                    Some(cursor) => {
                        view! {
                            <button type="button" class="button" on:click=move |_| load(Some(cursor.clone()))>
                                {t.load_more}
                            </button>
                        }
                            .into_any()
                    }
                    None => ().into_any(),
                },
            }
        }}
    }
}
