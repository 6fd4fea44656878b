use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t().not_found_title}</h1>
        <p>{move || i18n.t().not_found_body}</p>
    }
}
