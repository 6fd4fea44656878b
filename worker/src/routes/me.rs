use edgedesk_domain::auth::{LanguageChoice, SessionInfo};
use edgedesk_domain::policy;
use worker::Request;

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

/// `PUT /api/me/language`: the language the person now uses the desk in; their mail
/// follows it.
pub async fn set_language(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::person(ctx.principal())?;
    let choice: LanguageChoice = http::read_json(req).await?;
    store::users::set_language(ctx.env, principal.user_id, choice.language).await?;
    http::json(200, &choice)
}
