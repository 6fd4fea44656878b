//! Invite a staff member; the link is shown once, right here.

use edgedesk_domain::admin::NewInvitation;
use edgedesk_domain::auth::{Role, Tier};
use edgedesk_domain::{ApiError, FieldError};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::components::text_field::{field_error, TextField};
use crate::i18n::use_i18n;

#[component]
pub fn InviteForm() -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Agent);
    let tier = RwSignal::new(Some(Tier::L1));
    let field_errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let link = RwSignal::new(None::<String>);
    let error_for = move |field| field_error(field_errors, field);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        link.set(None);
        failure.set(None);
        let invitation = NewInvitation {
            email: email.get_untracked(),
            name: name.get_untracked(),
            role: role.get_untracked(),
            tier: tier.get_untracked(),
        };
        if let Err(error) = invitation.validate() {
            field_errors.set(error.field_errors());
            return;
        }
        field_errors.set(Vec::new());
        spawn_local(async move {
            match api::invite(&invitation).await {
                Ok(created) => {
                    let origin = window().location().origin().unwrap_or_default();
                    link.set(Some(format!("{origin}{}", created.path)));
                    email.set(String::new());
                    name.set(String::new());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <form class="card form" novalidate on:submit=on_submit aria-labelledby="invite-heading">
            <h2 id="invite-heading">{move || i18n.t().invite_heading}</h2>
            <div role="alert" class="form-alerts">
                {move || failure.get().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
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
                <button type="submit" class="button button-primary">{move || i18n.t().invite_button}</button>
            </div>
            {move || link.get().map(|link| view! {
                <div class="alert confirmation" role="status">
                    <p>{i18n.t().invite_created}</p>
                    <p><code data-testid="invitation-link">{link}</code></p>
                </div>
            })}
        </form>
    }
}
