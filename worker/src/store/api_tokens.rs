use chrono::{DateTime, Duration, Utc};
use edgedesk_domain::admin::{ApiTokenSummary, NewApiToken};
use edgedesk_domain::auth::{Principal, Role, Scope, TokenGrant};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::{all, changes, created, db, first, inserted_id, run};
use crate::clock::from_millis;

/// Recording every request's time would write to D1 on every call; a minute is precise
/// enough to tell a live integration from a dead one.
const TOUCH_EVERY: Duration = Duration::minutes(1);

fn parse_scopes(text: &str) -> Vec<Scope> {
    text.split_whitespace().filter_map(Scope::parse).collect()
}

pub async fn insert(
    env: &Env,
    token_hash: &str,
    token: &NewApiToken,
    created_by: i64,
    now: DateTime<Utc>,
) -> Result<i64, ApiError> {
    let scopes: Vec<&str> = token.scopes.iter().map(|scope| scope.as_str()).collect();
    let db = db(env)?;
    created(
        inserted_id(query!(
            &db,
            "INSERT INTO api_tokens (name, token_hash, scopes, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
         RETURNING id",
        &token.name,
        token_hash,
        scopes.join(" "),
        created_by,
        now.timestamp_millis()
        ))
        .await?,
    )
}

pub async fn list(env: &Env) -> Result<Vec<ApiTokenSummary>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        name: String,
        scopes: String,
        created_at: i64,
        last_used_at: Option<i64>,
        revoked_at: Option<i64>,
    }
    let db = db(env)?;
    let rows = all::<Row>(Ok(db.prepare(
        "SELECT id, name, scopes, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY id DESC",
    )))
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ApiTokenSummary {
            id: row.id,
            name: row.name,
            scopes: parse_scopes(&row.scopes),
            created_at: from_millis(row.created_at),
            last_used_at: row.last_used_at.map(from_millis),
            revoked_at: row.revoked_at.map(from_millis),
        })
        .collect())
}

/// Revokes a token; false when there is no such token.
pub async fn revoke(env: &Env, id: i64, now: DateTime<Utc>) -> Result<bool, ApiError> {
    let db = db(env)?;
    let result = run(query!(
        &db,
        "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1",
        id,
        now.timestamp_millis()
    ))
    .await?;
    Ok(changes(&result)? == 1)
}

/// The principal behind a live token, and whether its use should be recorded ([`touch`],
/// at most once a minute). Tokens act with agent-level visibility, bounded by their scopes.
pub async fn principal(
    env: &Env,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Principal, bool)>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        name: String,
        scopes: String,
        created_by: i64,
        last_used_at: Option<i64>,
    }
    let db = db(env)?;
    let row = first::<Row>(query!(
        &db,
        "SELECT id, name, scopes, created_by, last_used_at FROM api_tokens WHERE token_hash = ?1 AND revoked_at IS NULL",
        token_hash
    )).await?;
    let Some(row) = row else { return Ok(None) };
    let stale = row.last_used_at.is_none_or(|last| now >= from_millis(last) + TOUCH_EVERY);
    let principal = Principal {
        user_id: row.created_by,
        name: row.name,
        role: Role::Agent,
        tier: None,
        organisation_id: None,
        organisation_shares_tickets: false,
        token: Some(TokenGrant { token_id: row.id, scopes: parse_scopes(&row.scopes) }),
    };
    Ok(Some((principal, stale)))
}

/// Records that token `id` was used now (after the response: nobody waits for it).
pub async fn touch(env: &Env, id: i64, now: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(&db, "UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1", id, now.timestamp_millis()))
        .await?;
    Ok(())
}
