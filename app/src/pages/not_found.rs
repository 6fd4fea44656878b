use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t().not_found_title.to_string());
    view! {
        <h1>{move || i18n.t().not_found_title}</h1>
        <p>{move || i18n.t().not_found_body}</p>
    }
}
