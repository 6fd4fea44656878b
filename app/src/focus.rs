//! Where keyboard focus goes when the page changes under it: a route change puts focus on
//! the new page's heading (as a screen reader user expects after a real page load), and the
//! skip link moves it to the main content.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Pages that load their data show the heading a little later; look for this long.
const HEADING_WAIT_TRIES: u32 = 60;
const HEADING_WAIT_MS: u64 = 50;

fn element(selector: &str) -> Option<HtmlElement> {
    document().query_selector(selector).ok().flatten().and_then(|element| element.dyn_into().ok())
}

/// The new page already chose where focus goes (a row to return to, a field) when focus
/// sits inside its content; the header's links and the bare page do not count.
fn page_placed_focus() -> bool {
    let main = element("#main");
    document().active_element().is_some_and(|active| {
        main.as_ref().is_some_and(|main| main.contains(Some(&active)) && !main.is_same_node(Some(&active)))
    })
}

/// `old` is the heading of the page being left, which may linger for a moment.
fn focus_heading(tries_left: u32, old: Option<HtmlElement>) {
    if page_placed_focus() {
        return;
    }
    let new =
        element("main h1").filter(|heading| old.as_ref().is_none_or(|old| !old.is_same_node(Some(heading))));
    match new {
        Some(heading) => {
            if !heading.has_attribute("tabindex") {
                let _ = heading.set_attribute("tabindex", "-1");
            }
            let _ = heading.focus();
        }
        None if tries_left > 0 => set_timeout(
            move || focus_heading(tries_left - 1, old),
            std::time::Duration::from_millis(HEADING_WAIT_MS),
        ),
        None => {}
    }
}

/// Watches the route; lives inside the router.
#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::watch(
        move || location.pathname.get(),
        move |_, _, _| focus_heading(HEADING_WAIT_TRIES, element("main h1")),
        false,
    );
}

/// The skip link's target: the main content, focused (not just scrolled to).
pub fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = element("#main") {
        let _ = main.focus();
    }
}
