use edgedesk_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::i18n::use_i18n;

/// Staff see whether the reporter's status link works and can revoke it (a forwarded or
/// leaked link).
#[component]
pub fn StatusLinkControl(ticket_id: i64, active: bool) -> impl IntoView {
    let i18n = use_i18n();
    let active = RwSignal::new(active);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let revoke = move |_| {
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            match api::revoke_status_link(ticket_id).await {
                Ok(()) => active.set(false),
                Err(error) => failure.set(Some(error)),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="card" aria-labelledby="status-link-heading">
            <h2 id="status-link-heading" class="section-title">{move || i18n.t().status_link_heading}</h2>
            <p role="status">
                {move || if active.get() { i18n.t().status_link_is_active } else { i18n.t().status_link_is_revoked }}
            </p>
            {move || failure.get().map(|error| view! {
                <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p>
            })}
            <Show when=move || active.get()>
                <button type="button" class="button" disabled=move || busy.get() on:click=revoke>
                    {move || i18n.t().revoke_status_link}
                </button>
            </Show>
        </section>
    }
}
