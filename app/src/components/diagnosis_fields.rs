use std::collections::BTreeMap;

use edgedesk_domain::priority::{PeopleAffected, WorkImpact};
use leptos::prelude::*;

use crate::api;
use crate::components::select_field::{category_choices, SelectField};
use crate::i18n::use_i18n;

/// What the report form asks to route and prioritise a ticket: incident or request, the
/// category and its initial-diagnosis questions, and two plain-language questions that
/// give impact and urgency.
#[component]
pub fn DiagnosisFields(
    kind: RwSignal<String>,
    category: RwSignal<String>,
    answers: RwSignal<BTreeMap<String, String>>,
    people: RwSignal<Option<PeopleAffected>>,
    work: RwSignal<Option<WorkImpact>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let categories = LocalResource::new(|| async { api::categories().await.unwrap_or_default() });
    let options =
        Signal::derive(move || category_choices(categories.get().unwrap_or_default(), i18n.p().no_choice));
    // Answers belong to the category's questions: switching category starts afresh.
    Effect::new(move |previous: Option<String>| {
        let chosen = category.get();
        if previous.is_some_and(|previous| previous != chosen) {
            answers.set(BTreeMap::new());
        }
        chosen
    });
    let questions = move || {
        let chosen: Option<i64> = category.get().parse().ok();
        categories
            .get()
            .unwrap_or_default()
            .into_iter()
            .find(|c| Some(c.id) == chosen)
            .map(|c| c.questions)
            .unwrap_or_default()
    };
    view! {
        <fieldset class="choice-row">
            <legend>{move || i18n.p().report_kind_question}</legend>
            <label><input type="radio" name="kind" checked=move || kind.get() == "incident"
                on:change=move |_| kind.set("incident".into())/> " " {move || i18n.p().report_kind_problem}</label>
            <label><input type="radio" name="kind" checked=move || kind.get() == "request"
                on:change=move |_| kind.set("request".into())/> " " {move || i18n.p().report_kind_request}</label>
        </fieldset>
        <SelectField name="category_id" label=Signal::derive(move || i18n.p().field_category) value=category options=options/>
        <p class="field-hint">{move || i18n.p().report_category_hint}</p>
        {move || questions().into_iter().enumerate().map(|(index, question)| {
            let id = format!("field-answer-{index}");
            let key = question.clone();
            let current = answers.with_untracked(|all| all.get(&question).cloned().unwrap_or_default());
            view! {
                <div class="field">
                    <label for=id.clone()>{question}</label>
                    <input id=id name="answer" prop:value=current on:input=move |ev| {
                        let value = event_target_value(&ev);
                        answers.update(|all| { all.insert(key.clone(), value); });
                    }/>
                </div>
            }
        }).collect_view()}
        <fieldset class="choice-column">
            <legend>{move || i18n.p().people_question}</legend>
            {[PeopleAffected::JustMe, PeopleAffected::MyTeam, PeopleAffected::Everyone].into_iter().map(|answer| view! {
                <label><input type="radio" name="people_affected" checked=move || people.get() == Some(answer)
                    on:change=move |_| people.set(Some(answer))/> " " {move || i18n.p().people(answer)}</label>
            }).collect_view()}
        </fieldset>
        <fieldset class="choice-column">
            <legend>{move || i18n.p().work_question}</legend>
            {[WorkImpact::CanWait, WorkImpact::Hindered, WorkImpact::Stopped].into_iter().map(|answer| view! {
                <label><input type="radio" name="work_impact" checked=move || work.get() == Some(answer)
                    on:change=move |_| work.set(Some(answer))/> " " {move || i18n.p().work(answer)}</label>
            }).collect_view()}
        </fieldset>
    }
}
