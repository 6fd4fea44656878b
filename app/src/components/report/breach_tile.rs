//! Open data-breach cases and their 72-hour clocks, for the readers who may see them (the
//! list is need-to-know on the server; others see no tile at all).

use leptos::prelude::*;

use crate::api;
use crate::components::breach::clock_badge::ClockBadge;
use crate::i18n::use_i18n;

#[component]
pub fn BreachTile() -> impl IntoView {
    let i18n = use_i18n();
    let cases = LocalResource::new(|| async { api::breaches().await.unwrap_or_default() });
    move || {
        let open: Vec<_> =
            cases.get().unwrap_or_default().into_iter().filter(|case| case.closed_at.is_none()).collect();
        (!open.is_empty()).then(|| {
            let t = i18n.r();
            view! {
                <section class="card report-breaches" aria-labelledby="breach-tile-heading">
                    <h2 id="breach-tile-heading" class="section-title">{t.breach_cases}</h2>
                    <ul class="breach-tile-list">
                        {open.into_iter().map(|case| view! {
                            <li>
                                <a href=format!("/breaches/{}", case.id)>{case.number}</a>
                                <span class="breach-tile-title">{case.title}</span>
                                <ClockBadge deadline=case.deadline stopped=case.clock_stopped/>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
