//! Invite a staff member; the link is shown once, right here.

use edgedesk_domain::admin::NewInvitation;
use edgedesk_domain::auth::{Role, Tier};
use edgedesk_domain::{ApiError, FieldError};
use leptos::prelude::*;

use crate::api;
use crate::components::text_field::{field_error, TextField};
use crate::i18n::use_i18n;
use crate::submit::settled;

#[component]
pub fn InviteForm() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Agent);
    let tier = RwSignal::new(Some(Tier::L1));
    let field_errors = RwSignal::new(Vec::<FieldError>::new());
    let error_for = move |field| field_error(field_errors, field);
    let invite = Action::new_local(move |invitation: &NewInvitation| {
        let invitation = invitation.clone();
        async move {
            let created = api::invite(&invitation).await?;
            email.set(String::new());
            name.set(String::new());
            let origin = window().location().origin().unwrap_or_default();
            Ok::<_, ApiError>(format!("{origin}{}", created.path))
        }
    });
    let failure = move || settled(invite).and_then(Result::err);
    let link = move || settled(invite).and_then(Result::ok);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let invitation = NewInvitation {
            email: email.get_untracked(),
            name: name.get_untracked(),
            role: role.get_untracked(),
            tier: tier.get_untracked(),
        };
        match invitation.validate() {
            Ok(_) => {
                field_errors.set(Vec::new());
                invite.dispatch(invitation);
            }
            Err(error) => field_errors.set(error.field_errors()),
        }
    };
    view! {
        <form class="card form" novalidate on:submit=on_submit aria-labelledby="invite-heading">
            <h2 id="invite-heading">{move || i18n.t().invite_heading}</h2>
            <div role="alert" class="form-alerts">
                {move || failure().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
            </div>
            <div class="form-row">
                <TextField name="name" label=Signal::derive(move || i18n.t().col_name) value=name error=error_for("name") required=true/>
                <TextField name="email" label=Signal::derive(move || i18n.t().field_email) value=email error=error_for("email")
                    input_type="email" required=true/>
            </div>
            <div class="form-row">
                <label class="field">
                    <span>{move || i18n.t().col_role}</span>
                    <select name="role" on:change=move |ev| {
                        if let Some(choice) = Role::parse(&event_target_value(&ev)) {
                            role.set(choice);
                            tier.set((choice == Role::Agent).then_some(Tier::L1));
                        }
                    }>
                        {[Role::Agent, Role::Supervisor, Role::Admin].into_iter().map(|choice| view! {
                            <option value=choice.as_str() selected=move || role.get() == choice>{move || i18n.t().role(choice)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || role.get() == Role::Agent>
                    <label class="field">
                        <span>{move || i18n.t().col_tier}</span>
                        <select name="tier" on:change=move |ev| tier.set(Tier::parse(&event_target_value(&ev)))>
                            {Tier::ALL.into_iter().map(|choice| view! {
                                <option value=choice.as_str() selected=move || tier.get() == Some(choice)>{choice.as_str().to_uppercase()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || invite.pending().get()>
                    {move || i18n.t().invite_button}
                </button>
            </div>
            {move || link().map(|link| view! {
                <div class="alert confirmation" role="status">
                    <p>{i18n.t().invite_created}</p>
                    <p><code data-testid="invitation-link">{link}</code></p>
                </div>
            })}
        </form>
    }
}
