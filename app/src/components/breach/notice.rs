//! The notice for the supervisory authority, written from the case in Danish and English,
//! ready to paste into the authority's form.

use edgedesk_domain::breach::{BreachCase, Clock};
use leptos::prelude::*;

use crate::breach_texts;
use crate::dates::{local, now};
use crate::i18n::{use_i18n, Lang};

#[component]
pub fn Notice(case: RwSignal<Option<BreachCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move |lang: Lang| {
        case.with(|case| {
            let case = case.as_ref()?;
            let overdue = matches!(Clock::of(case.deadline, false, now()), Clock::Overdue { .. });
            let late = overdue && case.state.authority_notified_at().is_none();
            let texts = match lang {
                Lang::En => &breach_texts::EN,
                Lang::Da => &breach_texts::DA,
            };
            Some(texts.notice(case, |at| local(at, lang.code()), late))
        })
    };
    let copy = move |id: &'static str| {
        move |_| {
            let Some(area) = document().get_element_by_id(id) else { return };
            let value = area.text_content().unwrap_or_default();
            let _ = window().navigator().clipboard().write_text(&value);
        }
    };
    view! {
        <section class="card" aria-labelledby="notice-heading">
            <h2 id="notice-heading" class="section-title">{move || i18n.b().notice_heading}</h2>
            <p class="muted">{move || i18n.b().notice_intro}</p>
            <div class="breach-notices">
                <div class="field">
                    <label for="notice-da">"Dansk"</label>
                    <textarea id="notice-da" readonly rows="14" lang="da">{move || text(Lang::Da)}</textarea>
                    <button type="button" class="button button-small" on:click=copy("notice-da")>{move || i18n.b().copy}</button>
                </div>
                <div class="field">
                    <label for="notice-en">"English"</label>
                    <textarea id="notice-en" readonly rows="14" lang="en">{move || text(Lang::En)}</textarea>
                    <button type="button" class="button button-small" on:click=copy("notice-en")>{move || i18n.b().copy}</button>
                </div>
            </div>
        </section>
    }
}
