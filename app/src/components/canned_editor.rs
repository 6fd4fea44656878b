use edgedesk_domain::canned::{CannedReplies, CannedReply, PLACEHOLDERS};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Saved};
use crate::components::form_message::FormMessage;
use crate::i18n::use_i18n;

/// Admins write the desk's canned replies; placeholders are filled in per ticket.
#[component]
pub fn CannedEditor() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(None::<i64>);
    // One pair of signals per reply, so typing does not redraw the list.
    let replies = RwSignal::new(Vec::<(RwSignal<String>, RwSignal<String>)>::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let show = move |canned: CannedReplies| {
        replies.set(
            canned.replies.into_iter().map(|r| (RwSignal::new(r.title), RwSignal::new(r.body))).collect(),
        );
        version.set(Some(canned.version));
    };
    spawn_local(async move {
        if let Ok(canned) = api::canned_replies().await {
            show(canned);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = version.get_untracked() else { return };
        let canned = CannedReplies {
            replies: replies
                .get_untracked()
                .into_iter()
                .map(|(title, body)| CannedReply { title: title.get_untracked(), body: body.get_untracked() })
                .collect(),
            version: current,
        };
        spawn_local(async move {
            message.set(Some(match api::save_canned_replies(&canned).await {
                Ok(Saved::Done(saved)) => {
                    show(saved);
                    (true, i18n.p().saved.to_string())
                }
                Ok(Saved::Stale(latest)) => {
                    show(latest);
                    (false, i18n.p().conflict.to_string())
                }
                Err(error) => (false, i18n.process_error(&error)),
            }));
        });
    };
    view! {
        <form class="card form" on:submit=submit aria-labelledby="canned-heading">
            <h2 id="canned-heading" class="section-title">{move || i18n.p().canned_heading}</h2>
            <p class="field-hint">{move || i18n.p().canned_hint} " " {PLACEHOLDERS.join(" ")}</p>
            {move || replies.get().into_iter().enumerate().map(|(index, (title, body))| view! {
                <fieldset class="canned-reply">
                    <legend>{format!("#{}", index + 1)}</legend>
                    <div class="field">
                        <label for=format!("field-canned-title-{index}")>{i18n.p().canned_title}</label>
                        <input id=format!("field-canned-title-{index}") bind:value=title/>
                    </div>
                    <div class="field">
                        <label for=format!("field-canned-body-{index}")>{i18n.p().canned_body}</label>
                        <textarea id=format!("field-canned-body-{index}") rows="4" bind:value=body></textarea>
                    </div>
                    <button type="button" class="button" on:click=move |_| replies.update(|list| { list.remove(index); })>
                        {i18n.p().canned_remove} " #" {index + 1}
                    </button>
                </fieldset>
            }).collect_view()}
            <FormMessage message=message/>
            <div class="button-row">
                <button type="button" class="button"
                    on:click=move |_| replies.update(|list| list.push((RwSignal::new(String::new()), RwSignal::new(String::new()))))>
                    {move || i18n.p().canned_add}
                </button>
                <button type="submit" class="button button-primary">{move || i18n.p().canned_save}</button>
            </div>
        </form>
    }
}
