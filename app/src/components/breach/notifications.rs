//! The notifications made: to the authority (reference, phase, the reasons when late) and
//! to the people affected (how, how many, the words sent), and a form to record one.

use edgedesk_domain::breach::{BreachCase, BreachCommand, Channel, NewNotification, Phase, Recipient};
use leptos::prelude::*;

use crate::components::form_message::FormMessage;
use crate::dates::{from_input, local, now, to_input};
use crate::i18n::use_i18n;

const CHANNELS: [Channel; 5] =
    [Channel::Email, Channel::Letter, Channel::Phone, Channel::Public, Channel::Other];

#[component]
pub fn Notifications(case: RwSignal<Option<BreachCase>>) -> impl IntoView {
    let i18n = use_i18n();
    let recipient = RwSignal::new(Recipient::Authority);
    let at = RwSignal::new(to_input(now()));
    let phase = RwSignal::new(Phase::Initial);
    let reference = RwSignal::new(String::new());
    let channel = RwSignal::new(Channel::Email);
    let count = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let delay_reason = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let send = super::send(case, message);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let to = recipient.get_untracked();
        let notification = NewNotification {
            recipient: to,
            // An empty or unreadable time is sent as the future, which the API names.
            at: from_input(&at.get_untracked()).unwrap_or_else(|| now() + chrono::Duration::days(1)),
            phase: (to == Recipient::Authority).then(|| phase.get_untracked()),
            reference: reference.get_untracked(),
            channel: (to == Recipient::Subjects).then(|| channel.get_untracked()),
            count: count.get_untracked().trim().parse().ok(),
            text: text.get_untracked(),
            delay_reason: delay_reason.get_untracked(),
        };
        send.dispatch(BreachCommand::RecordNotification { notification });
    };
    let listed = move || case.with(|c| c.as_ref().map(|c| c.state.notifications.clone()).unwrap_or_default());
    let to_authority = move || recipient.get() == Recipient::Authority;
    view! {
        <section class="card" aria-labelledby="notifications-heading">
            <h2 id="notifications-heading" class="section-title">{move || i18n.b().notifications_heading}</h2>
            <Show when=move || !listed().is_empty() fallback=move || view! { <p class="muted">{i18n.b().none_yet}</p> }>
                <ul class="breach-notifications">
                    {move || listed().into_iter().map(|n| {
                        let b = i18n.b();
                        let notice = &n.notice;
                        let mut facts = vec![local(notice.at, i18n.lang().code())];
                        if let Some(phase) = notice.phase { facts.push(b.phase_word(phase).to_string()) }
                        if !notice.reference.is_empty() { facts.push(notice.reference.clone()) }
                        if let Some(channel) = notice.channel { facts.push(b.channel_word(channel).to_string()) }
                        if let Some(count) = notice.count { facts.push(count.to_string()) }
                        view! {
                            <li>
                                <strong>{b.recipient(notice.recipient)}</strong> " · " {facts.join(" · ")}
                                {(!notice.text.is_empty()).then(|| view! { <p class="breach-sent-text">{notice.text.clone()}</p> })}
                                {(!notice.delay_reason.is_empty()).then(|| view! { <p class="muted">{format!("{}: {}", b.delay_reason, notice.delay_reason)}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <form class="form" on:submit=submit aria-label=move || i18n.b().record_notification novalidate>
                <div class="field-row">
                    <div class="field">
                        <label for="field-recipient">{move || i18n.b().recipient}</label>
                        <select id="field-recipient" on:change=move |ev| recipient.set(
                            if event_target_value(&ev) == "subjects" { Recipient::Subjects } else { Recipient::Authority })>
                            <option value="authority">{move || i18n.b().recipient(Recipient::Authority)}</option>
                            <option value="subjects">{move || i18n.b().recipient(Recipient::Subjects)}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="field-notified-at">{move || i18n.b().at}</label>
                        <input id="field-notified-at" type="datetime-local" bind:value=at/>
                    </div>
                </div>
                <Show when=to_authority fallback=move || view! {
                    <div class="field-row">
                        <div class="field">
                            <label for="field-channel">{move || i18n.b().channel}</label>
                            <select id="field-channel" on:change=move |ev| {
                                let index = event_target_value(&ev).parse::<usize>().ok();
                                if let Some(chosen) = index.and_then(|i| CHANNELS.get(i)) { channel.set(*chosen) }
                            }>
                                {CHANNELS.into_iter().enumerate().map(|(index, choice)| view! {
                                    <option value=index.to_string() selected=move || channel.get() == choice>{move || i18n.b().channel_word(choice)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="field-count">{move || i18n.b().count}</label>
                            <input id="field-count" type="number" min="1" bind:value=count/>
                        </div>
                    </div>
                    <div class="field">
                        <label for="field-sent-text">{move || i18n.b().text_sent}</label>
                        <textarea id="field-sent-text" rows="3" bind:value=text></textarea>
                    </div>
                }>
                    <div class="field-row">
                        <div class="field">
                            <label for="field-phase">{move || i18n.b().phase}</label>
                            <select id="field-phase" on:change=move |ev| phase.set(
                                if event_target_value(&ev) == "follow_up" { Phase::FollowUp } else { Phase::Initial })>
                                <option value="initial">{move || i18n.b().phase_word(Phase::Initial)}</option>
                                <option value="follow_up">{move || i18n.b().phase_word(Phase::FollowUp)}</option>
                            </select>
                        </div>
                        <div class="field">
                            <label for="field-reference">{move || i18n.b().reference}</label>
                            <input id="field-reference" type="text" bind:value=reference/>
                        </div>
                    </div>
                    <div class="field">
                        <label for="field-delay-reason">{move || i18n.b().delay_reason}</label>
                        <textarea id="field-delay-reason" rows="2" bind:value=delay_reason></textarea>
                    </div>
                </Show>
                <FormMessage message=message/>
                <button type="submit" class="button button-primary" disabled=move || send.pending().get()>
                    {move || i18n.b().record_notification}
                </button>
            </form>
        </section>
    }
}
