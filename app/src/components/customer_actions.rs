use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::ticket::TicketKind;
use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use crate::components::text_field::TextField;
use crate::dates::local;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// The customer's side of resolution: confirm the fix or reopen within the window, rate
/// the help once, and withdraw a request that is no longer needed.
#[component]
pub fn CustomerActions() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let reason = RwSignal::new(String::new());
    let score = RwSignal::new(0u8);
    let comment = RwSignal::new(String::new());
    let cancel_reason = RwSignal::new(String::new());
    let busy = move || workspace.busy.get();

    let resolution = move || {
        let shown = workspace.shown.get();
        let p = i18n.p();
        (shown.public.status == Status::Resolved).then(|| {
            let until = shown
                .public
                .closes_at
                .map(|at| local(at, i18n.lang().code()))
                .unwrap_or_default();
            view! {
                <section class="card" aria-labelledby="confirm-heading">
                    <h2 id="confirm-heading" class="section-title">{p.confirm_question}</h2>
                    <button type="button" class="button button-primary" disabled=busy
                        on:click=move |_| workspace.send(Command::Confirm)>{p.confirm}</button>
                    <form on:submit=move |ev| {
                        ev.prevent_default();
                        workspace.send(Command::Reopen { reason: reason.get_untracked() });
                    }>
                        <TextField name="reopen-reason" label=Signal::derive(move || i18n.p().field_reason) value=reason multiline=true rows=2/>
                        <button type="submit" class="button" disabled=busy>{p.reopen}</button>
                    </form>
                    <p class="muted">{p.reopen_until} " " {until}</p>
                </section>
            }
        })
    };

    let rating = move || {
        let shown = workspace.shown.get();
        let p = i18n.p();
        let rateable = matches!(shown.public.status, Status::Resolved | Status::Closed);
        match shown.public.rating {
            Some(given) => Some(
                view! {
                    <section class="card">
                        <h2 class="section-title">{p.rated}</h2>
                        <p>{format!("{}/5", given.score)} {given.comment.map(|c| format!(" – {c}"))}</p>
                    </section>
                }
                .into_any(),
            ),
            None if rateable => Some(
                view! {
                    <form class="card" aria-labelledby="rate-heading" on:submit=move |ev| {
                        ev.prevent_default();
                        let comment = Some(comment.get_untracked());
                        workspace.send(Command::Rate { score: score.get_untracked(), comment });
                    }>
                        <h2 id="rate-heading" class="section-title">{p.rate_heading}</h2>
                        <fieldset class="choice-row">
                            <legend>{p.rate_score}</legend>
                            {(1..=5u8).map(|n| view! {
                                <label><input type="radio" name="score" value=n.to_string()
                                    on:change=move |_| score.set(n)/> " " {n}</label>
                            }).collect_view()}
                        </fieldset>
                        <TextField name="comment" label=Signal::derive(move || i18n.p().rate_comment) value=comment multiline=true rows=2/>
                        <button type="submit" class="button" disabled=busy>{p.rate}</button>
                    </form>
                }
                .into_any(),
            ),
            None => None,
        }
    };

    let cancel = move || {
        let shown = workspace.shown.get();
        let p = i18n.p();
        (shown.public.kind == TicketKind::Request && shown.public.status.is_active()).then(|| {
            view! {
                <form class="card" aria-labelledby="cancel-heading" on:submit=move |ev| {
                    ev.prevent_default();
                    workspace.send(Command::Cancel { reason: cancel_reason.get_untracked() });
                }>
                    <h2 id="cancel-heading" class="section-title">{p.cancel_heading}</h2>
                    <TextField name="cancel-reason" label=Signal::derive(move || i18n.p().field_reason) value=cancel_reason multiline=true rows=2/>
                    <button type="submit" class="button" disabled=busy>{p.cancel}</button>
                </form>
            }
        })
    };

    view! { {resolution} {rating} {cancel} }
}
