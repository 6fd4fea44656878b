use edgedesk_domain::category::{Category, CategoryInput};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Saved};
use crate::components::form_message::FormMessage;
use crate::components::select_field::SelectField;
use crate::i18n::use_i18n;

/// Admins keep the categories: two levels, the affected service, and the diagnosis
/// questions the report form asks (one per line). Edits are versioned.
#[component]
pub fn CategoryManager() -> impl IntoView {
    let i18n = use_i18n();
    let categories = RwSignal::new(Vec::<Category>::new());
    let reload = move || {
        spawn_local(async move {
            if let Ok(list) = api::all_categories().await {
                categories.set(list);
            }
        })
    };
    reload();
    // The form edits `editing` (a category) or creates a new one when it is `None`.
    let editing = RwSignal::new(None::<Category>);
    let name = RwSignal::new(String::new());
    let parent = RwSignal::new(String::new());
    let service = RwSignal::new(String::new());
    let questions = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let edit = move |category: Category| {
        name.set(category.name.clone());
        parent.set(category.parent_id.map(|id| id.to_string()).unwrap_or_default());
        service.set(category.service.clone().unwrap_or_default());
        questions.set(category.questions.join("\n"));
        editing.set(Some(category));
    };
    let clear = move || {
        editing.set(None);
        name.set(String::new());
        parent.set(String::new());
        service.set(String::new());
        questions.set(String::new());
    };
    let input = move |active: bool, version: Option<i64>| CategoryInput {
        name: name.get_untracked(),
        parent_id: parent.get_untracked().parse().ok(),
        service: Some(service.get_untracked()),
        questions: questions.get_untracked().lines().map(str::to_string).collect(),
        active,
        version,
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = editing.get_untracked();
        spawn_local(async move {
            let outcome = match &current {
                None => api::create_category(&input(true, None)).await.map(Saved::Done),
                Some(category) => {
                    api::update_category(category.id, &input(category.active, Some(category.version))).await
                }
            };
            message.set(Some(match outcome {
                Ok(Saved::Done(_)) => {
                    clear();
                    (true, i18n.p().saved.to_string())
                }
                Ok(Saved::Stale(latest)) => {
                    edit(latest);
                    (false, i18n.p().conflict.to_string())
                }
                Err(error) => (false, i18n.process_error(&error)),
            }));
            reload();
        });
    };
    let toggle = move |category: Category| {
        let input = CategoryInput {
            name: category.name.clone(),
            parent_id: category.parent_id,
            service: category.service.clone(),
            questions: category.questions.clone(),
            active: !category.active,
            version: Some(category.version),
        };
        spawn_local(async move {
            if let Err(error) = api::update_category(category.id, &input).await {
                message.set(Some((false, i18n.process_error(&error))));
            }
            reload();
        });
    };
    let parents = Signal::derive(move || {
        let mut options = vec![(String::new(), "–".to_string())];
        options.extend(
            categories
                .get()
                .into_iter()
                .filter(|c| c.parent_id.is_none())
                .map(|c| (c.id.to_string(), c.name)),
        );
        options
    });
    view! {
        <section class="card" aria-labelledby="categories-heading">
            <h2 id="categories-heading" class="section-title">{move || i18n.p().categories_heading}</h2>
            <div class="table-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.p().field_category}</th>
                            <th scope="col">{move || i18n.p().field_service}</th>
                            <th scope="col">{move || i18n.p().questions_label}</th>
                            <th scope="col">{move || i18n.t().col_actions}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || categories.get().into_iter().map(|category| {
                            let (for_edit, for_toggle) = (category.clone(), category.clone());
                            let indent = if category.parent_id.is_some() { "– " } else { "" };
                            view! {
                                <tr class:muted=!category.active>
                                    <td>{indent}{category.name.clone()}</td>
                                    <td>{category.service.clone().unwrap_or_default()}</td>
                                    <td>{category.questions.len()}</td>
                                    <td class="button-row">
                                        <button type="button" class="button" on:click=move |_| edit(for_edit.clone())>
                                            {i18n.p().edit} " " {category.name.clone()}
                                        </button>
                                        <button type="button" class="button" on:click=move |_| toggle(for_toggle.clone())>
                                            {if category.active { i18n.p().retire } else { i18n.p().reactivate }} " " {category.name.clone()}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <form class="form" on:submit=save aria-labelledby="category-form-heading">
                <h3 id="category-form-heading">
                    {move || if editing.get().is_some() { i18n.p().category_edit } else { i18n.p().category_new }}
                </h3>
                <div class="field">
                    <label for="field-category-name">{move || i18n.t().col_name}</label>
                    <input id="field-category-name" name="category-name" bind:value=name/>
                </div>
                <SelectField name="category-parent" label=Signal::derive(move || i18n.p().parent_label) value=parent options=parents/>
                <div class="field">
                    <label for="field-category-service">{move || i18n.p().field_service}</label>
                    <input id="field-category-service" name="category-service" bind:value=service/>
                </div>
                <div class="field">
                    <label for="field-category-questions">{move || i18n.p().questions_label}</label>
                    <p class="field-hint">{move || i18n.p().questions_hint}</p>
                    <textarea id="field-category-questions" name="category-questions" rows="4" bind:value=questions></textarea>
                </div>
                <FormMessage message=message/>
                <button type="submit" class="button button-primary">{move || i18n.p().save_category}</button>
            </form>
        </section>
    }
}
