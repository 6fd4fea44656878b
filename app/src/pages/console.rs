//! The agent console: a sidebar of queues with counts, a compact filter bar whose choices
//! show as removable chips, and one-line ticket rows. The queue, filters and order live in
//! the URL, so a view can be bookmarked and shared, and "back" returns to it.

use std::collections::BTreeSet;

use edgedesk_domain::auth::Role;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api;
use crate::components::bulk_bar::BulkBar;
use crate::components::filter_bar::FilterBar;
use crate::components::guard::RequireAccount;
use crate::components::queue_nav::QueueNav;
use crate::components::shortcuts::Shortcuts;
use crate::components::ticket_list::TicketList;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::title::use_page_title;

/// The list parameters the console keeps in its URL, in the order they are written.
pub const PARAMS: [&str; 8] = ["queue", "status", "priority", "tier", "category", "assignee", "q", "sort"];

/// `key=value&…` for the non-empty parameters, values encoded.
pub fn query_string(params: &[(&'static str, String)]) -> String {
    params
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", js_sys::encode_uri_component(value)))
        .collect::<Vec<_>>()
        .join("&")
}

#[component]
pub fn ConsolePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t().console_title.to_string());
    view! {
        <RequireAccount staff_only=true>
            <Console/>
        </RequireAccount>
    }
}

#[component]
fn Console() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    // Agents start on their own tickets; supervisors and admins on the whole desk.
    let default_queue =
        move || if session.me().is_some_and(|me| me.role == Role::Agent) { "mine" } else { "all" };
    let params = Memo::new(move |_| {
        query.with(|map| {
            PARAMS
                .iter()
                .map(|key| {
                    let value = map.get(key).unwrap_or_default();
                    match (*key, value.is_empty()) {
                        ("queue", true) => (*key, default_queue().to_string()),
                        _ => (*key, value),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let queue = Signal::derive(move || {
        params.with(|list| {
            list.iter().find(|(key, _)| *key == "queue").map(|(_, v)| v.clone()).unwrap_or_default()
        })
    });
    let navigate = use_navigate();
    // A filter changes the view in place (no new history entry); a queue is a new view.
    let change = Callback::new(move |changes: Vec<(&'static str, String)>| {
        let mut list = params.get_untracked();
        for (key, value) in changes {
            if let Some(entry) = list.iter_mut().find(|(name, _)| *name == key) {
                entry.1 = value;
            }
        }
        navigate(
            &format!("/console?{}", query_string(&list)),
            NavigateOptions { replace: true, scroll: false, ..Default::default() },
        );
    });
    let filters = Signal::derive(move || params.get());
    let empty_text = Signal::derive(move || {
        let c = i18n.c();
        let filtered = params.with(|list| {
            list.iter().any(|(key, value)| !matches!(*key, "queue" | "sort") && !value.is_empty())
        });
        match (filtered, queue.get().as_str()) {
            (true, _) => c.empty_filtered,
            (false, "mine") => c.empty_mine,
            (false, "all") => i18n.t().console_empty,
            _ => c.empty_queue,
        }
    });
    let categories = LocalResource::new(|| async { api::categories().await.unwrap_or_default() });
    let agents = LocalResource::new(|| async { api::agents().await.unwrap_or_default() });
    let selection = RwSignal::new(BTreeSet::<i64>::new());
    let refresh = RwSignal::new(0u32);
    view! {
        <div class="console">
            <QueueNav current=queue refresh=refresh params=filters/>
            <section class="console-main" aria-labelledby="console-heading">
                <h1 id="console-heading" class="console-heading" tabindex="-1">
                    {move || i18n.t().console_title}
                </h1>
                <FilterBar params=filters change=change categories=categories agents=agents/>
                <BulkBar selection=selection refresh=refresh categories=categories agents=agents/>
                <TicketList empty_text=empty_text filters=filters staff=true
                    selection=selection refresh=refresh/>
            </section>
        </div>
        <Shortcuts/>
    }
}
