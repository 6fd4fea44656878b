use edgedesk_domain::auth::Tier;
use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use super::{choices, state};
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// Functional escalation to another tier (up or down) and hierarchical escalation to a
/// supervisor, both with a reason.
#[component]
pub fn EscalationForm() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let next =
        state(workspace).map_or(Tier::L2, |state| if state.tier == Tier::L1 { Tier::L2 } else { Tier::L3 });
    let tier = RwSignal::new(next.as_str().to_string());
    let reason = RwSignal::new(String::new());
    let tiers = Signal::derive(move || choices(&Tier::ALL, Tier::as_str, |t| i18n.p().tier(t)));
    Effect::new(move |_| {
        workspace.saves.track();
        reason.set(String::new());
    });
    let escalate = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tier = Tier::parse(&tier.get_untracked()).unwrap_or(Tier::L2);
        workspace.send(Command::Escalate { tier, reason: reason.get_untracked() });
    };
    view! {
        <form class="card work-form" on:submit=escalate aria-labelledby="escalate-heading">
            <h3 id="escalate-heading">{move || i18n.p().escalate_heading}</h3>
            <SelectField name="tier" label=Signal::derive(move || i18n.p().field_tier) value=tier options=tiers/>
            <TextField name="escalate-reason" label=Signal::derive(move || i18n.p().field_reason) value=reason multiline=true rows=2/>
            <div class="button-row">
                <button type="submit" class="button" disabled=move || workspace.busy.get()>{move || i18n.p().escalate}</button>
                <button type="button" class="button" disabled=move || workspace.busy.get()
                    on:click=move |_| workspace.send(Command::NotifySupervisor { reason: reason.get_untracked() })>
                    {move || i18n.p().notify_supervisor}
                </button>
            </div>
        </form>
    }
}
