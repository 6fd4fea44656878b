//! One data-breach case: its clock, what happened and since when, the assessment, the
//! decisions, the notifications and the notice for the authority, who is on it, its
//! history, and closing it once nothing is missing.

use edgedesk_domain::breach::{BreachCase, BreachCommand, Invite};
use edgedesk_domain::ErrorCode;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::breach::assessment::AssessmentForm;
use crate::components::breach::clock_badge::ClockBadge;
use crate::components::breach::decisions::Decisions;
use crate::components::breach::notice::Notice;
use crate::components::breach::notifications::Notifications;
use crate::components::form_message::FormMessage;
use crate::components::guard::RequireAccount;
use crate::dates::local;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::title::use_page_title;

#[component]
pub fn BreachPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let case = RwSignal::new(None::<BreachCase>);
    let failure = RwSignal::new(None::<edgedesk_domain::ApiError>);
    let loaded = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        async move { api::breach(&id).await }
    });
    Effect::new(move || match loaded.get() {
        Some(Ok(found)) => case.set(Some(found)),
        Some(Err(error)) => failure.set(Some(error)),
        None => {}
    });
    use_page_title(move || {
        case.with(|c| c.as_ref().map(|c| c.number.clone())).unwrap_or_else(|| i18n.b().title.to_string())
    });
    // Only arriving matters here: a saved change updates the case in place, forms and all.
    let arrived = Memo::new(move |_| case.with(Option::is_some));
    view! {
        <RequireAccount staff_only=true>
            <p><a href="/breaches">{move || i18n.b().title}</a></p>
            {move || match (arrived.get(), failure.get()) {
                (true, _) => view! { <CaseView case/> }.into_any(),
                (false, Some(error)) => view! {
                    <h1>{i18n.b().title}</h1>
                    <p role="alert" class="alert alert-error">{match error.code {
                        ErrorCode::NotFound => i18n.b().not_shared.to_string(),
                        code => i18n.t().error(code, None),
                    }}</p>
                }.into_any(),
                (false, None) => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
            }}
        </RequireAccount>
    }
}

#[component]
fn CaseView(case: RwSignal<Option<BreachCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let get = move |read: fn(&BreachCase) -> String| case.with(|c| c.as_ref().map(read).unwrap_or_default());
    let stopped = move || case.with(|c| c.as_ref().is_some_and(|c| c.state.clock_stopped()));
    let deadline = move || case.with(|c| c.as_ref().map(|c| c.deadline)).unwrap_or_default();
    let lang = move || i18n.lang().code();
    view! {
        <header class="breach-header">
            <h1><span class="muted">{move || get(|c| c.number.clone())}</span> " " {move || get(|c| c.state.title.clone())}</h1>
            <p class="breach-clock-line">
                {move || view! { <ClockBadge deadline=deadline() stopped=stopped()/> }}
                " " <span>{move || format!("{} {}", i18n.b().deadline, local(deadline(), lang()))}</span>
            </p>
            <dl class="breach-facts">
                <dt>{move || i18n.b().field_aware_at}</dt>
                <dd>{move || case.with(|c| c.as_ref().map(|c| local(c.state.aware_at, lang()))).unwrap_or_default()}</dd>
                <dt>{move || i18n.b().field_reported_by}</dt>
                <dd>{move || case.with(|c| c.as_ref().map(|c| format!("{} ({})", c.state.reported_by, i18n.b().via(c.state.reported_via)))).unwrap_or_default()}</dd>
                <dt>{move || i18n.b().incidents_heading}</dt>
                <dd>{move || case.with(|c| c.as_ref().map(|c| c.incidents.clone()).unwrap_or_default()).into_iter().map(|incident| view! {
                    <a href=format!("/tickets/{}", incident.ticket_id)>{incident.number}</a> " " {incident.title} " "
                }).collect_view()}</dd>
            </dl>
        </header>
        <div class="breach-layout">
            <div class="breach-main">
                <AssessmentForm case/>
                <Decisions case/>
                <Notifications case/>
                <Notice case/>
            </div>
            <aside class="breach-side">
                <CloseCase case/>
                <Awareness case/>
                <Members case/>
                <History case/>
            </aside>
        </div>
    }
}

