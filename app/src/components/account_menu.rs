use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api;
use crate::i18n::use_i18n;
use crate::session::use_session;

/// Sign in / create account when signed out; the account's name and "Sign out" when in.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let sign_out = move |_| {
        spawn_local(async move {
            // A full page load leaves no signed-in state behind in memory. Signed out
            // locally even if the server is unreachable; the cookie then expires by itself.
            let _ = api::logout().await;
            session.signed_out();
            let _ = window().location().set_href("/sign-in");
        });
    };
    move || {
        let t = i18n.t();
        match session.me() {
            Some(me) => view! {
                <div class="account-menu">
                    <span class="muted" data-testid="signed-in-as">{t.signed_in_as} " " <strong>{me.name}</strong></span>
                    <button type="button" class="button" on:click=sign_out>{t.sign_out}</button>
                </div>
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
