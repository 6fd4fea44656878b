//! A ticket list, newest first, one page at a time: the console's queue and a customer's
//! "my tickets" are the same list over different scopes (the API decides the scope).

use std::collections::BTreeSet;
use std::time::Duration;

use edgedesk_domain::paging::{DEFAULT_LIMIT, MAX_LIMIT};
use edgedesk_domain::ticket::TicketSummary;
use edgedesk_domain::ApiError;
use gloo_storage::{SessionStorage, Storage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::ticket_row::{CustomerRow, StaffRow, LAST_OPENED_KEY};
use crate::dates;
use crate::i18n::use_i18n;
use crate::live::use_live;
use crate::session::use_session_expiry;

/// How often countdowns refresh.
const TICK_SECONDS: u64 = 30;
/// Changes heard within this window are fetched together.
const LIVE_BATCH_MS: u64 = 150;

/// The ticket the agent opened from this list before, forgotten once read.
fn take_last_opened() -> Option<i64> {
    let id = SessionStorage::get::<i64>(LAST_OPENED_KEY).ok();
    SessionStorage::delete(LAST_OPENED_KEY);
    id
}

/// Coming back to a queue puts focus on the row the agent left from.
fn focus_row(id: i64) {
    let selector = format!("a[data-ticket-link=\"{id}\"]");
    if let Some(link) = document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}

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
    // `quiet`: a live refresh of the rows on screen, without "Loading" and keeping focus.
    let load = move |cursor: Option<String>, quiet: bool| {
        if !quiet {
            state.set(Load::Loading);
        }
        let expiry = expiry.clone();
        let mut query = filters.get_untracked();
        if quiet {
            let shown = tickets.with_untracked(Vec::len) as u32;
            query.push(("limit", shown.clamp(DEFAULT_LIMIT, MAX_LIMIT).to_string()));
        }
        let first_page = cursor.is_none();
        generation.update_value(|n| *n += 1);
        let mine = generation.get_value();
        spawn_local(async move {
            let result = api::list_tickets(&query, cursor.as_deref()).await;
            // A newer filter asked since, or the page is gone.
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match result {
                Ok(page) => {
                    now.set(dates::now());
                    tick.set(dates::now());
                    if quiet {
                        tickets.set(page.items);
                    } else if first_page {
                        let back_to = staff.then(take_last_opened).flatten();
                        let found = back_to.filter(|id| page.items.iter().any(|ticket| ticket.id == *id));
                        tickets.set(page.items);
                        if let Some(id) = found {
                            request_animation_frame(move || focus_row(id));
                        }
                    } else {
                        tickets.update(|list| list.extend(page.items));
                    }
                    next_cursor.set(page.next_cursor);
                    state.set(Load::Idle);
                }
                // A failed live refresh keeps the rows on screen; the next one may work.
                Err(_) if quiet => {}
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
        reload(None, false);
    });
    // Live updates (or polling while the socket is down) refresh the rows in place; a
    // burst of changes becomes one request.
    let live = use_live();
    let pending = StoredValue::new(false);
    let refresh_quietly = load.clone();
    Effect::watch(
        move || live.refresh.get(),
        move |_, _, _| {
            if pending.get_value() || state.get_untracked() != Load::Idle {
                return;
            }
            pending.set_value(true);
            let refresh_quietly = refresh_quietly.clone();
            set_timeout(
                move || {
                    if pending.try_get_value().is_some() {
                        pending.set_value(false);
                        refresh_quietly(None, true);
                    }
                },
                Duration::from_millis(LIVE_BATCH_MS),
            );
        },
        false,
    );

    // Keyed by content: a refresh re-draws only the rows that changed, so focus stays put.
    let rows = move || {
        view! {
            <For each=move || tickets.get() key=|ticket| serde_json::to_string(ticket).unwrap_or_default() let(ticket)>
                {if staff {
                    view! { <StaffRow ticket selection now=tick.into()/> }.into_any()
                } else {
                    view! { <CustomerRow ticket now=now.into()/> }.into_any()
                }}
            </For>
        }
    };

    view! {
        <Show when=move || !tickets.with(Vec::is_empty)>
            <div class="table-wrap">
                <table class="data-table ticket-table" class:ticket-table-staff=staff>
                    <thead>
                        <tr>
                            {selection.map(|_| view! {
                                <th scope="col" class="select-cell"><span class="visually-hidden">{move || i18n.p().bulk_select_row}</span></th>
                            })}
                            <th scope="col" class="number-cell">{move || i18n.t().col_number}</th>
                            {if staff {
                                view! {
                                    <th scope="col" class="subject-cell">{move || i18n.c().col_subject}</th>
                                    <th scope="col" class="requester-cell">{move || i18n.c().col_requester}</th>
                                    <th scope="col" class="status-cell">{move || i18n.t().ticket_status}</th>
                                    <th scope="col" class="priority-cell">{move || i18n.p().field_priority}</th>
                                    <th scope="col" class="sla-cell">{move || i18n.s().column}</th>
                                    <th scope="col" class="assignee-cell">{move || i18n.p().field_assignee}</th>
                                    <th scope="col" class="updated-cell">{move || i18n.c().col_updated}</th>
                                }.into_any()
                            } else {
                                view! {
                                    <th scope="col">{move || i18n.t().col_title}</th>
                                    <th scope="col">{move || i18n.t().ticket_status}</th>
                                    <th scope="col">{move || i18n.t().col_reporter}</th>
                                    <th scope="col">{move || i18n.c().col_updated}</th>
                                }.into_any()
                            }}
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
                            <button type="button" class="button" on:click=move |_| load(next_cursor.get_untracked(), false)>
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
                            <button type="button" class="button" on:click=move |_| load(Some(cursor.clone()), false)>
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
