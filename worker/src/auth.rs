//! Sessions and passwords on the Worker side: the session cookie, who is calling, and
//! PBKDF2 hashing. The rules (lengths, expiry, who may do what) are in the domain.

use chrono::{DateTime, Utc};
use edgedesk_domain::admin::API_TOKEN_PREFIX;
use edgedesk_domain::auth::{constant_time_eq, Principal, SESSIONS};
use edgedesk_domain::hex::{hex, unhex};
use edgedesk_domain::{ApiError, ErrorCode};
use worker::{console_warn, Env, Request};

use crate::crypto;
use crate::store;
use crate::store::users::LoginRecord;

const SESSION_COOKIE: &str = "edgedesk_session";

/// workerd refuses PBKDF2 above 100,000 iterations, so this is the ceiling (OWASP asks for
/// 600,000 with PBKDF2-HMAC-SHA256; the rate limits make up part of the difference).
pub const MAX_ITERATIONS: u32 = 100_000;

/// Iterations for new hashes: `PASSWORD_ITERATIONS` (a wrangler var) or the maximum.
/// Existing hashes keep the count they were made with.
pub fn iterations(env: &Env) -> u32 {
    env.var("PASSWORD_ITERATIONS")
        .ok()
        .and_then(|value| value.to_string().parse::<u32>().ok())
        .filter(|n| (1_000..=MAX_ITERATIONS).contains(n))
        .unwrap_or(MAX_ITERATIONS)
}

pub struct PasswordHash {
    pub hash: String,
    pub salt: String,
    pub iterations: u32,
}

pub async fn hash_new_password(password: &str, iterations: u32) -> Result<PasswordHash, ApiError> {
    let salt = crypto::random_bytes(16)?;
    let hash = crypto::pbkdf2(password, &salt, iterations).await?;
    Ok(PasswordHash { hash: hex(&hash), salt: hex(&salt), iterations })
}

/// Checks a password against a stored hash. For unknown accounts the caller still runs
/// [`burn_equal_time`] so both failures take as long.
pub async fn verify_password(record: &LoginRecord, password: &str) -> Result<bool, ApiError> {
    let (Some(salt), Some(expected)) = (unhex(&record.password_salt), unhex(&record.password_hash)) else {
        return Ok(false);
    };
    let actual = crypto::pbkdf2(password, &salt, record.password_iterations).await?;
    Ok(constant_time_eq(&actual, &expected))
}

pub async fn burn_equal_time(password: &str, iterations: u32) -> Result<(), ApiError> {
    crypto::pbkdf2(password, &[0u8; 16], iterations).await.map(drop)
}

/// Who is calling: the principal behind a live session cookie, if any.
pub struct Caller {
    pub principal: Option<Principal>,
    /// The hash of the presented session token, to revoke it on sign-out.
    pub session_hash: Option<String>,
    /// The use to record once the response is out, if one is due.
    pub touch: Option<Touch>,
}

/// A session's or an API token's last use, recorded after the response so that reading
/// who is calling stays a read (a write would send the request to D1's primary).
pub enum Touch {
    Session(String),
    ApiToken(i64),
}

impl Touch {
    pub async fn record(self, env: &Env, now: DateTime<Utc>) {
        let recorded = match &self {
            Touch::Session(hash) => store::sessions::touch(env, hash, now).await,
            Touch::ApiToken(id) => store::api_tokens::touch(env, *id, now).await,
        };
        if let Err(error) = recorded {
            console_warn!("could not record a session's or token's use: {}", error.message);
        }
    }
}

/// Who is calling. With `recall`, a session this isolate remembers is taken on trust for
/// now and proved in the request's first batch (`store::sessions::recall`): only for
/// requests that read, whose answer can be thrown away if the proof fails.
pub async fn identify(
    req: &Request,
    env: &Env,
    now: DateTime<Utc>,
    recall: bool,
) -> Result<Caller, ApiError> {
    if let Some(token) = bearer_token(req) {
        let (principal, touch) = token_caller(env, &token, now).await?;
        return Ok(Caller { principal: Some(principal), session_hash: None, touch });
    }
    let Some(token) = session_token(req) else {
        return Ok(Caller { principal: None, session_hash: None, touch: None });
    };
    let session_hash = crypto::sha256_hex(&token).await?;
    let recalled = if recall { store::sessions::recall(env, &session_hash, now)? } else { None };
    let found = match recalled {
        Some(found) => Some(found),
        None => store::sessions::principal(env, &session_hash, now).await?,
    };
    let touch = found.as_ref().filter(|(_, stale)| *stale).map(|_| Touch::Session(session_hash.clone()));
    Ok(Caller { principal: found.map(|(principal, _)| principal), session_hash: Some(session_hash), touch })
}

/// The integration behind an API token, and its use to record if one is due. A presented
/// but unknown or revoked token is an error, not anonymity: the integration must learn at
/// once that it lost access.
pub async fn token_caller(
    env: &Env,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(Principal, Option<Touch>), ApiError> {
    let hash = crypto::sha256_hex(token).await?;
    let (principal, stale) = store::api_tokens::principal(env, &hash, now).await?.ok_or_else(|| {
        ApiError::new(ErrorCode::Unauthenticated, "This API token is unknown or was revoked")
    })?;
    let touch = principal.token.as_ref().filter(|_| stale).map(|grant| Touch::ApiToken(grant.token_id));
    Ok((principal, touch))
}

/// `Authorization: Bearer edt_…` (other schemes are left to the route, e.g. bootstrap).
fn bearer_token(req: &Request) -> Option<String> {
    let header = req.headers().get("authorization").ok().flatten()?;
    let token = header.strip_prefix("Bearer ")?.trim();
    token.starts_with(API_TOKEN_PREFIX).then(|| token.to_string())
}

fn session_token(req: &Request) -> Option<String> {
    let cookies = req.headers().get("cookie").ok().flatten()?;
    cookies.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == SESSION_COOKIE && !value.is_empty()).then(|| value.to_string())
    })
}

/// HttpOnly so scripts cannot read it, SameSite=Lax so other sites' forms do not carry it,
/// Secure whenever the site is served over https.
pub fn session_cookie(token: &str, https: bool) -> String {
    cookie(token, SESSIONS.cookie_max_age_seconds(), https)
}

pub fn expired_session_cookie(https: bool) -> String {
    cookie("", 0, https)
}

fn cookie(value: &str, max_age: i64, https: bool) -> String {
    let secure = if https { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}
