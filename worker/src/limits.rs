//! Counts attempts per subject for the domain's abuse limits, in D1: the increment is one
//! atomic upsert, so concurrent attempts cannot slip past the limit together.

use chrono::{DateTime, Utc};
use edgedesk_domain::limits::Limit;
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{console_error, query, Env, Request};

use crate::store::{db, first, run};

/// The client's address as Cloudflare reports it.
pub fn client_address(req: &Request) -> String {
    req.headers().get("cf-connecting-ip").ok().flatten().unwrap_or_else(|| "unknown".to_string())
}

/// 429 (with `retry_after`) when `subject` has used up `limit` in the current window.
pub async fn check(env: &Env, limit: &Limit, subject: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    #[derive(Deserialize)]
    struct Row {
        count: u32,
    }
    let db = db(env)?;
    let row = first::<Row>(query!(
        &db,
        "SELECT count FROM attempt_counters WHERE key = ?1",
        limit.key(subject, now)
    ))
    .await?;
    limit.check(row.map_or(0, |row| row.count), now)
}

/// Records one attempt. A failure to count is logged, not fatal: refusing every login
/// because a counter could not be written would be worse than one uncounted attempt.
pub async fn record(env: &Env, limit: &Limit, subject: &str, now: DateTime<Utc>) {
    let expires_at = now.timestamp_millis() + limit.retry_after(now) * 1000;
    let outcome = async {
        let db = db(env)?;
        run(query!(
            &db,
            "INSERT INTO attempt_counters (key, count, expires_at) VALUES (?1, 1, ?2)
             ON CONFLICT (key) DO UPDATE SET count = count + 1",
            limit.key(subject, now),
            expires_at
        ))
        .await
    };
    if let Err(error) = outcome.await {
        console_error!("could not count an attempt for {}: {error}", limit.name);
    }
}

/// Drops counters whose window has passed (run by the cron sweep).
pub async fn forget_expired(env: &Env, now: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(&db, "DELETE FROM attempt_counters WHERE expires_at <= ?1", now.timestamp_millis())).await?;
    Ok(())
}
