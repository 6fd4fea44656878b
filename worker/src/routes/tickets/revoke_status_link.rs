use edgedesk_domain::{policy, ApiError};
use worker::Response;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `DELETE /api/tickets/{id}/status-link`: staff revoke a ticket's status link at once
/// (a forwarded or leaked link). 204, also when it was already revoked.
pub async fn revoke_status_link(id: &str, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::signed_in(ctx.principal())?;
    let id = http::path_id(id, "Ticket")?;
    let stored = store::tickets::by_id(ctx.env, id).await?.0.ok_or_else(|| ApiError::not_found("Ticket"))?;
    policy::manage_ticket(Some(principal), stored.owner)?;
    store::tickets::revoke_status_link(ctx.env, id, &principal.actor(), &principal.name, ctx.now).await?;
    Ok(Response::empty().map_err(http::internal)?.with_status(204))
}
