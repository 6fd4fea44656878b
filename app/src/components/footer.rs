use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="app-footer">
            <p>{move || i18n.t().footer_tagline}</p>
        </footer>
    }
}
