//! Says so when the live connection is down and the page is polling instead.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::live::{use_live, Connection};

#[component]
pub fn LiveStatus() -> impl IntoView {
    let i18n = use_i18n();
    let live = use_live();
    view! {
        <Show when=move || live.connection.get() == Connection::Stale>
            <p class="live-stale" role="status" data-testid="live-stale">{move || i18n.c().live_stale}</p>
        </Show>
    }
}
