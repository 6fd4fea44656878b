//! Sign-ups waiting for their address to be confirmed. Asking writes the same kind of
//! batch whether or not the address has an account; only what the SELECTs find differs.

use chrono::{DateTime, Utc};
use edgedesk_domain::auth::ValidSignUp;
use edgedesk_domain::message::{Language, Message};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::Batch;
use super::outbox;
use crate::auth::PasswordHash;
use crate::mail;

/// What one request to sign up carries.
pub struct Asked<'a> {
    pub account: &'a ValidSignUp,
    pub language: Language,
    pub password: &'a PasswordHash,
    pub token_hash: &'a str,
    /// The mail with the link, for an address without an account.
    pub confirmation: &'a Message,
    /// The note for an address that has an account.
    pub already_registered: &'a Message,
}

/// Records the sign-up and queues its link for an address without an account, or queues
/// the note for one that has an active account; one round trip either way.
pub async fn ask(
    env: &Env,
    asked: Asked<'_>,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let mut batch = Batch::new(env)?;
    let db = batch.db();
    let at = now.timestamp_millis();
    let email = &asked.account.email;
    let free = "NOT EXISTS (SELECT 1 FROM users WHERE email = ?1)";
    let pending = query!(
        db,
        &format!(
            "INSERT INTO signups (token_hash, email, name, phone, language, password_hash, password_salt,
                                  password_iterations, created_at, expires_at)
             SELECT ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE {free}"
        ),
        email,
        asked.token_hash,
        &asked.account.name,
        &asked.account.phone,
        asked.language.code(),
        &asked.password.hash,
        &asked.password.salt,
        asked.password.iterations,
        at,
        expires_at.timestamp_millis()
    );
    let link = mail::personal(asked.confirmation, asked.language);
    let confirm = query!(
        db,
        &format!(
            "INSERT INTO outbox (ticket_id, channel, recipient, subject, body, created_at, send_after)
             SELECT NULL, 'email', ?1, ?2, ?3, ?4, ?4 WHERE {free}"
        ),
        email,
        &link.subject,
        &link.body,
        at
    );
    let note = outbox::to_account(db, email, asked.already_registered, now);
    batch.write(pending)?;
    batch.write(confirm)?;
    batch.write(note)?;
    batch.run().await.map(drop)
}

/// Uses the link: the account is created from its sign-up, and every other pending sign-up
/// of the address is spent, in one batch. The new account's id, or `None` when the link
/// is unknown, used or expired, or the address got an account meanwhile.
pub async fn confirm(env: &Env, token_hash: &str, now: DateTime<Utc>) -> Result<Option<i64>, ApiError> {
    #[derive(Deserialize)]
    struct Created {
        id: i64,
    }
    let mut batch = Batch::new(env)?;
    let at = now.timestamp_millis();
    let db = batch.db();
    let taken = query!(
        db,
        "UPDATE signups SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2",
        token_hash,
        at
    );
    let account = query!(
        db,
        "INSERT INTO users (email, name, phone, role, password_hash, password_salt, password_iterations, language,
                            created_at)
         SELECT email, name, phone, 'customer', password_hash, password_salt, password_iterations, language, ?2
         FROM signups WHERE token_hash = ?1 AND used_at = ?2
         ON CONFLICT (email) DO NOTHING
         RETURNING id",
        token_hash,
        at
    );
    let others_spent = query!(
        db,
        "UPDATE signups SET used_at = ?2
         WHERE email = (SELECT email FROM signups WHERE token_hash = ?1 AND used_at = ?2) AND used_at IS NULL",
        token_hash,
        at
    );
    batch.write(taken)?;
    let created = batch.read(account, |rows: Vec<Created>| Ok(rows.first().map(|row| row.id)))?;
    batch.write(others_spent)?;
    created.take(&batch.run().await?)
}
