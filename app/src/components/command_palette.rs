//! Ctrl/Cmd+K for staff: one box that reaches every queue and every action on the page.
//! Queues come from the same sidebar list the console draws; the page's actions are the
//! controls marked `data-command` (step dialogs, take, reply, note…), pressed as if
//! clicked, so the palette can never do what the page itself would not.

use edgedesk_domain::queue::Queue;
use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::i18n::use_i18n;
use crate::session::use_session;

#[derive(Clone)]
enum Target {
    Go(String),
    Press(HtmlElement),
}

#[derive(Clone)]
struct Entry {
    label: String,
    target: Target,
}

/// The enabled controls on the page that name a command, captioned as they read.
fn page_actions() -> Vec<Entry> {
    let Ok(found) = document().query_selector_all("main [data-command]") else { return Vec::new() };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|element| !element.has_attribute("disabled"))
        .map(|element| {
            let label = element.text_content().unwrap_or_default().trim().trim_end_matches('…').to_string();
            Entry { label, target: Target::Press(element) }
        })
        .filter(|entry| !entry.label.is_empty())
        .collect()
}

fn matches(label: &str, query: &str) -> bool {
    let label = label.to_lowercase();
    query.to_lowercase().split_whitespace().all(|word| label.contains(word))
}

#[component]
pub fn CommandPalette() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let dialog = NodeRef::<Dialog>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let entries = RwSignal::new_local(Vec::<Entry>::new());
    let shown = move || -> Vec<(usize, Entry)> {
        let query = query.get();
        entries.get().into_iter().filter(|entry| matches(&entry.label, &query)).enumerate().collect()
    };

    let open = move || {
        let go = i18n.c().palette_go;
        let tier = session.me().and_then(|me| me.tier);
        let mut list = page_actions();
        list.extend(Queue::sidebar(tier).into_iter().map(|queue| Entry {
            label: format!("{go} {}", i18n.p().queue(queue)),
            target: Target::Go(format!("/console?queue={}", queue.name())),
        }));
        entries.set(list);
        query.set(String::new());
        active.set(0);
        if let Some(dialog) = dialog.get_untracked() {
            let _ = dialog.show_modal();
        }
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };
    let run = move |entry: Entry| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
        match entry.target {
            Target::Go(href) => navigate(&href, Default::default()),
            Target::Press(element) => element.click(),
        }
    };
    let run_active = {
        let run = run.clone();
        move || {
            let chosen = shown().into_iter().nth(active.get_untracked()).map(|(_, entry)| entry);
            if let Some(entry) = chosen {
                run(entry);
            }
        }
    };
    let on_key = move |event: ev::KeyboardEvent| {
        let count = shown().len();
        match event.key().as_str() {
            "ArrowDown" if count > 0 => active.update(|i| *i = (*i + 1) % count),
            "ArrowUp" if count > 0 => active.update(|i| *i = (*i + count - 1) % count),
            "Enter" => run_active(),
            _ => return,
        }
        event.prevent_default();
    };
    let handle = window_event_listener(ev::keydown, move |event| {
        if (event.ctrl_key() || event.meta_key())
            && event.key().eq_ignore_ascii_case("k")
            && session.is_staff()
        {
            event.prevent_default();
            open();
        }
    });
    on_cleanup(move || handle.remove());

    view! {
        <dialog node_ref=dialog class="command-palette" aria-label=move || i18n.c().palette_label>
            <label for="palette-input" class="visually-hidden">{move || i18n.c().palette_label}</label>
            <input id="palette-input" node_ref=input type="text" role="combobox" autocomplete="off"
                aria-expanded="true" aria-controls="palette-options"
                aria-activedescendant=move || format!("palette-option-{}", active.get())
                placeholder=move || i18n.c().palette_placeholder
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(0);
                }
                on:keydown=on_key/>
            <ul id="palette-options" role="listbox" aria-label=move || i18n.c().palette_label>
                {move || {
                    let list = shown();
                    if list.is_empty() {
                        return view! { <li class="muted" role="option" aria-disabled="true">{i18n.c().palette_empty}</li> }
                            .into_any();
                    }
                    list.into_iter()
                        .map(|(index, entry)| {
                            let run = run.clone();
                            let label = entry.label.clone();
                            view! {
                                <li id=format!("palette-option-{index}") role="option"
                                    aria-selected=move || (active.get() == index).to_string()
                                    class:palette-active=move || active.get() == index
                                    on:click=move |_| run(entry.clone())>
                                    {label}
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
        </dialog>
    }
}
