use edgedesk_domain::canned::CannedReplies;
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use super::Ctx;
use crate::http::{self, Reply};
use crate::store;

/// `GET /api/canned-replies` (staff): the desk's reusable replies with placeholders.
pub async fn list(ctx: &Ctx<'_>) -> Reply {
    policy::staff(ctx.principal())?;
    http::json(200, &store::settings::canned_replies(ctx.env).await?)
}

/// `PUT /api/admin/canned-replies` (admins): the whole list, versioned.
pub async fn save(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let canned = http::read_json::<CannedReplies>(req).await?.validate()?;
    if !store::settings::save_canned_replies(ctx.env, &canned).await? {
        let error = ApiError::new(ErrorCode::VersionConflict, "Someone changed the canned replies meanwhile");
        return http::json(
            409,
            &Conflict { error, current: store::settings::canned_replies(ctx.env).await? },
        );
    }
    http::json(200, &store::settings::canned_replies(ctx.env).await?)
}
