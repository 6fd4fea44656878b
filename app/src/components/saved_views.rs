//! An agent's own views: a name for a queue with its filters and order, kept in this
//! browser for this account. Saving a name again replaces that view.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::use_i18n;
use crate::pages::console::query_string;
use crate::session::use_session;

const NAME_MAX_CHARS: usize = 40;

#[derive(Clone, PartialEq, Serialize, Deserialize)]
struct SavedView {
    name: String,
    /// The console's query string (`queue=l2&priority=P1`).
    query: String,
}

fn storage_key(user_id: i64) -> String {
    format!("edgedesk.views.{user_id}")
}

#[component]
pub fn SavedViews(params: Signal<Vec<(&'static str, String)>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let user_id = move || session.me().map(|me| me.id).unwrap_or_default();
    let views = RwSignal::new(Vec::<SavedView>::new());
    Effect::new(move |_| {
        views.set(LocalStorage::get(storage_key(user_id())).unwrap_or_default());
    });
    let store = move |list: Vec<SavedView>| {
        // A browser that refuses storage keeps the views for this visit only.
        let _ = LocalStorage::set(storage_key(user_id()), &list);
        views.set(list);
    };
    let naming = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if naming.get() {
            if let Some(field) = input.get() {
                let _ = field.focus();
            }
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen: String = name.get_untracked().trim().chars().take(NAME_MAX_CHARS).collect();
        if chosen.is_empty() {
            return;
        }
        let mut list = views.get_untracked();
        list.retain(|view| view.name != chosen);
        list.push(SavedView { name: chosen, query: query_string(&params.get_untracked()) });
        store(list);
        name.set(String::new());
        naming.set(false);
    };
    let delete = move |gone: String| {
        let mut list = views.get_untracked();
        list.retain(|view| view.name != gone);
        store(list);
    };
    view! {
        <h2 class="queue-nav-heading">{move || i18n.c().views_heading}</h2>
        <ul class="queue-list saved-views">
            <For each=move || views.get() key=|view| (view.name.clone(), view.query.clone()) let:view>
                {
                    let gone = view.name.clone();
                    let label = format!("{} {}", i18n.c().view_delete, view.name);
                    view! {
                        <li class="saved-view">
                            <a href=format!("/console?{}", view.query) class="queue-link">
                                <span class="queue-name">{view.name}</span>
                            </a>
                            <button type="button" class="icon-button" aria-label=label
                                on:click=move |_| delete(gone.clone())>"×"</button>
                        </li>
                    }
                }
            </For>
        </ul>
        <Show when=move || naming.get()
            fallback=move || view! {
                <button type="button" class="button button-small button-quiet" on:click=move |_| naming.set(true)>
                    {move || i18n.c().view_save}
                </button>
            }>
            <form class="save-view" on:submit=save>
                <label class="visually-hidden" for="field-view-name">{move || i18n.c().view_name}</label>
                <input id="field-view-name" name="view-name" node_ref=input maxlength=NAME_MAX_CHARS
                    placeholder=move || i18n.c().view_name bind:value=name
                    on:keydown=move |ev| if ev.key() == "Escape" { naming.set(false) }/>
                <button type="submit" class="button button-small">{move || i18n.c().view_save}</button>
            </form>
        </Show>
    }
}
