//! The agent console: queues and the ticket workspace. A staff browser opens ticket pages
//! here (boot.js); every other page is the portal's or the admin bundle's.

use edgedesk_app::bundle::Bundle;
use edgedesk_app::components::command_palette::CommandPalette;
use edgedesk_app::frame::{start, Frame};
use edgedesk_app::pages::{console::ConsolePage, not_found::NotFoundPage, ticket::StaffTicketPage};
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(Console);
}

#[component]
fn Console() -> impl IntoView {
    view! {
        <Frame bundle=Bundle::Console staff_tools=|| view! { <CommandPalette/> }.into_any()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/console") view=ConsolePage/>
                <Route path=path!("/tickets/:id") view=StaffTicketPage/>
            </Routes>
        </Frame>
    }
}
