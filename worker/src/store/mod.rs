//! D1 access. SQL lives here and only here; rows are turned into domain DTOs on the way out.

pub mod accounts;
pub mod api_tokens;
pub mod invitations;
pub mod organisations;
pub mod sessions;
pub mod sweep_runs;
pub mod tickets;
pub mod users;

use edgedesk_domain::ApiError;
use worker::{D1Database, Env};

use crate::http;

/// Ids stay below 2^53 (they travel as JS numbers), so this bound means "no cursor".
pub const ABOVE_EVERY_ID: i64 = (1 << 53) - 1;

/// The `DB` binding from wrangler.toml.
pub fn db(env: &Env) -> Result<D1Database, ApiError> {
    env.d1("DB").map_err(http::storage)
}

/// Whether D1 answers a trivial query.
pub async fn ping(env: &Env) -> bool {
    match db(env) {
        Ok(db) => db.prepare("SELECT 1").first::<serde_json::Value>(None).await.is_ok(),
        Err(_) => false,
    }
}
