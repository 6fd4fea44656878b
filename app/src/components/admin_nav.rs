use edgedesk_domain::auth::Role;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;
use crate::session::use_session;

/// Tabs between the admin pages, so the header keeps one "Admin" link and one line.
#[component]
pub fn AdminNav() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Show when=move || session.me().is_some_and(|me| me.role == Role::Admin)>
            <nav class="admin-nav" aria-label=move || i18n.t().admin_sections>
                <A href="/admin" exact=true>{move || i18n.t().accounts_heading}</A>
                <A href="/admin/process">{move || i18n.p().settings_title}</A>
                <A href="/admin/sla">{move || i18n.s().settings_title}</A>
                <A href="/admin/monitoring">{move || i18n.p().monitoring_title}</A>
                <A href="/admin/mailbox">{move || i18n.p().mailbox_title}</A>
                <A href="/admin/webhooks">{move || i18n.p().webhooks_title}</A>
            </nav>
        </Show>
    }
}
