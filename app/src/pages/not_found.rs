use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::bundle::use_bundle;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

/// A path no route of this bundle matches: either another bundle's page, which is on its
/// way (`FollowAudience`), or a page that does not exist.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    let bundle = use_bundle();
    let pathname = use_location().pathname;
    let elsewhere = move || !bundle.serves(&pathname.get());
    use_page_title(move || if elsewhere() { i18n.t().loading } else { i18n.t().not_found_title }.to_string());
    move || {
        if elsewhere() {
            view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any()
        } else {
            view! {
                <h1>{i18n.t().not_found_title}</h1>
                <p>{i18n.t().not_found_body}</p>
            }
            .into_any()
        }
    }
}
