use edgedesk_domain::admin::AcceptInvitation;
use edgedesk_domain::{ApiError, ErrorCode};
use worker::Request;

use super::auth::start_session;
use super::Ctx;
use crate::auth::{hash_new_password, iterations};
use crate::crypto;
use crate::http::{self, Reply};
use crate::store;
use crate::store::invitations::StoredInvitation;

async fn find(token: &str) -> Result<String, ApiError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::not_found("Invitation"));
    }
    crypto::sha256_hex(&token.to_ascii_lowercase()).await
}

async fn usable(token: &str, ctx: &Ctx<'_>) -> Result<StoredInvitation, ApiError> {
    let hash = find(token).await?;
    let invitation = store::invitations::by_token(ctx.env, &hash)
        .await?
        .ok_or_else(|| ApiError::not_found("Invitation"))?;
    invitation.info.check_usable(invitation.accepted, ctx.now)?;
    Ok(invitation)
}

/// `GET /api/invitations/{token}`: who is invited, as what; 410 once expired or used.
pub async fn show(token: &str, ctx: &Ctx<'_>) -> Reply {
    http::json(200, &usable(token, ctx).await?.info)
}

/// `POST /api/invitations/{token}/accept`: the invited person chooses their name and
/// password; the account is created with the invited role and they are signed in.
pub async fn accept(token: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let invitation = usable(token, ctx).await?;
    let request: AcceptInvitation = http::read_json(req).await?;
    let (name, password) = request.validate(&invitation.info.email)?;
    let password = hash_new_password(&password, iterations(ctx.env)).await?;
    let user_id = store::invitations::accept(ctx.env, invitation.id, &name, &password, ctx.now)
        .await?
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvitationExpired,
                "This invitation was used meanwhile, or the email has an account",
            )
        })?;
    start_session(ctx, user_id, 201).await
}
