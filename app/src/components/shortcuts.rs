//! Keyboard shortcuts for agents: j/k move through the queue, o/Enter open, and on a
//! ticket r reply, n note, e escalate, a assign; ? shows the list (Escape closes it).
//! Keys typed into a field are left alone.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::i18n::use_i18n;
use crate::workspace::Workspace;

fn focus(selector: &str) -> bool {
    let found = document().query_selector(selector).ok().flatten();
    match found.and_then(|element| element.dyn_into::<HtmlElement>().ok()) {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

fn click(selector: &str) {
    if let Some(element) =
        document().query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        element.click();
    }
}

/// Moves focus to the next (`step` 1) or previous (-1) ticket link in the list.
fn move_in_list(step: i32) {
    let Ok(links) = document().query_selector_all(".ticket-table tbody tr a") else { return };
    let links: Vec<HtmlElement> =
        (0..links.length()).filter_map(|i| links.item(i)?.dyn_into::<HtmlElement>().ok()).collect();
    if links.is_empty() {
        return;
    }
    let active = document().active_element();
    let current = links.iter().position(|link| active.as_ref().is_some_and(|a| a.is_same_node(Some(link))));
    let next = match current {
        None => 0,
        Some(index) => (index as i32 + step).clamp(0, links.len() as i32 - 1) as usize,
    };
    let _ = links[next].focus();
}

fn typing_in_a_field() -> bool {
    document().active_element().is_some_and(|element| {
        matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || element.has_attribute("contenteditable")
    })
}

#[component]
pub fn Shortcuts() -> impl IntoView {
    let i18n = use_i18n();
    let help = RwSignal::new(false);
    let workspace = use_context::<Workspace>();
    // The help takes focus when it opens and gives it back where it was when it closes.
    let dialog = NodeRef::<leptos::html::Section>::new();
    let returning_to = StoredValue::new_local(None::<HtmlElement>);
    Effect::watch(
        move || help.get(),
        move |open, _, _| {
            if *open {
                returning_to.set_value(
                    document().active_element().and_then(|element| element.dyn_into::<HtmlElement>().ok()),
                );
                request_animation_frame(move || {
                    if let Some(dialog) = dialog.get_untracked() {
                        let _ = dialog.focus();
                    }
                });
            } else if let Some(element) = returning_to.get_value() {
                let _ = element.focus();
            }
        },
        false,
    );
    let handle = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || typing_in_a_field() {
            return;
        }
        let key = event.key();
        let handled = match key.as_str() {
            "j" => {
                move_in_list(1);
                true
            }
            "k" => {
                move_in_list(-1);
                true
            }
            "o" => {
                click(".ticket-table tbody tr a:focus");
                true
            }
            // The mode is set on the workspace itself, never by clicking a guessed radio.
            "r" | "n" => match workspace {
                Some(workspace) if workspace.staff() => {
                    workspace.compose_note.set(key == "n");
                    focus("#field-body")
                }
                _ => false,
            },
            // Escalating needs a reason, so the step's dialog opens with focus on it.
            "e" => {
                click("[data-command=\"escalate\"]");
                focus("#field-escalate-reason")
            }
            "a" => focus("#prop-assignee"),
            "?" => {
                help.update(|open| *open = !*open);
                true
            }
            "Escape" if help.get_untracked() => {
                help.set(false);
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <Show when=move || help.get()>
            <section class="card shortcuts-help" role="dialog" aria-labelledby="shortcuts-heading" tabindex="-1"
                node_ref=dialog>
                <h2 id="shortcuts-heading" class="section-title">{move || i18n.p().shortcuts_title}</h2>
                <p>{move || i18n.p().shortcuts_list}</p>
                <button type="button" class="button" on:click=move |_| help.set(false)>{move || i18n.p().close}</button>
            </section>
        </Show>
    }
}
