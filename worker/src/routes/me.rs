use edgedesk_domain::auth::SessionInfo;
use edgedesk_domain::policy;

use super::Ctx;
use crate::http::{self, Reply};
use crate::store;

/// `GET /api/me`: the signed-in account; 401 when signed out.
pub async fn show(ctx: &Ctx<'_>) -> Reply {
    let principal = policy::person(ctx.principal())?;
    http::json(200, &store::users::me(ctx.env, principal.user_id).await?)
}

/// `GET /api/session`: the signed-in account or `{"me": null}`; always 200.
pub async fn session(ctx: &Ctx<'_>) -> Reply {
    let me = match policy::person(ctx.principal()) {
        Ok(principal) => Some(store::users::me(ctx.env, principal.user_id).await?),
        Err(_) => None,
    };
    http::json(200, &SessionInfo { me })
}
