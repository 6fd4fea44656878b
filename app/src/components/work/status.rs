use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use super::choices;
use crate::components::select_field::SelectField;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// Working statuses; resolving, reopening and cancelling have their own forms.
const SETTABLE: [Status; 4] =
    [Status::Open, Status::InProgress, Status::PendingCustomer, Status::PendingThirdParty];

#[component]
pub fn StatusForm() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let status = RwSignal::new(Status::InProgress.as_str().to_string());
    let options =
        Signal::derive(move || choices(&SETTABLE, Status::as_str, |s| i18n.t().status_for(s, true)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(status) = Status::parse(&status.get_untracked()) {
            workspace.send(Command::SetStatus { status });
        }
    };
    view! {
        <form class="card work-form" on:submit=submit aria-labelledby="status-heading">
            <h3 id="status-heading">{move || i18n.p().status_heading}</h3>
            <SelectField name="status" label=Signal::derive(move || i18n.p().field_status) value=status options=options/>
            <button type="submit" class="button" disabled=move || workspace.busy.get()>{move || i18n.p().status_save}</button>
        </form>
    }
}
