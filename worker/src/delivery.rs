//! Delivers what waits in the outbox. Email goes out through Cloudflare's `send_email`
//! binding `MAIL` when one is configured (raw MIME from `DESK_ADDRESS`), else to an HTTP
//! mail API when `MAIL_API_URL` is set (with `MAIL_API_KEY` as a bearer secret); chat
//! messages go to `CHAT_WEBHOOK_URL`. Without any of them, messages are delivered to the
//! dev mailbox: they stay in the outbox, marked delivered there, for admins to read. A
//! failure is retried with backoff and stays visible with its error; nothing is dropped.

use chrono::{DateTime, Utc};
use edgedesk_domain::outbox::{self, retry_delay, OutboxChannel, OutboxMessage, DELIVERY_BATCH};
use edgedesk_domain::ApiError;
use serde_json::json;
use wasm_bindgen::JsValue;
use worker::{EmailMessage, Env, Fetch, Headers, Method, Request, RequestInit};

use crate::{clock, mail, store};

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
    let from = mail::desk_address(env);
    if message.channel == OutboxChannel::Email {
        if let Ok(binding) = env.send_email("MAIL") {
            let raw = outbox::mime(message, &from, clock::now());
            let email = EmailMessage::new(&from, &message.recipient, &raw)
                .map_err(|error| format!("MAIL: {error:?}"))?;
            binding.send(&email).await.map_err(|error| format!("MAIL: {error:?}"))?;
            return Ok("send_email");
        }
    }
    let (setting_name, body, via) = match message.channel {
        OutboxChannel::Email => (
            "MAIL_API_URL",
            json!({
                "from": from,
                "to": message.recipient,
                "subject": message.subject,
                "text": message.body,
                "headers": thread_headers(message),
            }),
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

/// The headers that thread a message in the customer's mail client, for mail APIs that
/// take them beside the text.
fn thread_headers(message: &OutboxMessage) -> serde_json::Value {
    let mut headers = json!({ "Message-ID": message.message_id, "Auto-Submitted": "auto-generated" });
    if let Some(root) = &message.in_reply_to {
        headers["In-Reply-To"] = json!(root);
        headers["References"] = json!(root);
    }
    headers
}
