use leptos::prelude::*;

use crate::dates::local;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// What the desk promises the customer: when they will hear back, when it should be
/// solved, and whether the clock waits for them. Times in their own zone and language.
#[component]
pub fn SlaPromise() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        let promise = workspace.shown.with(|shown| shown.promise)?;
        let shown = promise.respond_by.is_some() || promise.resolve_by.is_some() || promise.waiting_for_you;
        shown.then(|| {
            let s = i18n.s();
            let lang = i18n.lang().code();
            let now = crate::dates::now();
            let respond = promise.respond_by.map(|due| {
                if due > now {
                    view! {
                        <p data-testid="respond-by">
                            {s.promise_respond} " " <time datetime=due.to_rfc3339()>{local(due, lang)}</time>
                        </p>
                    }
                    .into_any()
                } else {
                    view! { <p data-testid="respond-by">{s.promise_late}</p> }.into_any()
                }
            });
            let resolve = promise.resolve_by.map(|due| {
                view! {
                    <p data-testid="resolve-by">
                        {s.promise_resolve} " " <time datetime=due.to_rfc3339()>{local(due, lang)}</time>
                    </p>
                }
            });
            view! {
                <section class="card sla-promise" aria-labelledby="promise-heading">
                    <h2 id="promise-heading" class="section-title">{s.promise_heading}</h2>
                    {promise.waiting_for_you.then(|| view! { <p class="sla-paused-note">{s.promise_paused}</p> })}
                    {respond}
                    {resolve}
                </section>
            }
        })
    }
}
