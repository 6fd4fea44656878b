use edgedesk_domain::canned::{CannedReplies, CannedReply, PLACEHOLDERS};
use leptos::prelude::*;

use crate::api;
use crate::components::form_message::FormMessage;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;
use crate::submit::versioned_message;

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
    let loaded = LocalResource::new(api::canned_replies);
    Effect::new(move || {
        if let Some(Ok(canned)) = loaded.get() {
            show(canned);
        }
    });
    let save = Action::new_local(move |canned: &CannedReplies| {
        let canned = canned.clone();
        async move {
            let outcome = api::save_canned_replies(&canned).await;
            let texts = (i18n.p().saved, i18n.p().conflict);
            message.set(Some(versioned_message(outcome, show, texts, |error| i18n.process_error(error))));
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
        save.dispatch(canned);
    };
    view! {
        <form class="card form" on:submit=submit aria-labelledby="canned-heading">
            <h2 id="canned-heading" class="section-title">{move || i18n.p().canned_heading}</h2>
            <p class="field-hint">{move || i18n.p().canned_hint} " " {PLACEHOLDERS.join(" ")}</p>
            {move || replies.get().into_iter().enumerate().map(|(index, (title, body))| view! {
                <fieldset class="canned-reply">
                    <legend>{format!("#{}", index + 1)}</legend>
                    <TextField name=format!("canned-title-{index}") label=Signal::derive(move || i18n.p().canned_title)
                        value=title/>
                    <TextField name=format!("canned-body-{index}") label=Signal::derive(move || i18n.p().canned_body)
                        value=body multiline=true rows=4/>
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
                <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                    {move || i18n.p().canned_save}
                </button>
            </div>
        </form>
    }
}
