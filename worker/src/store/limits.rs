//! Attempts against the domain's abuse limits, in D1: one row per attempt, taken by a
//! single `INSERT … WHERE` that counts the window first, so concurrent attempts cannot
//! slip past the limit together (SQLite runs one write statement at a time).

use chrono::{DateTime, Utc};
use edgedesk_domain::limits::Limit;
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{console_error, query, Env};

use super::batch::{Batch, Pending};
use super::{db, run};

/// One attempt counted against a limit; give it back if it turns out not to count.
#[derive(Deserialize)]
#[must_use = "an attempt that does not count must be given back"]
pub struct Taken {
    id: i64,
}

/// Counts one attempt of `subject`, or answers 429 (with `retry_after`) when the window
/// that ends now already holds `limit.max` of them.
pub async fn take(env: &Env, limit: &Limit, subject: &str, now: DateTime<Utc>) -> Result<Taken, ApiError> {
    Batch::one(env, |batch| take_in(batch, limit, subject, now)).await?
}

/// [`take`] as part of `batch`, before whatever the batch goes on to read.
pub fn take_in(
    batch: &mut Batch,
    limit: &Limit,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<Pending<Result<Taken, ApiError>>, ApiError> {
    let key = limit.key(subject);
    let at = now.timestamp_millis();
    let opened = limit.window_opened_at(now);
    let taken = batch.read(
        query!(
            batch.db(),
            "INSERT INTO limit_attempts (key, at, expires_at)
             SELECT ?1, ?2, ?3
             WHERE (SELECT COUNT(*) FROM limit_attempts WHERE key = ?1 AND at > ?4) < ?5
             RETURNING id",
            key,
            at,
            at + limit.window_ms(),
            opened,
            limit.max
        ),
        |rows: Vec<Taken>| Ok(rows.into_iter().next()),
    )?;
    #[derive(Deserialize)]
    struct Oldest {
        at: Option<i64>,
    }
    // Read in the same round trip, for the refusal's Retry-After.
    let oldest = batch.read(
        query!(
            batch.db(),
            "SELECT MIN(at) AS at FROM limit_attempts WHERE key = ?1 AND at > ?2",
            key,
            opened
        ),
        |rows: Vec<Oldest>| Ok(rows.into_iter().next().and_then(|row| row.at)),
    )?;
    let limit = *limit;
    Ok(taken.and(oldest).map(move |(taken, oldest)| Ok(taken.ok_or_else(|| limit.refusal(oldest, now)))))
}

/// Returns an attempt that does not count after all (a successful sign-in, a form the
/// server refused). A failure is logged, not fatal: one attempt too many is counted.
pub async fn give_back(env: &Env, taken: Taken) {
    let outcome = async {
        let mut batch = Batch::new(env)?;
        give_back_in(&mut batch, taken)?;
        batch.run().await
    };
    if let Err(error) = outcome.await {
        console_error!("could not give back a counted attempt: {error}");
    }
}

/// [`give_back`] as part of a batch that writes anyway.
pub fn give_back_in(batch: &mut Batch, taken: Taken) -> Result<(), ApiError> {
    batch.write(query!(batch.db(), "DELETE FROM limit_attempts WHERE id = ?1", taken.id))
}

/// Drops attempts that have left every window (run by the cron sweep).
pub async fn forget_expired(env: &Env, now: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(&db, "DELETE FROM limit_attempts WHERE expires_at <= ?1", now.timestamp_millis())).await?;
    Ok(())
}
