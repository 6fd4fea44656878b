//! A forgotten password: ask for a link by address, then choose a new password with it.
//! The first page answers the same whether or not the address has an account.

use edgedesk_domain::reset::{NewPassword, ResetRequest};
use edgedesk_domain::ApiError;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;
use crate::submit::settled;
use crate::title::use_page_title;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t().forgot_title.to_string());
    let email = RwSignal::new(String::new());
    let ask = Action::new_local(move |request: &ResetRequest| {
        let request = request.clone();
        async move { api::request_password_reset(&request).await }
    });
    let invalid = RwSignal::new(None::<ApiError>);
    let failure = move || invalid.get().or_else(|| settled(ask).and_then(Result::err));
    let sent = move || settled(ask).is_some_and(|outcome| outcome.is_ok());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = ResetRequest { email: email.get_untracked() };
        invalid.set(request.validate().err());
        if invalid.with_untracked(Option::is_none) {
            ask.dispatch(request);
        }
    };
    let field_error = Signal::derive(move || {
        failure()
            .filter(|error| error.field.as_deref() == Some("email"))
            .map(|e| i18n.t().error(e.code, None))
    });
    view! {
        <h1>{move || i18n.t().forgot_title}</h1>
        <p class="lead">{move || i18n.t().forgot_intro}</p>
        <form class="card form narrow" novalidate on:submit=on_submit>
            <div role="alert" class="form-alerts">
                {move || failure().filter(|error| error.field.is_none())
                    .map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
            </div>
            <Show when=sent>
                <p role="status" class="alert alert-success">{move || i18n.t().forgot_sent}</p>
            </Show>
            <TextField name="email" label=Signal::derive(move || i18n.t().field_email) value=email
                error=field_error input_type="email" autocomplete="username" required=true/>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || ask.pending().get()>
                    {move || i18n.t().forgot_button}
                </button>
            </div>
            <p class="muted"><A href="/sign-in">{move || i18n.t().sign_in_title}</A></p>
        </form>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    use_page_title(move || i18n.t().forgot_title.to_string());
    let password = RwSignal::new(String::new());
    let save = Action::new_local(move |chosen: &NewPassword| {
        let chosen = chosen.clone();
        let token = params.read_untracked().get("token").unwrap_or_default();
        async move { api::complete_password_reset(&token, &chosen).await }
    });
    let invalid = RwSignal::new(None::<ApiError>);
    let failure = move || invalid.get().or_else(|| settled(save).and_then(Result::err));
    let done = move || settled(save).is_some_and(|outcome| outcome.is_ok());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = NewPassword { password: password.get_untracked() };
        // The rules the page can check without the account's address; the API checks all.
        invalid.set(chosen.validate("").err());
        if invalid.with_untracked(Option::is_none) {
            save.dispatch(chosen);
        }
    };
    let field_error = Signal::derive(move || {
        failure()
            .filter(|error| error.field.as_deref() == Some("password"))
            .map(|e| i18n.t().error(e.code, None))
    });
    view! {
        <h1>{move || i18n.t().forgot_title}</h1>
        <Show when=done fallback=move || view! {
            <p class="lead">{move || i18n.t().reset_intro}</p>
            <form class="card form narrow" novalidate on:submit=on_submit>
                <div role="alert" class="form-alerts">
                    {move || failure().filter(|error| error.field.is_none()).map(|error| view! {
                        <p class="alert alert-error">{i18n.t().error(error.code, None)}</p>
                        <p><A href="/forgot-password">{i18n.t().forgot_button}</A></p>
                    })}
                </div>
                <TextField name="password" label=Signal::derive(move || i18n.t().field_new_password) value=password
                    error=field_error input_type="password" autocomplete="new-password" required=true/>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                        {move || i18n.t().reset_button}
                    </button>
                </div>
            </form>
        }>
            <p role="status" class="alert alert-success">{move || i18n.t().reset_done}</p>
            <p><A href="/sign-in">{move || i18n.t().sign_in_button}</A></p>
        </Show>
    }
}
