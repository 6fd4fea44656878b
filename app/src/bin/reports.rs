//! Reports and the dashboard: supervisors open them daily, agents now and then; a bundle of
//! their own keeps the charts out of the console and the portal.

use edgedesk_app::bundle::Bundle;
use edgedesk_app::components::command_palette::CommandPalette;
use edgedesk_app::frame::{start, Frame};
use edgedesk_app::pages::{not_found::NotFoundPage, reports::ReportsPage};
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(Reports);
}

#[component]
fn Reports() -> impl IntoView {
    view! {
        <Frame bundle=Bundle::Reports staff_tools=|| view! { <CommandPalette/> }.into_any()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/reports") view=ReportsPage/>
            </Routes>
        </Frame>
    }
}
