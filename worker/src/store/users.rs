use chrono::{DateTime, Utc};
use edgedesk_domain::admin::UserSummary;
use edgedesk_domain::auth::{Me, Principal, Role, Tier, ValidSignUp};
use edgedesk_domain::message::Language;
use edgedesk_domain::{ApiError, ErrorCode};
use serde::Deserialize;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::{accounts, db, inserted_id, run};
use crate::auth::PasswordHash;
use crate::http;

/// What signing in needs to know about an account.
pub struct LoginRecord {
    pub user_id: i64,
    pub password_hash: String,
    pub password_salt: String,
    pub password_iterations: u32,
}

/// The sign-in record of the active account with this email, read in `batch`. Accounts
/// without a password (invited, not yet accepted) cannot sign in with one.
pub fn login_record_in(batch: &mut Batch, email: &str) -> Result<Pending<Option<LoginRecord>>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        password_hash: Option<String>,
        password_salt: Option<String>,
        password_iterations: Option<u32>,
    }
    let statement = query!(
        batch.db(),
        "SELECT id, password_hash, password_salt, password_iterations FROM users WHERE email = ?1 AND active = 1",
        email
    );
    batch.read(statement, |rows: Vec<Row>| {
        Ok(rows.into_iter().next().and_then(|row| {
            Some(LoginRecord {
                user_id: row.id,
                password_hash: row.password_hash?,
                password_salt: row.password_salt?,
                password_iterations: row.password_iterations?,
            })
        }))
    })
}

/// The deployment's first admin, only while it has none: the check and the insert are
/// one statement, so two racing bootstrap calls cannot both succeed.
pub async fn insert_first_admin(
    env: &Env,
    account: &ValidSignUp,
    password: &PasswordHash,
    now: DateTime<Utc>,
) -> Result<i64, ApiError> {
    let db = db(env)?;
    let statement = query!(
        &db,
        "INSERT INTO users (email, name, phone, role, password_hash, password_salt, password_iterations, created_at)
         SELECT ?1, ?2, ?3, 'admin', ?4, ?5, ?6, ?7
         WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin')
         ON CONFLICT (email) DO NOTHING
         RETURNING id",
        &account.email,
        &account.name,
        &account.phone,
        &password.hash,
        &password.salt,
        password.iterations,
        now.timestamp_millis()
    );
    inserted_id(statement).await?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::AlreadyBootstrapped,
            "This deployment already has an admin (or that email is taken)",
        )
    })
}

/// The signed-in account as `/api/me` shows it: the admin view of it, less what is
/// only for admins.
pub async fn me(env: &Env, user_id: i64) -> Result<Me, ApiError> {
    Batch::one(env, |batch| me_in(batch, user_id)).await
}

pub fn me_in(batch: &mut Batch, user_id: i64) -> Result<Pending<Me>, ApiError> {
    Ok(accounts::by_id_in(batch, user_id)?.map(move |account| me_of(account, user_id)))
}

fn me_of(account: Option<UserSummary>, user_id: i64) -> Result<Me, ApiError> {
    let account = account.ok_or_else(|| http::internal(format!("user {user_id} vanished")))?;
    Ok(Me {
        id: account.id,
        name: account.name,
        email: account.email,
        role: account.role,
        tier: account.tier,
        organisation: account.organisation,
        language: account.language,
        privacy_lead: account.privacy_lead,
    })
}

pub async fn set_language(env: &Env, user_id: i64, language: Language) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(&db, "UPDATE users SET language = ?2 WHERE id = ?1", user_id, language.code())).await?;
    Ok(())
}

pub fn parse_role(text: &str) -> Result<Role, ApiError> {
    Role::parse(text).ok_or_else(|| http::internal(format!("unknown role {text:?} in D1")))
}

pub fn parse_tier(text: Option<&str>) -> Result<Option<Tier>, ApiError> {
    text.map(|text| Tier::parse(text).ok_or_else(|| http::internal(format!("unknown tier {text:?} in D1"))))
        .transpose()
}

/// Builds the policy's view of a user from a joined row.
pub fn principal(
    user_id: i64,
    name: String,
    role: &str,
    tier: Option<&str>,
    organisation_id: Option<i64>,
    shares: Option<i64>,
) -> Result<Principal, ApiError> {
    Ok(Principal {
        user_id,
        name,
        role: parse_role(role)?,
        tier: parse_tier(tier)?,
        organisation_id,
        organisation_shares_tickets: shares == Some(1),
        token: None,
    })
}
