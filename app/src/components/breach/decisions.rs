//! The two decisions a case needs, each with who took it, when and why: notify the
//! authority or record why not (Article 33); tell the people affected or name the
//! exception that applies (Article 34).

use chrono::{DateTime, Utc};
use edgedesk_domain::breach::{AuthorityChoice, BreachCase, BreachCommand, Decision, SubjectsChoice};
use leptos::prelude::*;

use crate::components::form_message::FormMessage;
use crate::dates::local;
use crate::i18n::use_i18n;

const AUTHORITY: [AuthorityChoice; 2] = [AuthorityChoice::Notify, AuthorityChoice::DoNotNotify];
const SUBJECTS: [SubjectsChoice; 5] = [
    SubjectsChoice::Tell,
    SubjectsChoice::NotHighRisk,
    SubjectsChoice::Protected,
    SubjectsChoice::RiskContained,
    SubjectsChoice::PublicCommunication,
];

#[component]
pub fn Decisions(case: RwSignal<Option<BreachCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let authority = RwSignal::new(
        case.with_untracked(|c| c.as_ref().and_then(|c| c.state.authority.as_ref().map(|d| d.choice))),
    );
    let subjects = RwSignal::new(
        case.with_untracked(|c| c.as_ref().and_then(|c| c.state.subjects.as_ref().map(|d| d.choice))),
    );
    let authority_reason = RwSignal::new(String::new());
    let subjects_reason = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let send = super::send(case, message);
    let decided = move |decision: Option<(String, DateTime<Utc>, String)>| {
        decision.map(|(by, at, reason)| {
            let when = local(at, i18n.lang().code());
            view! { <p class="muted decision-record">{format!("{} {by}, {when}", i18n.b().decided_by)} {(!reason.is_empty()).then(|| format!(": {reason}"))}</p> }
        })
    };
    let authority_record = move || case.with(|c| c.as_ref().and_then(|c| record(&c.state.authority)));
    let subjects_record = move || case.with(|c| c.as_ref().and_then(|c| record(&c.state.subjects)));
    view! {
        <section class="card" aria-labelledby="decisions-heading">
            <h2 id="decisions-heading" class="section-title">{move || i18n.b().decisions_heading}</h2>
            <form class="form" aria-label=move || i18n.b().authority_question on:submit=move |ev| {
                ev.prevent_default();
                if let Some(choice) = authority.get_untracked() {
                    send.dispatch(BreachCommand::DecideAuthority { choice, reason: authority_reason.get_untracked() });
                }
            }>
                <fieldset class="field choice-list">
                    <legend>{move || i18n.b().authority_question}</legend>
                    {AUTHORITY.into_iter().map(|choice| view! {
                        <label class="checkbox">
                            <input type="radio" name="authority" prop:checked=move || authority.get() == Some(choice)
                                on:change=move |_| authority.set(Some(choice))/>
                            <span>{move || i18n.b().authority_choice(choice)}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                {move || decided(authority_record())}
                <div class="field">
                    <label for="field-authority-reason">{move || i18n.b().reason}</label>
                    <textarea id="field-authority-reason" rows="2" bind:value=authority_reason></textarea>
                </div>
                <button type="submit" class="button" disabled=move || send.pending().get() || authority.get().is_none()>
                    {move || i18n.b().record_decision}
                </button>
            </form>
            <form class="form" aria-label=move || i18n.b().subjects_question on:submit=move |ev| {
                ev.prevent_default();
                if let Some(choice) = subjects.get_untracked() {
                    send.dispatch(BreachCommand::DecideSubjects { choice, reason: subjects_reason.get_untracked() });
                }
            }>
                <fieldset class="field choice-list">
                    <legend>{move || i18n.b().subjects_question}</legend>
                    {SUBJECTS.into_iter().map(|choice| view! {
                        <label class="checkbox">
                            <input type="radio" name="subjects" prop:checked=move || subjects.get() == Some(choice)
                                on:change=move |_| subjects.set(Some(choice))/>
                            <span>{move || i18n.b().subjects_choice(choice)}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                {move || decided(subjects_record())}
                <div class="field">
                    <label for="field-subjects-reason">{move || i18n.b().reason}</label>
                    <textarea id="field-subjects-reason" rows="2" bind:value=subjects_reason></textarea>
                </div>
                <button type="submit" class="button" disabled=move || send.pending().get() || subjects.get().is_none()>
                    {move || i18n.b().record_decision}
                </button>
            </form>
            <FormMessage message=message/>
        </section>
    }
}

/// Who took a decision, when and why.
fn record<T>(decision: &Option<Decision<T>>) -> Option<(String, DateTime<Utc>, String)> {
    decision.as_ref().map(|d| (d.by.clone(), d.at, d.reason.clone()))
}
