use leptos::prelude::*;

use crate::dates::local;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// Scheduled calls, each with its calendar file.
#[component]
pub fn CallList() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        let calls = workspace.shown.get().calls;
        (!calls.is_empty()).then(|| {
            let p = i18n.p();
            view! {
                <section class="card" aria-labelledby="calls-heading">
                    <h2 id="calls-heading" class="section-title">{p.calls_heading}</h2>
                    <ul class="calls">
                        {calls
                            .into_iter()
                            .map(|call| {
                                let when = local(call.call.starts_at, i18n.lang().code());
                                let place = call.call.phone.clone().or(call.call.link.clone()).unwrap_or_default();
                                view! {
                                    <li class="call">
                                        <p>
                                            <strong>{p.channel(call.call.channel)}</strong> " · "
                                            <time datetime=call.call.starts_at.to_rfc3339()>{when}</time>
                                            " · " {call.call.minutes} " min · " {call.scheduled_by}
                                        </p>
                                        <p>{place}</p>
                                        {call.call.note.map(|note| view! { <p class="prose">{note}</p> })}
                                        <a href=workspace.invitation_href(call.id) download="">{p.call_download}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
