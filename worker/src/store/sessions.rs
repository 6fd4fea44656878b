use chrono::{DateTime, Utc};
use edgedesk_domain::auth::{Principal, SESSIONS};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::Batch;
use super::{db, first, run, users};
use crate::clock::from_millis;

/// A new session for `user_id`, written with `batch`.
pub fn create_in(
    batch: &mut Batch,
    token_hash: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let statement = query!(
        batch.db(),
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?3)",
        token_hash,
        user_id,
        now.timestamp_millis()
    );
    batch.write(statement)
}

#[derive(Deserialize)]
struct SessionRow {
    user_id: i64,
    created_at: i64,
    last_seen_at: i64,
    name: String,
    role: String,
    tier: Option<String>,
    organisation_id: Option<i64>,
    members_see_all_tickets: Option<i64>,
}

/// The principal behind a session token hash, if the session is live and the account
/// active, and whether its use should be recorded ([`touch`], once per `touch_every`).
/// Only a read: a write in this batch would send every request to D1's primary.
pub async fn principal(
    env: &Env,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Principal, bool)>, ApiError> {
    let db = db(env)?;
    let row = first::<SessionRow>(query!(
        &db,
        "SELECT s.user_id, s.created_at, s.last_seen_at, u.name, u.role, u.tier, u.organisation_id, o.members_see_all_tickets
         FROM sessions s
         JOIN users u ON u.id = s.user_id AND u.active = 1
         LEFT JOIN organisations o ON o.id = u.organisation_id
         WHERE s.token_hash = ?1 AND s.revoked_at IS NULL",
        token_hash
    ))
    .await?;
    let Some(row) = row else { return Ok(None) };
    let last_seen = from_millis(row.last_seen_at);
    if !SESSIONS.is_live(from_millis(row.created_at), last_seen, now) {
        return Ok(None);
    }
    let stale = last_seen <= SESSIONS.touch_bounds(now).last_seen_at_most;
    let principal = users::principal(
        row.user_id,
        row.name,
        &row.role,
        row.tier.as_deref(),
        row.organisation_id,
        row.members_see_all_tickets,
    )?;
    Ok(Some((principal, stale)))
}

/// Records that the session was used now, if it is still live and was last seen
/// `touch_every` ago (run after the response: nobody waits for it).
pub async fn touch(env: &Env, token_hash: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    let bounds = SESSIONS.touch_bounds(now);
    run(query!(
        &db,
        "UPDATE sessions SET last_seen_at = ?2
         WHERE token_hash = ?1 AND revoked_at IS NULL
           AND last_seen_at <= ?3 AND last_seen_at > ?4 AND created_at > ?5",
        token_hash,
        now.timestamp_millis(),
        bounds.last_seen_at_most.timestamp_millis(),
        bounds.last_seen_after.timestamp_millis(),
        bounds.created_after.timestamp_millis()
    ))
    .await?;
    Ok(())
}

pub async fn revoke(env: &Env, token_hash: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    let mut batch = Batch::new(env)?;
    revoke_in(&mut batch, token_hash, now)?;
    batch.run().await.map(drop)
}

/// Ends a session, written with `batch`; ending an ended one changes nothing.
pub fn revoke_in(batch: &mut Batch, token_hash: &str, now: DateTime<Utc>) -> Result<(), ApiError> {
    let statement = query!(
        batch.db(),
        "UPDATE sessions SET revoked_at = ?1 WHERE token_hash = ?2 AND revoked_at IS NULL",
        now.timestamp_millis(),
        token_hash
    );
    batch.write(statement)
}

pub async fn revoke_all(env: &Env, user_id: i64, now: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(
        &db,
        "UPDATE sessions SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL",
        now.timestamp_millis(),
        user_id
    ))
    .await?;
    Ok(())
}
