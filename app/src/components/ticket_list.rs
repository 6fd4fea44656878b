//! A ticket list, newest first, one page at a time: the console's queue and a customer's
//! "my tickets" are the same list over different scopes (the API decides the scope).

use chrono::{DateTime, Utc};
use edgedesk_domain::age::age;
use edgedesk_domain::ticket::TicketSummary;
use edgedesk_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api;
use crate::i18n::use_i18n;
use crate::session::use_session_expiry;

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Idle,
    Failed(ApiError),
}

#[component]
pub fn TicketList(empty_text: Signal<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let expiry = use_session_expiry();
    let tickets = RwSignal::new(Vec::<TicketSummary>::new());
    let next_cursor = RwSignal::new(None::<String>);
    let state = RwSignal::new(Load::Loading);
    let now = RwSignal::new(browser_now());

    let load = move |cursor: Option<String>| {
        state.set(Load::Loading);
        let expiry = expiry.clone();
        spawn_local(async move {
            match api::list_tickets(cursor.as_deref()).await {
                Ok(page) => {
                    now.set(browser_now());
                    tickets.update(|list| list.extend(page.items));
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
    load.clone()(None);

    let rows = move || {
        let t = i18n.t();
        tickets
            .get()
            .into_iter()
            .map(|ticket| {
                let href = format!("/tickets/{}", ticket.id);
                view! {
                    <tr>
                        <td data-label=t.col_number><A href=href>{ticket.number}</A></td>
                        <td data-label=t.col_title>{ticket.title}</td>
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
                            <th scope="col">{move || i18n.t().col_number}</th>
                            <th scope="col">{move || i18n.t().col_title}</th>
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

fn browser_now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}
