use leptos::prelude::*;

use crate::api;
use crate::i18n::use_i18n;
use crate::submit::settled;

/// Staff see whether the reporter's status link works and can revoke it (a forwarded or
/// leaked link).
#[component]
pub fn StatusLinkControl(ticket_id: i64, active: bool) -> impl IntoView {
    let i18n = use_i18n();
    let revoke = Action::new_local(move |_: &()| api::revoke_status_link(ticket_id));
    let active = move || active && !matches!(revoke.value().get(), Some(Ok(())));
    let failure = move || settled(revoke).and_then(Result::err);
    view! {
        <section class="card" aria-labelledby="status-link-heading">
            <h2 id="status-link-heading" class="section-title">{move || i18n.t().status_link_heading}</h2>
            <p role="status">
                {move || if active() { i18n.t().status_link_is_active } else { i18n.t().status_link_is_revoked }}
            </p>
            {move || failure().map(|error| view! {
                <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p>
            })}
            <Show when=active>
                <button type="button" class="button" disabled=move || revoke.pending().get()
                    on:click=move |_| { revoke.dispatch(()); }>
                    {move || i18n.t().revoke_status_link}
                </button>
            </Show>
        </section>
    }
}
