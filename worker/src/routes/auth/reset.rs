use edgedesk_domain::limits::PASSWORD_RESETS_PER_ADDRESS;
use edgedesk_domain::reset::{self, NewPassword, ResetRequest};
use worker::{Request, Response};

use super::Ctx;
use crate::auth::{hash_new_password, iterations};
use crate::http::{self, Reply};
use crate::{crypto, store};

/// `POST /api/auth/password-reset`: mails a link to choose a new password to the address,
/// if it has an account. 202 and the same body either way: the answer never says whether
/// an address has an account.
pub async fn request(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let asked: ResetRequest = http::read_json(req).await?;
    let email = asked.validate()?;
    // Every request counts, answered or not: each may send a mail.
    let _counted =
        store::limits::take(ctx.env, &PASSWORD_RESETS_PER_ADDRESS, &http::client_address(req), ctx.now)
            .await?;
    let token = crypto::random_token()?;
    let message = reset::message(store::password_resets::link(&http::origin(req), &token));
    let hash = crypto::sha256_hex(&token).await?;
    store::password_resets::issue(ctx.env, &email, &hash, &message, ctx.now, reset::expires_at(ctx.now))
        .await?;
    http::json(202, &serde_json::json!({}))
}

/// `POST /api/auth/password-reset/{token}`: sets the new password, ends every session of
/// the account and spends the link (and any other open link of it). 204; 410 for a link
/// that is unknown, used or expired.
pub async fn complete(token: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let chosen: NewPassword = http::read_json(req).await?;
    let hash = crypto::sha256_hex(token).await?;
    let email =
        store::password_resets::holder(ctx.env, &hash, ctx.now).await?.ok_or_else(reset::link_expired)?;
    chosen.validate(&email)?;
    let password = hash_new_password(&chosen.password, iterations(ctx.env)).await?;
    if !store::password_resets::use_link(ctx.env, &hash, &password, ctx.now).await? {
        return Err(reset::link_expired());
    }
    Ok(Response::empty().map_err(http::internal)?.with_status(204))
}
