//! The console's sidebar: the caller's queues with how many active tickets each holds, then
//! the views they saved. Counts refresh after a bulk step and every half minute.

use std::time::Duration;

use edgedesk_domain::queue::{Queue, QueueCount};
use leptos::prelude::*;

use crate::api;
use crate::components::breach::queue_link::BreachQueueLink;
use crate::components::saved_views::SavedViews;
use crate::i18n::use_i18n;
use crate::live::use_live;
use crate::session::use_session;

const COUNTS_REFRESH_SECONDS: u64 = 30;

#[component]
pub fn QueueNav(
    /// The queue on screen, by name.
    current: Signal<String>,
    refresh: RwSignal<u32>,
    /// The console's parameters, for saving the view on screen.
    params: Signal<Vec<(&'static str, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let live = use_live();
    let counts = LocalResource::new(move || {
        refresh.track();
        live.refresh.track();
        async move { api::queues().await.unwrap_or_default() }
    });
    if let Ok(timer) =
        set_interval_with_handle(move || counts.refetch(), Duration::from_secs(COUNTS_REFRESH_SECONDS))
    {
        on_cleanup(move || timer.clear());
    }
    let count_of = move |name: &str| {
        counts.with(|list| {
            list.as_ref()
                .and_then(|list: &Vec<QueueCount>| list.iter().find(|entry| entry.queue == name))
                .and_then(|entry| entry.count)
        })
    };
    // The sidebar is drawn from the caller's tier at once; counts fill in when they arrive.
    let queues = move || Queue::sidebar(session.me().and_then(|me| me.tier));
    view! {
        <nav class="queue-nav" aria-label=move || i18n.c().queues_label>
            <ul class="queue-list">
                {move || {
                    queues()
                        .into_iter()
                        .map(|queue| {
                            let name = queue.name();
                            let href = format!("/console?queue={name}");
                            let here = name.clone();
                            let counted = name.clone();
                            view! {
                                <li>
                                    <a href=href class="queue-link" data-queue=name
                                        aria-current=move || (current.get() == here).then_some("page")>
                                        <span class="queue-name">{move || i18n.p().queue(queue)}</span>
                                        {move || count_of(&counted).map(|count| view! {
                                            <span class="queue-count">{count}</span>
                                        })}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <BreachQueueLink/>
            <p class="queue-extra">
                <a href="/reports" class="queue-link">
                    <span class="queue-name">{move || i18n.c().reports_nav}</span>
                </a>
            </p>
            <SavedViews params=params/>
        </nav>
    }
}
