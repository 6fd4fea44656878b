//! Each page names itself in the browser tab (and for screen readers announcing it).

use leptos::prelude::*;

pub fn use_page_title(title: impl Fn() -> String + 'static) {
    Effect::new(move |_| document().set_title(&format!("{} · Edgedesk", title())));
}
