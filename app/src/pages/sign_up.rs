//! A customer asks for an account; a mailed link creates it (`ConfirmEmailPage`), so the
//! form never says whether an address has an account already.

use edgedesk_domain::auth::SignUp;
use edgedesk_domain::{ApiError, FieldError};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api;
use crate::components::text_field::{field_error, TextField};
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::submit::settled;
use crate::title::use_page_title;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t().sign_up_title.to_string());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let field_errors = RwSignal::new(Vec::<FieldError>::new());
    let error_for = move |field| field_error(field_errors, field);
    // Field problems the server finds go beside their fields; anything else above the form.
    let sign_up = Action::new_local(move |account: &SignUp| {
        let account = account.clone();
        async move {
            match api::signup(&account).await {
                Ok(()) => Ok(true),
                Err(error) if !error.field_errors().is_empty() => {
                    field_errors.set(error.field_errors());
                    Ok(false)
                }
                Err(error) => Err(error),
            }
        }
    });
    let failure = move || settled(sign_up).and_then(Result::<bool, ApiError>::err);
    let sent = move || settled(sign_up).is_some_and(|outcome| outcome == Ok(true));
    let busy = sign_up.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let account = SignUp {
            name: name.get_untracked(),
            email: email.get_untracked(),
            password: password.get_untracked(),
            phone: Some(phone.get_untracked()),
            language: Some(i18n.lang()),
        };
        match account.validate() {
            Ok(_) => {
                field_errors.set(Vec::new());
                sign_up.dispatch(account);
            }
            Err(error) => field_errors.set(error.field_errors()),
        }
    };

    view! {
        <h1>{move || i18n.t().sign_up_title}</h1>
        <Show when=sent fallback=move || view! {
        <p class="lead">{move || i18n.t().sign_up_intro}</p>
        <form class="card form narrow" novalidate on:submit=on_submit>
            <div role="alert" class="form-alerts">
                {move || {
                    failure().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })
                }}
            </div>
            <TextField name="name" label=Signal::derive(move || i18n.t().field_name) value=name
                error=error_for("name") autocomplete="name" required=true/>
            <TextField name="email" label=Signal::derive(move || i18n.t().field_email) value=email
                error=error_for("email") input_type="email" autocomplete="email" required=true/>
            <TextField name="password" label=Signal::derive(move || i18n.t().field_password) value=password
                error=error_for("password") input_type="password" autocomplete="new-password" required=true
                hint=Signal::derive(move || i18n.t().field_new_password_hint)/>
            <TextField name="phone" label=Signal::derive(move || i18n.t().field_phone) value=phone
                error=error_for("phone") input_type="tel" autocomplete="tel"/>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || busy.get()>
                    {move || i18n.t().sign_up_button}
                </button>
            </div>
            <p class="muted">{move || i18n.t().have_account} " " <A href="/sign-in">{move || i18n.t().nav_sign_in}</A></p>
        </form>
        }>
            <p role="status" class="alert alert-success" data-testid="sign-up-sent">{move || i18n.t().sign_up_sent}</p>
        </Show>
    }
}

/// `/confirm-email/:token`: the mailed link creates the account and signs its holder in.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let params = use_params_map();
    use_page_title(move || i18n.t().confirm_title.to_string());
    let confirm = Action::new_local(move |token: &String| {
        let token = token.clone();
        let navigate = navigate.clone();
        async move {
            let me = api::confirm_signup(&token).await?;
            session.signed_in(me);
            navigate("/my-tickets", Default::default());
            Ok::<(), ApiError>(())
        }
    });
    confirm.dispatch(params.read_untracked().get("token").unwrap_or_default());
    view! {
        <h1>{move || i18n.t().confirm_title}</h1>
        {move || match settled(confirm) {
            Some(Err(error)) => view! {
                <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p>
                <p><A href="/sign-up">{i18n.t().sign_up_title}</A></p>
            }
            .into_any(),
            _ => view! { <p role="status" class="muted">{i18n.t().confirm_working}</p> }.into_any(),
        }}
    }
}
