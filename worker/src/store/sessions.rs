use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use edgedesk_domain::auth::{Principal, SESSIONS};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, D1Database, D1PreparedStatement, Env};

use super::batch::Batch;
use super::request::{self, Proof};
use super::{db, first, run, users};
use crate::clock::from_millis;
use crate::http;

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

thread_local! {
    /// Sessions this isolate has seen live, by token hash: who they belong to and when they
    /// were created and last seen. A read may start from this memory, proving it in its
    /// own batch (see [`recall`]); it is never trusted on its own.
    static REMEMBERED: RefCell<HashMap<String, Remembered>> = RefCell::new(HashMap::new());
}

/// Enough to serve an isolate's regular callers; forgetting all of them costs one round trip each.
const REMEMBER_AT_MOST: usize = 4096;

#[derive(Clone)]
struct Remembered {
    principal: Principal,
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
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
    let Some(row) = first::<SessionRow>(lookup(&db, token_hash)).await? else {
        forget(token_hash);
        return Ok(None);
    };
    let Some(session) = row.live(now)? else {
        forget(token_hash);
        return Ok(None);
    };
    let stale = session.last_seen_at <= SESSIONS.touch_bounds(now).last_seen_at_most;
    remember(token_hash, &session);
    Ok(Some((session.principal, stale)))
}

/// The principal this isolate remembers behind a live session, with the request's next
/// batch made to prove it: the same lookup as [`principal`] rides in that batch, and if
/// its answer differs (the session ended, the account changed) the request is refuted and
/// served again from D1. So a read costs no round trip for who is calling, and nothing is
/// answered on memory alone. `None` when there is nothing to recall.
pub fn recall(
    env: &Env,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Principal, bool)>, ApiError> {
    let Some(session) = REMEMBERED.with(|known| known.borrow().get(token_hash).cloned()) else {
        return Ok(None);
    };
    if !SESSIONS.is_live(session.created_at, session.last_seen_at, now) {
        return Ok(None);
    }
    let db = db(env)?;
    let expected = session.principal.clone();
    let holds = move |answer: &worker::D1Result| {
        let row = answer.results::<SessionRow>().ok().and_then(|rows| rows.into_iter().next());
        let fresh = row.and_then(|row| row.live(now).ok().flatten());
        fresh.is_some_and(|fresh| fresh.principal == expected)
    };
    let proof = Proof { statement: lookup(&db, token_hash).map_err(http::storage)?, holds: Box::new(holds) };
    if !request::require(proof) {
        return Ok(None);
    }
    let stale = session.last_seen_at <= SESSIONS.touch_bounds(now).last_seen_at_most;
    if stale {
        // The caller records the use after answering; remembering it now keeps the next
        // requests from recording it again.
        remember(token_hash, &Remembered { last_seen_at: now, ..session.clone() });
    }
    Ok(Some((session.principal, stale)))
}

/// Drops what this isolate remembers of every session of `user_id` (they all ended).
pub fn forget_user(user_id: i64) {
    REMEMBERED.with(|known| known.borrow_mut().retain(|_, session| session.principal.user_id != user_id));
}

/// Drops what this isolate remembers of a session (its request was refuted, or it ended).
pub fn forget(token_hash: &str) {
    REMEMBERED.with(|known| known.borrow_mut().remove(token_hash));
}

fn remember(token_hash: &str, session: &Remembered) {
    REMEMBERED.with(|known| {
        let mut known = known.borrow_mut();
        if known.len() >= REMEMBER_AT_MOST && !known.contains_key(token_hash) {
            known.clear();
        }
        known.insert(token_hash.to_string(), session.clone());
    });
}

fn lookup(db: &D1Database, token_hash: &str) -> worker::Result<D1PreparedStatement> {
    query!(
        db,
        "SELECT s.user_id, s.created_at, s.last_seen_at, u.name, u.role, u.tier, u.organisation_id, o.members_see_all_tickets
         FROM sessions s
         JOIN users u ON u.id = s.user_id AND u.active = 1
         LEFT JOIN organisations o ON o.id = u.organisation_id
         WHERE s.token_hash = ?1 AND s.revoked_at IS NULL",
        token_hash
    )
}

impl SessionRow {
    /// The session as it stands at `now`, or `None` once it has ended.
    fn live(self, now: DateTime<Utc>) -> Result<Option<Remembered>, ApiError> {
        let (created_at, last_seen_at) = (from_millis(self.created_at), from_millis(self.last_seen_at));
        if !SESSIONS.is_live(created_at, last_seen_at, now) {
            return Ok(None);
        }
        let principal = users::principal(
            self.user_id,
            self.name,
            &self.role,
            self.tier.as_deref(),
            self.organisation_id,
            self.members_see_all_tickets,
        )?;
        Ok(Some(Remembered { principal, created_at, last_seen_at }))
    }
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
    forget(token_hash);
    let statement = query!(
        batch.db(),
        "UPDATE sessions SET revoked_at = ?1 WHERE token_hash = ?2 AND revoked_at IS NULL",
        now.timestamp_millis(),
        token_hash
    );
    batch.write(statement)
}

pub async fn revoke_all(env: &Env, user_id: i64, now: DateTime<Utc>) -> Result<(), ApiError> {
    forget_user(user_id);
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
