use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::i18n::use_i18n;
use crate::session::use_session;

/// Sign in / create account when signed out; when in, the account's name opens a small
/// menu with the ways to sign out, so the header stays on one line.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // A full page load afterwards leaves no signed-in state behind in memory. Signed out
    // locally even if the server is unreachable; the cookie then expires by itself.
    let sign_out = Action::new_local(move |everywhere: &bool| {
        let everywhere = *everywhere;
        async move {
            let _ = if everywhere { api::logout_everywhere().await } else { api::logout().await };
            session.signed_out();
            let _ = window().location().set_href("/sign-in");
        }
    });
    move || {
        let t = i18n.t();
        match session.me() {
            Some(me) => view! {
                <details class="account-menu account-dropdown">
                    <summary class="button" data-testid="signed-in-as">
                        <span class="visually-hidden">{t.signed_in_as} " "</span>
                        {me.name}
                    </summary>
                    <div class="account-dropdown-panel">
                        <button type="button" class="button" on:click=move |_| { sign_out.dispatch(false); }>{t.sign_out}</button>
                        <button type="button" class="button" on:click=move |_| { sign_out.dispatch(true); }>{t.sign_out_everywhere}</button>
                    </div>
                </details>
            }
            .into_any(),
            None if session.is_known() => view! {
                <div class="account-menu">
                    <A href="/sign-in">{t.nav_sign_in}</A>
                    <A href="/sign-up">{t.nav_sign_up}</A>
                </div>
            }
            .into_any(),
            None => ().into_any(),
        }
    }
}
