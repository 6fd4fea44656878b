//! Counts attempts per subject in KV for the domain's abuse limits. KV is eventually
//! consistent across locations, so a determined attacker spread over many edges gets a
//! little more than `max`; that slack is the price of not writing D1 on every attempt.

use chrono::{DateTime, Utc};
use edgedesk_domain::limits::Limit;
use edgedesk_domain::ApiError;
use worker::{console_error, kv::KvStore, Env, Request};

use crate::http;

fn store(env: &Env) -> Result<KvStore, ApiError> {
    env.kv("CACHE").map_err(|err| http::internal(format!("KV binding CACHE: {err}")))
}

/// The client's address as Cloudflare reports it.
pub fn client_address(req: &Request) -> String {
    req.headers().get("cf-connecting-ip").ok().flatten().unwrap_or_else(|| "unknown".to_string())
}

async fn count(kv: &KvStore, key: &str) -> Result<u32, ApiError> {
    let value = kv.get(key).text().await.map_err(|err| http::internal(format!("KV get: {err}")))?;
    Ok(value.and_then(|text| text.parse().ok()).unwrap_or(0))
}

/// 429 (with `retry_after`) when `subject` has used up `limit` in the current window.
pub async fn check(env: &Env, limit: &Limit, subject: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    let kv = store(env)?;
    limit.check(count(&kv, &limit.key(subject, now)).await?, now)
}

/// Records one attempt. A failure to count is logged, not fatal: refusing every login
/// because KV hiccupped would be worse than one uncounted attempt.
pub async fn record(env: &Env, limit: &Limit, subject: &str, now: DateTime<Utc>) {
    let outcome = async {
        let kv = store(env)?;
        let key = limit.key(subject, now);
        let next = count(&kv, &key).await? + 1;
        // KV refuses TTLs under 60 s; the key is only read within its own window anyway.
        let ttl = limit.retry_after(now).max(60) as u64;
        kv.put(&key, next.to_string())
            .map_err(|err| http::internal(format!("KV put: {err}")))?
            .expiration_ttl(ttl)
            .execute()
            .await
            .map_err(|err| http::internal(format!("KV put: {err}")))
    };
    if let Err(error) = outcome.await {
        console_error!("could not count an attempt for {}: {error}", limit.name);
    }
}
