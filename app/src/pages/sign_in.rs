//! Sign in, then go back to where the person was headed (`?next=`), or to their home:
//! the console for staff, "my tickets" for customers.

use edgedesk_domain::auth::{safe_return_path, Credentials, Me};
use edgedesk_domain::ApiError;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::submit::settled;
use crate::title::use_page_title;

/// Where a freshly signed-in account lands.
pub fn home_of(me: &Me, next: Option<&str>) -> String {
    match next.and_then(safe_return_path) {
        Some(path) => path.to_string(),
        None if me.role.is_staff() => "/console".to_string(),
        None => "/my-tickets".to_string(),
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    use_page_title(move || i18n.t().sign_in_title.to_string());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let login = Action::new_local(move |credentials: &Credentials| {
        let credentials = credentials.clone();
        let navigate = navigate.clone();
        let next = query.read_untracked().get("next");
        async move {
            let me = api::login(&credentials).await.inspect_err(|_| password.set(String::new()))?;
            let home = home_of(&me, next.as_deref());
            session.signed_in(me);
            navigate(&home, Default::default());
            Ok::<(), ApiError>(())
        }
    });
    // Stays busy from a successful sign-in until the next page replaces this one.
    let busy = move || login.pending().get() || login.value().with(|outcome| matches!(outcome, Some(Ok(()))));
    let invalid = RwSignal::new(None::<ApiError>);
    let failure = move || invalid.get().or_else(|| settled(login).and_then(Result::err));

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy() {
            return;
        }
        let credentials = Credentials { email: email.get_untracked(), password: password.get_untracked() };
        invalid.set(credentials.validate().err());
        if invalid.with_untracked(Option::is_none) {
            login.dispatch(credentials);
        }
    };
    let field_error = move |field: &'static str| {
        Signal::derive(move || {
            failure()
                .filter(|error| error.field.as_deref() == Some(field))
                .map(|e| i18n.t().error(e.code, None))
        })
    };

    view! {
        <h1>{move || i18n.t().sign_in_title}</h1>
        <p class="lead">{move || i18n.t().sign_in_intro}</p>
        <form class="card form narrow" novalidate on:submit=on_submit>
            <div role="alert" class="form-alerts">
                {move || {
                    failure()
                        .filter(|error| error.field.is_none())
                        .map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })
                }}
            </div>
            <TextField name="email" label=Signal::derive(move || i18n.t().field_email) value=email
                error=field_error("email") input_type="email" autocomplete="username" required=true/>
            <TextField name="password" label=Signal::derive(move || i18n.t().field_password) value=password
                error=field_error("password") input_type="password" autocomplete="current-password" required=true/>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=busy>
                    {move || if busy() { i18n.t().signing_in } else { i18n.t().sign_in_button }}
                </button>
            </div>
            <p class="muted">{move || i18n.t().no_account} " " <A href="/sign-up">{move || i18n.t().nav_sign_up}</A></p>
            <p class="muted"><A href="/forgot-password">{move || i18n.t().forgot_link}</A></p>
        </form>
    }
}
