use edgedesk_domain::canned::{fill, Values};
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::workflow::Command;
use gloo_storage::{SessionStorage, Storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::workspace::{use_workspace, Outcome};

/// What is being written on a ticket, kept in this tab until it is sent, so it survives
/// going to the queue and back.
#[derive(Default, Serialize, Deserialize)]
struct Draft {
    body: String,
    note: bool,
}

fn draft_key(ticket_id: i64) -> String {
    format!("edgedesk.draft.{ticket_id}")
}

/// Writing on the ticket. Staff switch between a public reply (optionally waiting for the
/// customer) and an internal note, and the note mode looks like a note; customers reply.
/// Ctrl/Cmd+Enter sends. The mode lives in the workspace, so shortcuts set it directly.
#[component]
pub fn Compose() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let note = workspace.compose_note;
    let ticket_id = workspace.ticket_id();
    let draft = ticket_id.and_then(|id| SessionStorage::get::<Draft>(draft_key(id)).ok()).unwrap_or_default();
    let body = RwSignal::new(draft.body);
    // A monitoring alert's incident has nobody to reply to: the desk writes notes on it.
    let nobody_to_reply_to = workspace
        .shown
        .with_untracked(|shown| shown.ticket.as_ref().is_some_and(|ticket| ticket.reporter.email.is_empty()));
    note.set(draft.note || nobody_to_reply_to);
    Effect::new(move |_| {
        let Some(id) = ticket_id else { return };
        let draft = Draft { body: body.get(), note: note.get() };
        if draft.body.is_empty() {
            SessionStorage::delete(draft_key(id));
        } else {
            // Private browsing may refuse storage; the text is still on screen.
            let _ = SessionStorage::set(draft_key(id), &draft);
        }
    });
    // Only this box's own successful send empties it; other steps leave the text alone.
    let sending = StoredValue::new(false);
    Effect::watch(
        move || workspace.outcome.get(),
        move |outcome, _, _| {
            if sending.get_value() && outcome.is_some() {
                sending.set_value(false);
                if outcome == &Some(Outcome::Saved) {
                    body.set(String::new());
                }
            }
        },
        false,
    );
    Effect::new(move |_| workspace.editing.set(!body.with(String::is_empty)));
    // `then`: the status a reply moves the ticket to ("Send and set status…").
    let send = move |then: Option<Status>| {
        let text = body.get_untracked();
        if text.trim().is_empty() || workspace.busy.get_untracked() {
            return;
        }
        let command = if note.get_untracked() {
            Command::Note { body: text }
        } else {
            Command::Reply { body: text, wait_for_customer: false, set_status: then }
        };
        sending.set_value(true);
        workspace.send(command);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send(None);
    };
    let send_on_ctrl_enter = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            send(None);
        }
    };
    let menu = NodeRef::<leptos::html::Details>::new();
    let send_and_set = move |status: Status| {
        if let Some(menu) = menu.get_untracked() {
            menu.set_open(false);
        }
        send(Some(status));
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
    // Only closing the ticket removes the box; other changes (live ones too) leave it,
    // and the caret in it, alone.
    let open = Memo::new(move |_| !workspace.shown.with(|shown| shown.public.status.is_final()));
    move || {
        let p = i18n.p();
        let c = i18n.c();
        open.get().then(|| {
            view! {
                <form class="card compose" class:compose-note=move || note.get() on:submit=submit
                    aria-labelledby="compose-heading">
                    <h2 id="compose-heading" class="visually-hidden">{p.compose_heading}</h2>
                    {staff.then(|| view! {
                        <fieldset class="compose-modes">
                            <legend class="visually-hidden">{p.compose_heading}</legend>
                            {(!nobody_to_reply_to).then(|| view! {
                                <label class="compose-mode" data-command="reply">
                                    <input type="radio" name="compose-mode" value="reply"
                                        prop:checked=move || !note.get() on:change=move |_| note.set(false)/>
                                    <span>{p.compose_reply}</span>
                                </label>
                            })}
                            <label class="compose-mode compose-mode-note" data-command="note">
                                <input type="radio" name="compose-mode" value="note"
                                    prop:checked=move || note.get() on:change=move |_| note.set(true)/>
                                <span>{p.compose_note}</span>
                            </label>
                        </fieldset>
                    })}
                    <Show when=move || note.get()>
                        <p class="note-notice" data-testid="note-notice">{c.note_notice}</p>
                    </Show>
                    <div class="field">
                        <label for="field-body" class="visually-hidden">
                            {move || if note.get() { p.compose_note } else if staff { p.compose_reply } else { p.customer_reply_label }}
                        </label>
                        <textarea id="field-body" name="body" rows="4" bind:value=body on:keydown=send_on_ctrl_enter
                            placeholder=move || if note.get() { p.compose_note } else if staff { p.compose_reply } else { p.customer_reply_label }>
                        </textarea>
                    </div>
                    <div class="compose-actions">
                        {move || {
                            let replies = canned.get().unwrap_or_default();
                            (!replies.is_empty()).then(|| view! {
                                <label for="field-canned" class="visually-hidden">{p.canned_label}</label>
                                <select id="field-canned" name="canned" class="filter-select" on:change=insert_canned prop:value="">
                                    <option value="">{p.canned_label}</option>
                                    {replies.into_iter().enumerate().map(|(index, reply)| view! {
                                        <option value=index.to_string()>{reply.title}</option>
                                    }).collect_view()}
                                </select>
                            })
                        }}
                        <span class="send-hint muted">{c.send_hint}</span>
                        <button type="submit" class="button button-primary" class:button-note=move || note.get()
                            disabled=move || workspace.busy.get()>
                            {move || if note.get() { p.compose_send_note } else if staff { p.compose_send_reply } else { p.customer_send }}
                        </button>
                        <Show when=move || staff && !note.get()>
                            <details class="send-menu" node_ref=menu>
                                <summary class="button">{p.compose_send_and_set}</summary>
                                <ul class="send-menu-list">
                                    {Status::ALL.into_iter().filter(|status| status.is_working()).map(|status| view! {
                                        <li>
                                            <button type="button" class="send-menu-item" data-status=status.as_str()
                                                disabled=move || workspace.busy.get() on:click=move |_| send_and_set(status)>
                                                {i18n.t().status_for(status, true)}
                                            </button>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </details>
                        </Show>
                    </div>
                </form>
            }
        })
    }
}
