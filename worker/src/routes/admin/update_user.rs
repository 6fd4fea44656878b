use edgedesk_domain::admin::UserChange;
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `PATCH /api/admin/users/{id}`: change an account's role, tier or standing (admins).
/// The body names the version it was based on; a stale one gets 409 with the current
/// account. Deactivating ends the account's sessions at once (they require an active user).
pub async fn update_user(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let admin = policy::administer(ctx.principal())?;
    let missing = || ApiError::not_found("Account");
    let id = http::path_id(id, "Account")?;
    let change: UserChange = http::read_json(req).await?;
    let current = store::accounts::by_id(ctx.env, id).await?.ok_or_else(missing)?;
    let stale = |current| {
        let error =
            ApiError::new(ErrorCode::VersionConflict, "Someone changed this account meanwhile; look again");
        http::json(409, &Conflict { error, current })
    };
    if change.version != current.version {
        return stale(current);
    }
    let next = change.apply(&current, admin.user_id)?;
    if !store::accounts::update(ctx.env, &next).await? {
        return stale(store::accounts::by_id(ctx.env, id).await?.ok_or_else(missing)?);
    }
    http::json(200, &store::accounts::by_id(ctx.env, id).await?.ok_or_else(missing)?)
}
