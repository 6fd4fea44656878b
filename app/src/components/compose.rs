use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// Writing on the ticket. Staff choose a public reply (optionally waiting for the
/// customer) or an internal note; customers reply.
#[component]
pub fn Compose() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let body = RwSignal::new(String::new());
    let note = RwSignal::new(false);
    let wait = RwSignal::new(false);
    Effect::new(move |_| {
        workspace.saves.track();
        body.set(String::new());
    });
    Effect::new(move |_| workspace.editing.set(!body.with(String::is_empty)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = body.get_untracked();
        let command = if note.get_untracked() {
            Command::Note { body: text }
        } else {
            Command::Reply { body: text, wait_for_customer: wait.get_untracked() }
        };
        workspace.send(command);
    };
    let staff = workspace.staff();
    move || {
        let p = i18n.p();
        let open = !workspace.shown.with(|shown| shown.public.status.is_final());
        open.then(|| {
            view! {
                <form class="card compose" on:submit=submit>
                    <h2 class="section-title">{if staff { p.compose_heading } else { p.customer_reply_label }}</h2>
                    {staff.then(|| view! {
                        <fieldset class="choice-row">
                            <legend class="visually-hidden">{p.compose_heading}</legend>
                            <label><input type="radio" name="compose-mode" checked=move || !note.get()
                                on:change=move |_| note.set(false)/> " " {p.compose_reply}</label>
                            <label><input type="radio" name="compose-mode" checked=move || note.get()
                                on:change=move |_| note.set(true)/> " " {p.compose_note}</label>
                        </fieldset>
                    })}
                    <div class="field">
                        <label for="field-body">
                            {move || if note.get() { p.compose_note } else if staff { p.compose_reply } else { p.customer_reply_label }}
                        </label>
                        <textarea id="field-body" name="body" rows="4" bind:value=body></textarea>
                    </div>
                    <Show when=move || staff && !note.get()>
                        <label class="checkbox">
                            <input type="checkbox" name="wait" bind:checked=wait/> " " {p.compose_wait}
                        </label>
                    </Show>
                    <button type="submit" class="button button-primary" disabled=move || workspace.busy.get()>
                        {move || if note.get() { p.compose_send_note } else if staff { p.compose_send_reply } else { p.customer_send }}
                    </button>
                </form>
            }
        })
    }
}
