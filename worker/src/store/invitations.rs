use chrono::{DateTime, Utc};
use edgedesk_domain::admin::{InvitationInfo, NewInvitation, INVITATION_LIFETIME};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::users::{parse_role, parse_tier};
use super::{created, db, first, inserted_id};
use crate::auth::PasswordHash;
use crate::clock::from_millis;
use crate::http;

/// Stores an invitation (only the token's hash); returns its id and expiry.
pub async fn insert(
    env: &Env,
    token_hash: &str,
    invitation: &NewInvitation,
    invited_by: i64,
    now: DateTime<Utc>,
) -> Result<(i64, DateTime<Utc>), ApiError> {
    let expires_at = now + INVITATION_LIFETIME;
    let db = db(env)?;
    let id = inserted_id(query!(
        &db,
        "INSERT INTO invitations (token_hash, email, name, role, tier, invited_by, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
        token_hash,
        &invitation.email,
        &invitation.name,
        invitation.role.as_str(),
        invitation.tier.map(|tier| tier.as_str()),
        invited_by,
        now.timestamp_millis(),
        expires_at.timestamp_millis()
    ))
    .await?;
    Ok((created(id)?, expires_at))
}

pub struct StoredInvitation {
    pub id: i64,
    pub info: InvitationInfo,
    pub accepted: bool,
}

pub async fn by_token(env: &Env, token_hash: &str) -> Result<Option<StoredInvitation>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        email: String,
        name: String,
        role: String,
        tier: Option<String>,
        expires_at: i64,
        accepted_at: Option<i64>,
    }
    let db = db(env)?;
    let row = first::<Row>(query!(
        &db,
        "SELECT id, email, name, role, tier, expires_at, accepted_at FROM invitations WHERE token_hash = ?1",
        token_hash
    ))
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(StoredInvitation {
        id: row.id,
        info: InvitationInfo {
            email: row.email,
            name: row.name,
            role: parse_role(&row.role)?,
            tier: parse_tier(row.tier.as_deref())?,
            expires_at: from_millis(row.expires_at),
        },
        accepted: row.accepted_at.is_some(),
    }))
}

/// Marks the invitation used and creates the account it describes, in one transaction.
/// `None` when it was used meanwhile or the email already has an account.
pub async fn accept(
    env: &Env,
    invitation_id: i64,
    name: &str,
    password: &PasswordHash,
    now: DateTime<Utc>,
) -> Result<Option<i64>, ApiError> {
    #[derive(Deserialize)]
    struct Inserted {
        id: i64,
    }
    let db = db(env)?;
    let at = now.timestamp_millis();
    let claim = query!(
        &db,
        "UPDATE invitations SET accepted_at = ?2 WHERE id = ?1 AND accepted_at IS NULL",
        invitation_id,
        at
    )
    .map_err(http::storage)?;
    // Selects the invitation only if this batch's UPDATE claimed it (accepted_at = now).
    let create = query!(
        &db,
        "INSERT INTO users (email, name, role, tier, password_hash, password_salt, password_iterations, created_at)
         SELECT email, ?2, role, tier, ?3, ?4, ?5, ?6 FROM invitations WHERE id = ?1 AND accepted_at = ?6
         ON CONFLICT (email) DO NOTHING
         RETURNING id",
        invitation_id,
        name,
        &password.hash,
        &password.salt,
        password.iterations,
        at
    )
    .map_err(http::storage)?;
    let results = super::send_batch(&db, vec![claim, create]).await.map_err(http::storage)?;
    let created =
        results.get(1).map(|result| result.results::<Inserted>()).transpose().map_err(http::storage)?;
    Ok(created.and_then(|rows| rows.into_iter().next()).map(|row| row.id))
}
