use edgedesk_domain::category::{Category, CategoryInput};
use leptos::prelude::*;

use crate::api::{self, Saved};
use crate::components::data_table::DataTable;
use crate::components::form_message::FormMessage;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;

/// Admins keep the categories: two levels, the affected service, and the diagnosis
/// questions the report form asks (one per line). Edits are versioned.
#[component]
pub fn CategoryManager() -> impl IntoView {
    let i18n = use_i18n();
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
    // Saving creates or updates; the outcome's text (or the latest version after a
    // conflict) lands in the form.
    let save = Action::new_local(move |current: &Option<Category>| {
        let current = current.clone();
        async move {
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
        }
    });
    let toggle = Action::new_local(move |category: &Category| {
        let id = category.id;
        let input = CategoryInput {
            name: category.name.clone(),
            parent_id: category.parent_id,
            service: category.service.clone(),
            questions: category.questions.clone(),
            active: !category.active,
            version: Some(category.version),
        };
        async move {
            if let Err(error) = api::update_category(id, &input).await {
                message.set(Some((false, i18n.process_error(&error))));
            }
        }
    });
    let categories = LocalResource::new(move || {
        save.version().track();
        toggle.version().track();
        async move { api::all_categories().await.unwrap_or_default() }
    });
    let categories = move || categories.get().unwrap_or_default();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(editing.get_untracked());
    };
    let parents = Signal::derive(move || {
        let mut options = vec![(String::new(), "–".to_string())];
        options.extend(
            categories().into_iter().filter(|c| c.parent_id.is_none()).map(|c| (c.id.to_string(), c.name)),
        );
        options
    });
    view! {
        <section class="card" aria-labelledby="categories-heading">
            <h2 id="categories-heading" class="section-title">{move || i18n.p().categories_heading}</h2>
            <DataTable columns=move || {
                vec![i18n.p().field_category, i18n.p().field_service, i18n.p().questions_label, i18n.t().col_actions]
            }>
                {move || categories().into_iter().map(|category| {
                    let (for_edit, for_toggle) = (category.clone(), category.clone());
                    let indent = if category.parent_id.is_some() { "– " } else { "" };
                    view! {
                        <tr class:muted=!category.active>
                            <td data-label=i18n.p().field_category>{indent}{category.name.clone()}</td>
                            <td data-label=i18n.p().field_service>{category.service.clone().unwrap_or_default()}</td>
                            <td data-label=i18n.p().questions_label>{category.questions.len()}</td>
                            <td class="button-row" data-label=i18n.t().col_actions>
                                <button type="button" class="button" on:click=move |_| edit(for_edit.clone())>
                                    {i18n.p().edit} " " {category.name.clone()}
                                </button>
                                <button type="button" class="button" on:click=move |_| { toggle.dispatch(for_toggle.clone()); }>
                                    {if category.active { i18n.p().retire } else { i18n.p().reactivate }} " " {category.name.clone()}
                                </button>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </DataTable>
            <form class="form" on:submit=on_submit aria-labelledby="category-form-heading">
                <h3 id="category-form-heading">
                    {move || if editing.get().is_some() { i18n.p().category_edit } else { i18n.p().category_new }}
                </h3>
                <TextField name="category-name" label=Signal::derive(move || i18n.t().col_name) value=name/>
                <SelectField name="category-parent" label=Signal::derive(move || i18n.p().parent_label) value=parent options=parents/>
                <TextField name="category-service" label=Signal::derive(move || i18n.p().field_service) value=service/>
                <TextField name="category-questions" label=Signal::derive(move || i18n.p().questions_label)
                    value=questions multiline=true rows=4 hint=Signal::derive(move || i18n.p().questions_hint)/>
                <FormMessage message=message/>
                <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                    {move || i18n.p().save_category}
                </button>
            </form>
        </section>
    }
}
