use edgedesk_domain::category::Category;
use edgedesk_domain::priority::Level;
use edgedesk_domain::ticket::TicketKind;
use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use super::{choices, state};

use crate::components::select_field::{category_choices, SelectField};
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// L1's classification: incident or request, category, impact and urgency (the matrix
/// gives the priority).
#[component]
pub fn TriageForm(categories: LocalResource<Vec<Category>>) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let current = state(workspace);
    let kind = RwSignal::new(current.as_ref().map_or("incident", |s| s.kind.as_str()).to_string());
    let category = RwSignal::new(
        current.as_ref().and_then(|s| s.category.as_ref()).map(|c| c.id.to_string()).unwrap_or_default(),
    );
    let impact =
        RwSignal::new(current.as_ref().and_then(|s| s.impact).unwrap_or(Level::Medium).as_str().to_string());
    let urgency =
        RwSignal::new(current.as_ref().and_then(|s| s.urgency).unwrap_or(Level::Medium).as_str().to_string());
    let category_options =
        Signal::derive(move || category_choices(categories.get().unwrap_or_default(), i18n.p().no_choice));
    let kinds = Signal::derive(move || {
        choices(&[TicketKind::Incident, TicketKind::Request], TicketKind::as_str, |k| i18n.p().kind(k))
    });
    let levels = Signal::derive(move || choices(&Level::ALL, Level::as_str, |l| i18n.p().level(l)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = Command::Triage {
            kind: TicketKind::parse(&kind.get_untracked()).unwrap_or(TicketKind::Incident),
            category_id: category.get_untracked().parse().ok(),
            impact: Level::parse(&impact.get_untracked()).unwrap_or(Level::Medium),
            urgency: Level::parse(&urgency.get_untracked()).unwrap_or(Level::Medium),
        };
        workspace.send(command);
    };
    view! {
        <form class="card work-form" on:submit=submit aria-labelledby="triage-heading">
            <h3 id="triage-heading">{move || i18n.p().triage_heading}</h3>
            <SelectField name="kind" label=Signal::derive(move || i18n.p().field_kind) value=kind options=kinds/>
            <SelectField name="category" label=Signal::derive(move || i18n.p().field_category) value=category options=category_options/>
            <SelectField name="impact" label=Signal::derive(move || i18n.p().field_impact) value=impact options=levels/>
            <SelectField name="urgency" label=Signal::derive(move || i18n.p().field_urgency) value=urgency options=levels/>
            <button type="submit" class="button" disabled=move || workspace.busy.get()>{move || i18n.p().triage_save}</button>
        </form>
    }
}
