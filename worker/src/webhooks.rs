//! Sends the webhook deliveries that are due (from the cron sweep), signed as Standard
//! Webhooks prescribes. Redirects are not followed (a redirect could lead anywhere the
//! subscription's own address was refused for); a receiver that does not answer within
//! ten seconds counts as a failure. What each attempt got is kept for admins.

use chrono::{DateTime, Utc};
use edgedesk_domain::outbox::DELIVERY_BATCH;
use edgedesk_domain::webhook::{self, Attempt, Stopped, RESPONSE_CHARS};
use edgedesk_domain::ApiError;
use futures_util::future::{select, Either};
use wasm_bindgen::JsValue;
use worker::{AbortController, Delay, Fetch, Headers, Method, Request, RequestInit, RequestRedirect};

use crate::clock::from_millis;
use crate::crypto;
use crate::delivery::Delivered;
use crate::store::webhooks::{self as stored, Due, Outcome};

const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

pub async fn deliver_due(env: &worker::Env, now: DateTime<Utc>) -> Result<Delivered, ApiError> {
    let mut delivered = Delivered::default();
    for due in stored::due(env, now, DELIVERY_BATCH).await? {
        let (status, response) = match send(&due, now).await {
            Ok(answer) => answer,
            Err(reason) => (None, reason),
        };
        let attempts = due.attempts + 1;
        let attempt = webhook::after_attempt(status, attempts, now);
        let failing_since = due.failing_since.map(from_millis).unwrap_or(now);
        let stop = match attempt {
            Attempt::Gone => Some(Stopped::Gone),
            Attempt::Delivered => None,
            _ if webhook::stops(failing_since, now) => Some(Stopped::Failing),
            _ => None,
        };
        let outcome = Outcome {
            status,
            response: &response,
            retry_at: match attempt {
                Attempt::Retry(at) => Some(at),
                _ => None,
            },
            delivered: attempt == Attempt::Delivered,
            gave_up: matches!(attempt, Attempt::GaveUp | Attempt::Gone),
            stop,
        };
        if outcome.delivered {
            delivered.sent += 1;
        } else {
            delivered.failed += 1;
        }
        stored::attempted(env, &due, outcome, now).await?;
    }
    Ok(delivered)
}

/// One attempt: the receiver's status and the start of its answer, or why there was none.
async fn send(due: &Due, now: DateTime<Utc>) -> Result<(Option<u16>, String), String> {
    let key = webhook::secret_key(&due.secret).ok_or("the subscription's secret is unreadable")?;
    let timestamp = now.timestamp();
    let content = webhook::signed_content(&due.message_id, timestamp, &due.payload);
    let mac = crypto::hmac_sha256(&key, content.as_bytes()).await.map_err(|error| error.message)?;
    let headers = Headers::new();
    for (name, value) in [
        ("content-type", "application/json"),
        ("user-agent", "Edgedesk-Webhooks/1"),
        ("webhook-id", due.message_id.as_str()),
        ("webhook-timestamp", timestamp.to_string().as_str()),
        ("webhook-signature", webhook::signature(&mac).as_str()),
    ] {
        headers.set(name, value).map_err(|error| error.to_string())?;
    }
    let controller = AbortController::default();
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_redirect(RequestRedirect::Manual)
        .with_body(Some(JsValue::from_str(&due.payload)));
    let request = Request::new_with_init(&due.url, &init).map_err(|error| error.to_string())?;
    let (fetcher, signal) = (Fetch::Request(request), controller.signal());
    let fetch = fetcher.send_with_signal(&signal);
    let mut response = match select(Box::pin(fetch), Box::pin(Delay::from(TIMEOUT))).await {
        Either::Left((answer, _)) => answer.map_err(|error| error.to_string())?,
        Either::Right(_) => {
            controller.abort();
            return Err("no answer within 10 seconds".to_string());
        }
    };
    let status = response.status_code();
    let text = response.text().await.unwrap_or_default();
    Ok((Some(status), text.chars().take(RESPONSE_CHARS).collect()))
}

/// Checks a subscription's address before it is stored; development may use this machine.
pub fn allow_private(env: &worker::Env) -> bool {
    env.var("ALLOW_PRIVATE_WEBHOOKS").map(|value| value.to_string() == "true").unwrap_or(false)
}
