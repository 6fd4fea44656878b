use edgedesk_domain::presence::{self, Presence, PresenceUpdate};
use edgedesk_domain::{policy, ApiError};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `POST /api/tickets/{id}/presence` `{"editing": bool}` (staff): records that the caller
/// has the ticket open and answers who else does.
pub async fn presence(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::staff(ctx.principal())?;
    let ticket_id = http::path_id(id, "Ticket")?;
    store::tickets::by_id(ctx.env, ticket_id).await?.0.ok_or_else(|| ApiError::not_found("Ticket"))?;
    let update: PresenceUpdate = http::read_json(req).await?;
    let mine = Presence {
        user_id: principal.user_id,
        name: principal.name.clone(),
        editing: update.editing,
        seen_at: ctx.now,
    };
    let records = store::presence::renew(ctx.env, ticket_id, &mine).await?;
    http::json(200, &presence::others(records, principal.user_id, ctx.now))
}
