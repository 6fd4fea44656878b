use edgedesk_domain::ApiError;

use super::Ctx;
use crate::crypto;
use crate::http::{self, Reply};
use crate::store;

/// `GET /api/status/{token}`: the reporter's view of a ticket through its status link,
/// no account needed. Unknown and revoked links are the same 404.
pub async fn show(token: &str, ctx: &Ctx<'_>) -> Reply {
    let missing = || ApiError::not_found("Status link");
    // Tokens are 64 hex characters; anything else cannot match, so skip the lookup.
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(missing());
    }
    let hash = crypto::sha256_hex(&token.to_ascii_lowercase()).await?;
    let ticket = store::tickets::by_status_token(ctx.env, &hash).await?.ok_or_else(missing)?;
    http::json(200, &ticket)
}
