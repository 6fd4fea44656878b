//! The five bundles and which one serves a path. boot.js decides on every full load (it
//! defines `edgedeskBundle`); the SPA asks the same function, so the two never disagree,
//! and hands over with a full load when a link or a change of account leads out of its own.

use edgedesk_domain::auth::staff_hint_cookie;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::HtmlDocument;

use crate::session::use_session;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bundle {
    Portal,
    Console,
    Admin,
    /// Data-breach cases (staff who need to know).
    Breaches,
    /// Reports and the dashboard (staff).
    Reports,
}

#[wasm_bindgen]
extern "C" {
    /// public/boot.js: `"portal"`, `"console"`, `"admin"`, `"breaches"` or `"reports"` for a
    /// path, given the staff hint.
    #[wasm_bindgen(js_name = edgedeskBundle)]
    fn bundle_for(path: &str) -> String;
}

impl Bundle {
    fn code(self) -> &'static str {
        match self {
            Bundle::Portal => "portal",
            Bundle::Console => "console",
            Bundle::Admin => "admin",
            Bundle::Breaches => "breaches",
            Bundle::Reports => "reports",
        }
    }

    pub fn serves(self, path: &str) -> bool {
        bundle_for(path) == self.code()
    }
}

pub fn use_bundle() -> Bundle {
    expect_context::<Bundle>()
}

/// The API sets the staff hint cookie at sign-in and clears it at sign-out; this keeps it
/// in step when a session ends or changes in another way.
fn remember_staff(staff: bool) {
    let https = window().location().protocol().is_ok_and(|protocol| protocol == "https:");
    if let Ok(document) = document().dyn_into::<HtmlDocument>() {
        let _ = document.set_cookie(&staff_hint_cookie(staff, https));
    }
}

/// Inside the router: keeps the staff hint in step with the session and, when the path
/// belongs to another bundle, loads that address afresh so boot.js picks its bundle
/// (`replace`, so the back button does not meet a half-way step).
#[component]
pub fn FollowAudience() -> impl IntoView {
    let bundle = use_bundle();
    let session = use_session();
    let location = use_location();
    Effect::new(move |_| {
        if session.is_known() {
            remember_staff(session.is_staff());
        }
        let path = location.pathname.get();
        if !bundle.serves(&path) {
            // From the router's location: the browser's address may not show it yet.
            let query = location.search.get_untracked();
            let hash = location.hash.get_untracked();
            let mut address = path;
            if !query.is_empty() {
                address = format!("{address}?{query}");
            }
            if !hash.is_empty() {
                address = format!("{address}#{}", hash.trim_start_matches('#'));
            }
            let _ = window().location().replace(&address);
        }
    });
}
