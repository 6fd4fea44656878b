//! Delivers what waits in the outbox. Email goes to an HTTP mail API when `MAIL_API_URL`
//! is configured (with `MAIL_API_KEY` as a bearer secret); chat messages go to
//! `CHAT_WEBHOOK_URL`. Without them, messages are delivered to the dev mailbox: they stay
//! in the outbox, marked delivered there, for admins to read. A failure is retried with
//! backoff and stays visible with its error; nothing is dropped.

use chrono::{DateTime, Utc};
use edgedesk_domain::outbox::{retry_delay, OutboxChannel, OutboxMessage, DELIVERY_BATCH};
use edgedesk_domain::ApiError;
use serde_json::json;
use wasm_bindgen::JsValue;
use worker::{Env, Fetch, Headers, Method, Request, RequestInit};

use crate::store;

/// What one delivery pass did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Delivered {
    pub sent: i64,
    pub failed: i64,
}

fn setting(env: &Env, name: &str) -> Option<String> {
    let value = env
        .secret(name)
        .map(|secret| secret.to_string())
        .or_else(|_| env.var(name).map(|var| var.to_string()));
    value.ok().filter(|value| !value.trim().is_empty())
}

pub async fn deliver_due(env: &Env, now: DateTime<Utc>) -> Result<Delivered, ApiError> {
    let mut delivered = Delivered::default();
    for message in store::outbox::due(env, now, DELIVERY_BATCH).await? {
        match send(env, &message).await {
            Ok(via) => {
                store::outbox::delivered(env, message.id, via, now).await?;
                delivered.sent += 1;
            }
            Err(error) => {
                let retry_at = now + retry_delay(message.attempts + 1);
                store::outbox::failed(env, message.id, &error, retry_at).await?;
                delivered.failed += 1;
            }
        }
    }
    Ok(delivered)
}

/// Sends one message; the name of the adapter that took it, or why it failed.
async fn send(env: &Env, message: &OutboxMessage) -> Result<&'static str, String> {
    let (setting_name, body, via) = match message.channel {
        OutboxChannel::Email => (
            "MAIL_API_URL",
            json!({ "to": message.recipient, "subject": message.subject, "text": message.body }),
            "http",
        ),
        OutboxChannel::Chat => (
            "CHAT_WEBHOOK_URL",
            json!({ "text": format!("{}\n{}", message.subject, message.body) }),
            "webhook",
        ),
    };
    let Some(url) = setting(env, setting_name) else { return Ok("dev-mailbox") };
    let headers = Headers::new();
    headers.set("Content-Type", "application/json").map_err(|error| error.to_string())?;
    if let (OutboxChannel::Email, Some(key)) = (message.channel, setting(env, "MAIL_API_KEY")) {
        headers.set("Authorization", &format!("Bearer {key}")).map_err(|error| error.to_string())?;
    }
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_body(Some(JsValue::from_str(&body.to_string())));
    let request = Request::new_with_init(&url, &init).map_err(|error| error.to_string())?;
    let response =
        Fetch::Request(request).send().await.map_err(|error| format!("{setting_name}: {error}"))?;
    match response.status_code() {
        200..=299 => Ok(via),
        status => Err(format!("{setting_name} answered HTTP {status}")),
    }
}
