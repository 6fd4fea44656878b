//! Webhooks, for admins: tell other systems what happens on the desk.

use leptos::prelude::*;

use crate::components::guard::RequireAccount;
use crate::components::webhook_manager::WebhookManager;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn WebhooksPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.p().webhooks_title.to_string());
    view! {
        <h1>{move || i18n.p().webhooks_title}</h1>
        <p class="lead">{move || i18n.p().webhooks_intro}</p>
        <RequireAccount admin_only=true>
            <WebhookManager/>
        </RequireAccount>
    }
}
