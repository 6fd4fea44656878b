use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// The confirmation right after reporting: the ticket number to quote, and the status link
/// (the only way back for someone without an account) with a button that copies it.
#[component]
pub fn ReportReceived() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let number = workspace.shown.with_untracked(|shown| shown.public.number.clone());
    let link =
        window().location().href().unwrap_or_default().split('?').next().unwrap_or_default().to_string();
    let copy = Action::new_local(|link: &String| {
        let promise = window().navigator().clipboard().write_text(link);
        async move { JsFuture::from(promise).await.is_ok() }
    });
    let copied = move || copy.value().get() == Some(true);
    // Browsers offer the clipboard only on https (and localhost); elsewhere the link is
    // still there to select by hand.
    let can_copy = js_sys::Reflect::get(&window().navigator(), &"clipboard".into())
        .is_ok_and(|clipboard| !clipboard.is_undefined());
    view! {
        <section class="card confirmation" aria-labelledby="received-title">
            <span class="confirmation-mark" aria-hidden="true">"✓"</span>
            <div class="confirmation-body">
                <h2 id="received-title">{move || i18n.t().received_title}</h2>
                <p class="confirmation-number">
                    {move || i18n.t().received_number} " "
                    <strong class="ticket-number" data-testid="ticket-number">{number}</strong>
                </p>
                <p class="muted">{move || i18n.t().received_hint}</p>
                <h3 class="confirmation-link-label">{move || i18n.t().status_link_label}</h3>
                <div class="copy-row">
                    <a href=link.clone() class="copy-value" data-testid="status-link">{link.clone()}</a>
                    {can_copy.then(|| view! {
                        <button type="button" class="button button-small" on:click=move |_| { copy.dispatch(link.clone()); }>
                            {move || if copied() { i18n.t().link_copied } else { i18n.t().copy_link }}
                        </button>
                    })}
                </div>
                <p class="muted">{move || i18n.t().status_link_hint}</p>
                <A href="/" attr:class="button">{move || i18n.t().report_another}</A>
            </div>
        </section>
    }
}
