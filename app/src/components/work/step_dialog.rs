//! A rarer step of the process (escalate, resolve, schedule a call…) behind a button: its
//! form opens in a modal dialog (the browser's own, so focus is trapped, Escape closes it
//! and focus returns to the button) and closes once the step is saved.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

#[component]
pub fn StepDialog(
    /// Names the opener for shortcuts and the command palette (`data-command`).
    command: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let dialog = NodeRef::<Dialog>::new();
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    Effect::watch(move || workspace.saves.get(), move |_, _, _| close(), false);
    let open = move |_| {
        if let Some(dialog) = dialog.get_untracked() {
            let _ = dialog.show_modal();
        }
    };
    view! {
        <button type="button" class="button button-small" aria-haspopup="dialog" data-command=command on:click=open>
            {label} "…"
        </button>
        <dialog node_ref=dialog class="step-dialog" aria-label=label>
            <button type="button" class="dialog-close button-link" on:click=move |_| close()>
                {move || i18n.c().close}
            </button>
            {children()}
        </dialog>
    }
}
