use edgedesk_domain::auth::Role;
use edgedesk_domain::{policy, ApiError, ErrorCode};
use serde::{Deserialize, Serialize};
use worker::Request;

use super::Ctx;
use crate::http::{self, Reply};
use crate::store;

/// `GET /api/agents`: active agents with tier, availability and load (staff).
pub async fn list(ctx: &Ctx<'_>) -> Reply {
    policy::staff(ctx.principal())?;
    http::json(200, &store::agents::list(ctx.env).await?)
}

#[derive(Deserialize, Serialize)]
struct Availability {
    away: bool,
}

/// `PUT /api/me/availability` `{"away": true}`: an agent steps away (auto-assignment and
/// queue mails skip them) or comes back.
pub async fn set_availability(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::staff(ctx.principal())?;
    if principal.role != Role::Agent {
        return Err(ApiError::new(ErrorCode::Forbidden, "Only agents take tickets from queues"));
    }
    let availability: Availability = http::read_json(req).await?;
    store::agents::set_away(ctx.env, principal.user_id, availability.away).await?;
    http::json(200, &serde_json::json!({ "away": availability.away }))
}
