use edgedesk_domain::canned::{fill, Values};
use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use crate::api;
use crate::i18n::use_i18n;
use crate::session::use_session;
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
    let session = use_session();
    let canned = LocalResource::new(move || async move {
        if staff {
            api::canned_replies().await.map(|canned| canned.replies).unwrap_or_default()
        } else {
            Vec::new()
        }
    });
    // A canned reply goes into the text box with the ticket's details filled in, to edit.
    let insert_canned = move |ev: leptos::ev::Event| {
        let Ok(index) = event_target_value(&ev).parse::<usize>() else { return };
        let Some(reply) = canned.get_untracked().and_then(|list| list.get(index).cloned()) else { return };
        let shown = workspace.shown.get_untracked();
        let customer = shown.ticket.as_ref().map(|ticket| ticket.reporter.name.clone()).unwrap_or_default();
        let agent = session.me().map(|me| me.name).unwrap_or_default();
        let values = Values {
            customer_name: &customer,
            ticket_number: &shown.public.number,
            ticket_title: &shown.public.title,
            agent_name: &agent,
        };
        note.set(false);
        body.update(|text| {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&fill(&reply.body, &values));
        });
    };
    move || {
        let p = i18n.p();
        let open = !workspace.shown.with(|shown| shown.public.status.is_final());
        open.then(|| {
            view! {
                <form class="card compose" on:submit=submit>
                    <h2 class="section-title">{p.compose_heading}</h2>
                    {staff.then(|| view! {
                        <fieldset class="choice-row">
                            <legend class="visually-hidden">{p.compose_heading}</legend>
                            <label><input type="radio" name="compose-mode" checked=move || !note.get()
                                on:change=move |_| note.set(false)/> " " {p.compose_reply}</label>
                            <label><input type="radio" name="compose-mode" checked=move || note.get()
                                on:change=move |_| note.set(true)/> " " {p.compose_note}</label>
                        </fieldset>
                    })}
                    {move || {
                        let replies = canned.get().unwrap_or_default();
                        (!replies.is_empty()).then(|| view! {
                            <div class="field">
                                <label for="field-canned">{p.canned_label}</label>
                                <select id="field-canned" name="canned" on:change=insert_canned prop:value="">
                                    <option value="">{p.canned_none}</option>
                                    {replies.into_iter().enumerate().map(|(index, reply)| view! {
                                        <option value=index.to_string()>{reply.title}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        })
                    }}
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
