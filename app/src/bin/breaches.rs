//! Data-breach cases and the breach register: staff pages few open, so a bundle of their
//! own keeps them out of the console every agent loads.

use edgedesk_app::bundle::Bundle;
use edgedesk_app::components::command_palette::CommandPalette;
use edgedesk_app::frame::{start, Frame};
use edgedesk_app::pages::{breach::BreachPage, breaches::BreachesPage, not_found::NotFoundPage};
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(Breaches);
}

#[component]
fn Breaches() -> impl IntoView {
    view! {
        <Frame bundle=Bundle::Breaches staff_tools=|| view! { <CommandPalette/> }.into_any()>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/breaches") view=BreachesPage/>
                <Route path=path!("/breaches/:id") view=BreachPage/>
            </Routes>
        </Frame>
    }
}
