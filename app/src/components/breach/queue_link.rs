//! The console sidebar's way to the data-breach cases, with how many open cases' clocks
//! still run (urgent when one has less than a day left or is overdue).

use edgedesk_domain::breach::Clock;
use leptos::prelude::*;

use crate::api;
use crate::dates::now;
use crate::i18n::use_i18n;

#[component]
pub fn BreachQueueLink() -> impl IntoView {
    let i18n = use_i18n();
    let cases = LocalResource::new(|| async { api::breaches().await.unwrap_or_default() });
    let running = move || {
        cases.with(|cases| {
            let clocks: Vec<Clock> = cases
                .iter()
                .flatten()
                .filter(|case| case.closed_at.is_none() && !case.clock_stopped)
                .map(|case| Clock::of(case.deadline, false, now()))
                .collect();
            (clocks.len(), clocks.iter().any(|clock| clock.urgent()))
        })
    };
    view! {
        <p class="queue-extra">
            <a href="/breaches" class="queue-link">
                <span class="queue-name">{move || i18n.b().nav}</span>
                {move || {
                    let (count, urgent) = running();
                    (count > 0).then(|| view! {
                        <span class=if urgent { "queue-count breach-count-urgent" } else { "queue-count" }>{count}</span>
                    })
                }}
            </a>
        </p>
    }
}
