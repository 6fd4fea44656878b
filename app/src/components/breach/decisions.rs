//! The two decisions a case needs, each with who took it, when and why: notify the
//! authority or record why not (Article 33); tell the people affected or name the
//! exception that applies (Article 34).

use edgedesk_domain::breach::{AuthorityChoice, BreachCase, BreachCommand, Decision, SubjectsChoice};
use leptos::prelude::*;

use crate::breach_texts::BreachTexts;
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
    let message = RwSignal::new(None::<(bool, String)>);
    let send = super::send(case, message);
    view! {
        <section class="card" aria-labelledby="decisions-heading">
            <h2 id="decisions-heading" class="section-title">{move || i18n.b().decisions_heading}</h2>
            <DecisionForm case send name="authority" choices=AUTHORITY.to_vec()
                question=|b| b.authority_question word=BreachTexts::authority_choice
                stored=|case| case.state.authority.clone()
                command=|choice, reason| BreachCommand::DecideAuthority { choice, reason }/>
            <DecisionForm case send name="subjects" choices=SUBJECTS.to_vec()
                question=|b| b.subjects_question word=BreachTexts::subjects_choice
                stored=|case| case.state.subjects.clone()
                command=|choice, reason| BreachCommand::DecideSubjects { choice, reason }/>
            <FormMessage message=message/>
        </section>
    }
}

/// One decision: its choices, the reason, and who took the one on record, when and why.
#[component]
fn DecisionForm<T: Copy + PartialEq + Send + Sync + 'static>(
    case: RwSignal<Option<BreachCase>>,
    send: Action<BreachCommand, ()>,
    /// The radio group's name and the reason field's id.
    name: &'static str,
    choices: Vec<T>,
    question: fn(&BreachTexts) -> &'static str,
    word: fn(&BreachTexts, T) -> &'static str,
    stored: fn(&BreachCase) -> Option<Decision<T>>,
    command: fn(T, String) -> BreachCommand,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_record = move || case.with(|c| c.as_ref().and_then(stored));
    let chosen = RwSignal::new(case.with_untracked(|c| c.as_ref().and_then(stored).map(|d| d.choice)));
    let reason = RwSignal::new(String::new());
    let reason_id = format!("field-{name}-reason");
    let decided = move || {
        on_record().map(|decision| {
            let when = local(decision.at, i18n.lang().code());
            let why = (!decision.reason.is_empty()).then(|| format!(": {}", decision.reason));
            let text = format!("{} {}, {when}{}", i18n.b().decided_by, decision.by, why.unwrap_or_default());
            view! { <p class="muted decision-record">{text}</p> }
        })
    };
    view! {
        <form class="form" aria-label=move || question(i18n.b()) on:submit=move |ev| {
            ev.prevent_default();
            if let Some(choice) = chosen.get_untracked() {
                send.dispatch(command(choice, reason.get_untracked()));
            }
        }>
            <fieldset class="field choice-list">
                <legend>{move || question(i18n.b())}</legend>
                {choices.into_iter().map(|choice| view! {
                    <label class="checkbox">
                        <input type="radio" name=name prop:checked=move || chosen.get() == Some(choice)
                            on:change=move |_| chosen.set(Some(choice))/>
                        <span>{move || word(i18n.b(), choice)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            {decided}
            <div class="field">
                <label for=reason_id.clone()>{move || i18n.b().reason}</label>
                <textarea id=reason_id rows="2" bind:value=reason></textarea>
            </div>
            <button type="submit" class="button" disabled=move || send.pending().get() || chosen.get().is_none()>
                {move || i18n.b().record_decision}
            </button>
        </form>
    }
}
