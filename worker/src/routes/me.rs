use edgedesk_domain::auth::{LanguageChoice, SessionInfo};
use edgedesk_domain::subscription::{self, ServiceChoice, ServiceSubscriptions};
use edgedesk_domain::{policy, ApiError};
use worker::Request;

use super::Ctx;
use crate::http::{self, Reply};
use crate::store;
use crate::store::batch::Batch;

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

/// `GET /api/me/services`: the services the desk names, and which the person hears of
/// when monitoring sees them fail.
pub async fn services(ctx: &Ctx<'_>) -> Reply {
    let principal = policy::person(ctx.principal())?;
    http::json(200, &choices(ctx, principal.user_id).await?)
}

/// `PUT /api/me/services`: exactly these services, from those the desk names.
pub async fn set_services(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::person(ctx.principal())?;
    let asked: ServiceSubscriptions = http::read_json(req).await?;
    let known = Batch::one(ctx.env, store::subscriptions::known_in).await?;
    let chosen = asked.validate(&known)?;
    store::subscriptions::replace(ctx.env, principal.user_id, &chosen, ctx.now).await?;
    http::json(200, &subscription::choices(&known, &chosen))
}

async fn choices(ctx: &Ctx<'_>, user_id: i64) -> Result<Vec<ServiceChoice>, ApiError> {
    let (known, subscribed) = Batch::one(ctx.env, |batch| {
        Ok(store::subscriptions::known_in(batch)?.and(store::subscriptions::of_user_in(batch, user_id)?))
    })
    .await?;
    Ok(subscription::choices(&known, &subscribed))
}