#[component]
fn CloseCase(case: RwSignal<Option<BreachCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let message = RwSignal::new(None::<(bool, String)>);
    let send = crate::components::breach::send(case, message);
    let missing = move || case.with(|c| c.as_ref().map(|c| c.missing_for_close.clone()).unwrap_or_default());
    let closed = move || case.with(|c| c.as_ref().and_then(|c| c.state.closed_at));
    view! {
        <section class="card" aria-labelledby="close-heading">
            <h2 id="close-heading" class="section-title">{move || i18n.b().close_heading}</h2>
            {move || match closed() {
                Some(at) => view! { <p class="chip">{format!("{} {}", i18n.b().closed, local(at, i18n.lang().code()))}</p> }.into_any(),
                None => view! {
                    <Show when=move || !missing().is_empty()>
                        <p>{move || i18n.b().still_missing}</p>
                        <ul class="breach-missing">
                            {move || missing().into_iter().map(|code| view! { <li>{i18n.b().missing(&code)}</li> }).collect_view()}
                        </ul>
                    </Show>
                    <button type="button" class="button button-primary" disabled=move || send.pending().get()
                        on:click=move |_| { send.dispatch(BreachCommand::Close); }>{move || i18n.b().close_case}</button>
                }.into_any(),
            }}
            <FormMessage message=message/>
        </section>
    }
}

#[component]
fn Awareness(case: RwSignal<Option<BreachCase>>) -> impl IntoView {
    use crate::dates::{from_input, to_input};
    let i18n = use_i18n();
    let aware = RwSignal::new(
        case.with_untracked(|c| c.as_ref().map(|c| to_input(c.state.aware_at))).unwrap_or_default(),
    );
    let reason = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let send = crate::components::breach::send(case, message);
    let changes =
        move || case.with(|c| c.as_ref().map(|c| c.state.awareness_changes.clone()).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby="awareness-heading">
            <h2 id="awareness-heading" class="section-title">{move || i18n.b().awareness_heading}</h2>
            <ul class="breach-history">
                {move || changes().into_iter().map(|change| view! {
                    <li>{format!("{} → {}: {} ({})", local(change.from, i18n.lang().code()), local(change.to, i18n.lang().code()), change.reason, change.by)}</li>
                }).collect_view()}
            </ul>
            <form class="form" aria-label=move || i18n.b().change_awareness on:submit=move |ev| {
                ev.prevent_default();
                let Some(aware_at) = from_input(&aware.get_untracked()) else { return };
                send.dispatch(BreachCommand::SetAwareness { aware_at, reason: reason.get_untracked() });
            }>
                <div class="field">
                    <label for="field-new-aware-at">{move || i18n.b().field_aware_at}</label>
                    <input id="field-new-aware-at" type="datetime-local" bind:value=aware/>
                </div>
                <div class="field">
                    <label for="field-awareness-reason">{move || i18n.b().reason}</label>
                    <textarea id="field-awareness-reason" rows="2" bind:value=reason></textarea>
                </div>
                <FormMessage message=message/>
                <button type="submit" class="button" disabled=move || send.pending().get()>{move || i18n.b().change_awareness}</button>
            </form>
        </section>
    }
}

#[component]
fn Members(case: RwSignal<Option<BreachCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let email = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let invite = Action::new_local(move |address: &String| {
        let invite = Invite { email: address.clone() };
        async move {
            let Some(id) = case.with_untracked(|c| c.as_ref().map(|c| c.id)) else { return };
            match api::breach_invite(id, &invite).await {
                Ok(updated) => {
                    case.set(Some(updated));
                    email.set(String::new());
                    message.set(Some((true, i18n.p().saved.to_string())));
                }
                Err(error) => message.set(Some((false, i18n.b().error(&i18n, &error)))),
            }
        }
    });
    let members = move || case.with(|c| c.as_ref().map(|c| c.members.clone()).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby="members-heading">
            <h2 id="members-heading" class="section-title">{move || i18n.b().members_heading}</h2>
            <ul class="breach-members">{move || members().into_iter().map(|m| view! { <li>{m.name}</li> }).collect_view()}</ul>
            <Show when=move || session.me().is_some_and(|me| me.privacy_lead)>
                <form class="form" aria-label=move || i18n.b().invite on:submit=move |ev| {
                    ev.prevent_default();
                    invite.dispatch(email.get_untracked());
                }>
                    <div class="field">
                        <label for="field-invite-email">{move || i18n.b().invite_email}</label>
                        <input id="field-invite-email" type="email" bind:value=email/>
                    </div>
                    <FormMessage message=message/>
                    <button type="submit" class="button" disabled=move || invite.pending().get()>{move || i18n.b().invite}</button>
                </form>
            </Show>
        </section>
    }
}

#[component]
fn History(case: RwSignal<Option<BreachCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let entries = move || case.with(|c| c.as_ref().map(|c| c.history.clone()).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby="history-heading">
            <h2 id="history-heading" class="section-title">{move || i18n.b().history_heading}</h2>
            <ol class="breach-history">
                {move || entries().into_iter().map(|entry| view! {
                    <li><span class="muted">{local(entry.at, i18n.lang().code())}</span> " " <strong>{entry.actor}</strong> " " {i18n.b().action(&entry.action)}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}
