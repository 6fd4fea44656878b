use edgedesk_domain::{policy, ApiError};

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `GET /api/tickets/{id}`: 404 for ids that do not exist, are not ids at all, or belong
/// to someone the caller may not see.
pub async fn show(id: &str, ctx: &Ctx<'_>) -> Reply {
    policy::signed_in(ctx.principal())?;
    let (ticket, owner) = store::tickets::by_id(ctx.env, http::path_id(id, "Ticket")?)
        .await?
        .ok_or_else(|| ApiError::not_found("Ticket"))?;
    policy::view_ticket(ctx.principal(), owner)?;
    http::json(200, &ticket)
}
