//! The facts Article 33(3) asks for, and the risk they amount to, as the desk knows them
//! now; saved again as more is learnt (each save is a register entry).

use edgedesk_domain::breach::{Assessment, BreachCase, BreachCommand, Risk};
use leptos::prelude::*;

use crate::breach_texts::BreachTexts;
use crate::components::form_message::FormMessage;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;

const RISKS: [Risk; 3] = [Risk::None, Risk::Risk, Risk::High];

#[component]
pub fn AssessmentForm(case: RwSignal<Option<BreachCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let stored = move || {
        case.with_untracked(|case| case.as_ref().map(|c| c.state.assessment.clone())).unwrap_or_default()
    };
    let text = |read: fn(&Assessment) -> &String| RwSignal::new(read(&stored()).clone());
    let nature = text(|a| &a.nature);
    let data_categories = text(|a| &a.data_categories);
    let subject_categories = text(|a| &a.subject_categories);
    let contact_point = text(|a| &a.contact_point);
    let consequences = text(|a| &a.consequences);
    let measures_taken = text(|a| &a.measures_taken);
    let measures_proposed = text(|a| &a.measures_proposed);
    let risk_reasoning = text(|a| &a.risk_reasoning);
    let count = |value: Option<i64>| RwSignal::new(value.map(|n| n.to_string()).unwrap_or_default());
    let approx_subjects = count(stored().approx_subjects);
    let approx_records = count(stored().approx_records);
    let risk = RwSignal::new(stored().risk);
    let message = RwSignal::new(None::<(bool, String)>);
    let send = super::send(case, message);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A count that is not a whole number is sent as -1, which the API names.
        let number = |text: RwSignal<String>| {
            let text = text.get_untracked();
            (!text.trim().is_empty()).then(|| text.trim().parse::<i64>().unwrap_or(-1))
        };
        let assessment = Assessment {
            nature: nature.get_untracked(),
            data_categories: data_categories.get_untracked(),
            subject_categories: subject_categories.get_untracked(),
            approx_subjects: number(approx_subjects),
            approx_records: number(approx_records),
            contact_point: contact_point.get_untracked(),
            consequences: consequences.get_untracked(),
            measures_taken: measures_taken.get_untracked(),
            measures_proposed: measures_proposed.get_untracked(),
            risk: risk.get_untracked(),
            risk_reasoning: risk_reasoning.get_untracked(),
        };
        send.dispatch(BreachCommand::Assess { assessment });
    };
    let label = move |pick: fn(&BreachTexts) -> &'static str| Signal::derive(move || pick(i18n.b()));
    view! {
        <section class="card" aria-labelledby="assessment-heading">
            <h2 id="assessment-heading" class="section-title">{move || i18n.b().assessment_heading}</h2>
            <form class="form" on:submit=submit aria-labelledby="assessment-heading" novalidate>
                <TextField name="nature" label=label(|b| b.nature) value=nature multiline=true rows=3/>
                <div class="field-row">
                    <TextField name="data-categories" label=label(|b| b.data_categories) value=data_categories/>
                    <TextField name="subject-categories" label=label(|b| b.subject_categories) value=subject_categories/>
                </div>
                <div class="field-row">
                    <TextField name="approx-subjects" label=label(|b| b.approx_subjects) value=approx_subjects input_type="number"/>
                    <TextField name="approx-records" label=label(|b| b.approx_records) value=approx_records input_type="number"/>
                </div>
                <TextField name="contact-point" label=label(|b| b.contact_point) value=contact_point/>
                <TextField name="consequences" label=label(|b| b.consequences) value=consequences multiline=true rows=3/>
                <div class="field-row">
                    <TextField name="measures-taken" label=label(|b| b.measures_taken) value=measures_taken multiline=true rows=3/>
                    <TextField name="measures-proposed" label=label(|b| b.measures_proposed) value=measures_proposed multiline=true rows=3/>
                </div>
                <fieldset class="field">
                    <legend>{move || i18n.b().risk}</legend>
                    <div class="choice-row">
                        {RISKS.into_iter().map(|choice| view! {
                            <label class="checkbox">
                                <input type="radio" name="risk" prop:checked=move || risk.get() == Some(choice)
                                    on:change=move |_| risk.set(Some(choice))/>
                                <span>{move || i18n.b().risk_word(Some(choice))}</span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                <TextField name="risk-reasoning" label=label(|b| b.risk_reasoning) value=risk_reasoning multiline=true rows=2/>
                <FormMessage message=message/>
                <button type="submit" class="button button-primary" disabled=move || send.pending().get()>
                    {move || i18n.b().save_assessment}
                </button>
            </form>
        </section>
    }
}
