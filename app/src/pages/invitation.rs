//! An invited staff member accepts: chooses a name and password, and starts signed in.

use edgedesk_domain::admin::AcceptInvitation;
use edgedesk_domain::{ApiError, FieldError};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api;
use crate::components::text_field::{field_error, TextField};
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::submit::settled;
use crate::title::use_page_title;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let params = use_params_map();
    use_page_title(move || i18n.t().invitation_title.to_string());
    let token = move || params.read().get("token").unwrap_or_default();
    let invitation = LocalResource::new(move || {
        let token = token();
        async move { api::get_invitation(&token).await }
    });
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let field_errors = RwSignal::new(Vec::<FieldError>::new());
    Effect::new(move |_| {
        if let Some(Ok(info)) = invitation.get() {
            if name.get_untracked().is_empty() {
                name.set(info.name);
            }
        }
    });
    let error_for = move |field| field_error(field_errors, field);
    let accept = Action::new_local(move |(token, acceptance): &(String, AcceptInvitation)| {
        let (token, acceptance) = (token.clone(), acceptance.clone());
        let navigate = navigate.clone();
        async move {
            let me = api::accept_invitation(&token, &acceptance).await?;
            session.signed_in(me);
            navigate("/console", Default::default());
            Ok::<(), ApiError>(())
        }
    });
    let failure = move || settled(accept).and_then(Result::err);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Ok(info)) = invitation.get_untracked() else { return };
        let acceptance = AcceptInvitation { name: name.get_untracked(), password: password.get_untracked() };
        match acceptance.validate(&info.email) {
            Ok(_) => {
                field_errors.set(Vec::new());
                accept.dispatch((token(), acceptance));
            }
            Err(error) => field_errors.set(error.field_errors()),
        }
    };
    view! {
        <h1>{move || i18n.t().invitation_title}</h1>
        {move || match invitation.get() {
            None => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
            Some(Err(error)) => view! {
                <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p>
            }.into_any(),
            Some(Ok(info)) => {
                let tier = info.tier.map(|tier| format!(" {}", tier.as_str().to_uppercase())).unwrap_or_default();
                view! {
                    <p class="lead">
                        {i18n.t().invitation_intro} " " <strong>{i18n.t().role(info.role)}{tier}</strong>
                        " (" {info.email.clone()} ")."
                    </p>
                }.into_any()
            }
        }}
        <Show when=move || matches!(invitation.get(), Some(Ok(_)))>
            <form class="card form narrow" novalidate on:submit=on_submit>
                <div role="alert" class="form-alerts">
                    {move || failure().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
                </div>
                <TextField name="name" label=Signal::derive(move || i18n.t().field_name) value=name error=error_for("name")
                    autocomplete="name" required=true/>
                <TextField name="password" label=Signal::derive(move || i18n.t().field_password) value=password
                    error=error_for("password") input_type="password" autocomplete="new-password" required=true
                    hint=Signal::derive(move || i18n.t().field_new_password_hint)/>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || accept.pending().get()>
                        {move || i18n.t().accept_button}
                    </button>
                </div>
            </form>
        </Show>
    }
}
