//! The admin pages (accounts and organisations, mail, process, SLA and monitoring settings,
//! webhooks): loaded only when an admin opens them.

use edgedesk_app::bundle::Bundle;
use edgedesk_app::components::{admin_nav::AdminNav, command_palette::CommandPalette};
use edgedesk_app::frame::{start, Frame};
use edgedesk_app::pages::{
    admin::AdminPage, mailbox::MailboxPage, monitoring::MonitoringPage, not_found::NotFoundPage,
    process_settings::ProcessSettingsPage, sla_settings::SlaSettingsPage, webhooks::WebhooksPage,
};
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Routes};
use leptos_router::path;

fn main() {
    start(Admin);
}

#[component]
fn Admin() -> impl IntoView {
    view! {
        <Frame bundle=Bundle::Admin staff_tools=|| view! { <CommandPalette/> }.into_any()>
            <Routes fallback=NotFoundPage>
                <ParentRoute path=path!("/admin") view=|| view! { <AdminNav/><Outlet/> }>
                    <Route path=path!("") view=AdminPage/>
                    <Route path=path!("mailbox") view=MailboxPage/>
                    <Route path=path!("monitoring") view=MonitoringPage/>
                    <Route path=path!("process") view=ProcessSettingsPage/>
                    <Route path=path!("sla") view=SlaSettingsPage/>
                    <Route path=path!("webhooks") view=WebhooksPage/>
                </ParentRoute>
            </Routes>
        </Frame>
    }
}
