use edgedesk_domain::ApiError;

use super::Ctx;
use crate::crypto;
use crate::http::{self, Reply};
use crate::store;

/// `GET /api/status/{token}`: the reporter's view of a ticket through its status link,
/// no account needed. Unknown and revoked links are the same 404.
pub async fn show(token: &str, ctx: &Ctx<'_>) -> Reply {
    let missing = || ApiError::not_found("Status link");
    let hash = crypto::link_token_hash(token).await?.ok_or_else(missing)?;
    let ticket = store::tickets::by_status_token(ctx.env, &hash).await?.ok_or_else(missing)?;
    http::json(200, &ticket)
}
