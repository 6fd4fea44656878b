use edgedesk_domain::admin::{InvitationCreated, NewInvitation};
use edgedesk_domain::policy;
use worker::Request;

use crate::crypto;
use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `POST /api/admin/invitations`: invite a staff member (admins). The answer holds the
/// invitation link, shown this once; it works for seven days and only once.
pub async fn invite(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let admin = policy::administer(ctx.principal())?;
    let request: NewInvitation = http::read_json(req).await?;
    let invitation = request.validate()?;
    let token = crypto::random_token()?;
    let token_hash = crypto::sha256_hex(&token).await?;
    let (id, expires_at) =
        store::invitations::insert(ctx.env, &token_hash, &invitation, admin.user_id, ctx.now).await?;
    http::json(201, &InvitationCreated { id, path: format!("/invite/{token}"), expires_at })
}
