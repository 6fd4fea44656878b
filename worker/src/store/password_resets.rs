//! Password-reset links: issued by address (nothing is written for an address without an
//! account), used once.

use chrono::{DateTime, Utc};
use edgedesk_domain::message::Message;
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::Batch;
use super::{db, first, outbox};
use crate::auth::PasswordHash;

/// Issues a link for the active account with `email`, if there is one, and queues its mail
/// in the account's language; for any other address the batch writes nothing. One round
/// trip either way, so the answer takes as long whether or not the account exists.
pub async fn issue(
    env: &Env,
    email: &str,
    token_hash: &str,
    message: &Message,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let mut batch = Batch::new(env)?;
    let db = batch.db();
    let link = query!(
        db,
        "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)
         SELECT ?1, id, ?2, ?3 FROM users WHERE email = ?4 AND active = 1",
        token_hash,
        now.timestamp_millis(),
        expires_at.timestamp_millis(),
        email
    );
    let message = outbox::to_account(db, email, message, now);
    batch.write(link)?;
    batch.write(message)?;
    batch.run().await.map(drop)
}

/// The address of the account behind an unused, unexpired link.
pub async fn holder(env: &Env, token_hash: &str, now: DateTime<Utc>) -> Result<Option<String>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        email: String,
    }
    let db = db(env)?;
    let row = first::<Row>(query!(
        &db,
        "SELECT u.email FROM password_resets r JOIN users u ON u.id = r.user_id AND u.active = 1
         WHERE r.token_hash = ?1 AND r.used_at IS NULL AND r.expires_at > ?2",
        token_hash,
        now.timestamp_millis()
    ))
    .await?;
    Ok(row.map(|row| row.email))
}

/// Uses the link: the new password, every session of the account ended and every other
/// link of it spent, in one batch that changes nothing unless this link was still usable.
/// False when it was not (used meanwhile, or expired).
pub async fn use_link(
    env: &Env,
    token_hash: &str,
    password: &PasswordHash,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    #[derive(Deserialize)]
    struct Used {
        user_id: i64,
    }
    let mut batch = Batch::new(env)?;
    let at = now.timestamp_millis();
    let db = batch.db();
    let taken = query!(
        db,
        "UPDATE password_resets SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
         RETURNING user_id",
        token_hash,
        at
    );
    // The account this request's UPDATE just took the link for: nobody else's.
    let this_use = "(SELECT user_id FROM password_resets WHERE token_hash = ?1 AND used_at = ?2)";
    let password_set = query!(
        db,
        &format!(
            "UPDATE users SET password_hash = ?3, password_salt = ?4, password_iterations = ?5, version = version + 1
             WHERE id = {this_use}"
        ),
        token_hash,
        at,
        &password.hash,
        &password.salt,
        password.iterations
    );
    let sessions_ended = query!(
        db,
        &format!("UPDATE sessions SET revoked_at = ?2 WHERE user_id = {this_use} AND revoked_at IS NULL"),
        token_hash,
        at
    );
    let others_spent = query!(
        db,
        &format!("UPDATE password_resets SET used_at = ?2 WHERE user_id = {this_use} AND used_at IS NULL"),
        token_hash,
        at
    );
    let used = batch.read(taken, |rows: Vec<Used>| Ok(rows.into_iter().next().map(|row| row.user_id)))?;
    batch.write(password_set)?;
    batch.write(sessions_ended)?;
    batch.write(others_spent)?;
    let user_id = used.take(&batch.run().await?)?;
    if let Some(user_id) = user_id {
        super::sessions::forget_user(user_id);
    }
    Ok(user_id.is_some())
}

/// The link in the mail, to the SPA's page for it.
pub fn link(origin: &str, token: &str) -> String {
    format!("{origin}/reset-password/{token}")
}
