use chrono::{DateTime, Utc};
use edgedesk_domain::auth::Tier;
use edgedesk_domain::call::{CallChannel, NewCall};
use edgedesk_domain::workflow::Command;
use leptos::prelude::*;

use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::workspace::use_workspace;

/// L2 and L3 arrange a phone or video call; the customer sees it and gets a reminder.
#[component]
pub fn CallForm() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let session = use_session();
    let when = RwSignal::new(String::new());
    let minutes = RwSignal::new("30".to_string());
    let channel = RwSignal::new("phone".to_string());
    let phone = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let channels = Signal::derive(move || {
        [CallChannel::Phone, CallChannel::Video]
            .into_iter()
            .map(|c| (c.as_str().to_string(), i18n.p().channel(c).to_string()))
            .collect()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // datetime-local has no zone: the browser reads it as the agent's local time.
        let millis = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(&when.get_untracked())).get_time();
        let starts_at = DateTime::<Utc>::from_timestamp_millis(millis as i64).unwrap_or_default();
        let optional =
            |value: RwSignal<String>| Some(value.get_untracked()).filter(|text| !text.trim().is_empty());
        workspace.send(Command::ScheduleCall(NewCall {
            starts_at,
            minutes: minutes.get_untracked().parse().unwrap_or(0),
            channel: CallChannel::parse(&channel.get_untracked()).unwrap_or(CallChannel::Phone),
            phone: optional(phone),
            link: optional(link),
            note: optional(note),
        }));
    };
    let arranges_calls = move || session.me().is_some_and(|me| me.tier != Some(Tier::L1));
    view! {
        <Show when=arranges_calls>
            <form class="card work-form" on:submit=submit aria-labelledby="call-heading">
                <h3 id="call-heading">{move || i18n.p().call_heading}</h3>
                <div class="field">
                    <label for="field-call-when">{move || i18n.p().call_when}</label>
                    <input id="field-call-when" name="call-when" type="datetime-local" bind:value=when/>
                </div>
                <div class="field">
                    <label for="field-call-minutes">{move || i18n.p().call_minutes}</label>
                    <input id="field-call-minutes" name="call-minutes" type="number" min="5" max="240" bind:value=minutes/>
                </div>
                <SelectField name="call-channel" label=Signal::derive(move || i18n.p().field_channel) value=channel options=channels/>
                <Show when=move || channel.get() == "phone"
                    fallback=move || view! {
                        <div class="field">
                            <label for="field-call-link">{move || i18n.p().call_link}</label>
                            <input id="field-call-link" name="call-link" type="url" bind:value=link/>
                        </div>
                    }>
                    <TextField name="call-phone" label=Signal::derive(move || i18n.p().call_number) value=phone
                        input_type="tel"/>
                </Show>
                <TextField name="call-note" label=Signal::derive(move || i18n.p().call_note) value=note multiline=true rows=2/>
                <button type="submit" class="button" disabled=move || workspace.busy.get()>{move || i18n.p().call_schedule}</button>
            </form>
        </Show>
    }
}
