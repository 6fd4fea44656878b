use edgedesk_domain::ticket::TicketView;
use edgedesk_domain::workflow::Rules;
use edgedesk_domain::{policy, ApiError};

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::sla;
use crate::store;
use crate::store::events::Audience;

/// `GET /api/tickets/{id}`: the ticket page in one answer (ticket, history, calls). 404
/// for ids that do not exist, are not ids at all, or belong to someone the caller may not
/// see. Customers get the public history and no working state.
pub async fn show(id: &str, ctx: &Ctx<'_>) -> Reply {
    let stored = visible(id, ctx).await?;
    let staff = policy::ticket_scope(ctx.principal())? == policy::TicketScope::All;
    let audience = if staff { Audience::Staff } else { Audience::Customer };
    let page = view(ctx, stored, audience).await?;
    if let (true, Some(principal)) = (staff, ctx.principal()) {
        // Read after the page: everything it showed is now seen.
        let at = ctx.now.timestamp_millis();
        store::ticket_list::mark_read(ctx.env, principal.user_id, page.ticket.id, at).await?;
    }
    http::json(200, &page)
}

/// Ticket `id` if the caller may see it; 404 alike for missing, malformed and foreign ids.
pub async fn visible(id: &str, ctx: &Ctx<'_>) -> Result<store::tickets::Stored, ApiError> {
    policy::signed_in(ctx.principal())?;
    let (rules, _) = store::settings::rules(ctx.env).await?;
    let stored = store::tickets::by_id(ctx.env, http::path_id(id, "Ticket")?, &rules)
        .await?
        .ok_or_else(|| ApiError::not_found("Ticket"))?;
    policy::view_ticket(ctx.principal(), stored.owner)?;
    Ok(stored)
}

/// The ticket page as `audience` may see it, read fresh.
pub async fn load_view(
    ctx: &Ctx<'_>,
    id: i64,
    audience: Audience,
    rules: &Rules,
) -> Result<TicketView, ApiError> {
    let stored =
        store::tickets::by_id(ctx.env, id, rules).await?.ok_or_else(|| ApiError::not_found("Ticket"))?;
    view(ctx, stored, audience).await
}

async fn view(
    ctx: &Ctx<'_>,
    stored: store::tickets::Stored,
    audience: Audience,
) -> Result<TicketView, ApiError> {
    let id = stored.state.id;
    let (clocks, promise) = sla::for_page(ctx.env, &stored, ctx.now).await?;
    let mut ticket = match audience {
        Audience::Staff => stored.ticket,
        Audience::Customer => stored.ticket.for_customer(),
    };
    if audience == Audience::Staff && stored.state.is_major {
        ticket.linked = store::ticket_list::linked(ctx.env, id).await?;
    }
    let timeline = store::events::timeline(ctx.env, id, audience).await?;
    let calls = store::calls::of_ticket(ctx.env, id).await?;
    let (sla, promise) = match audience {
        Audience::Staff => (Some(clocks), None),
        Audience::Customer => (None, Some(promise)),
    };
    Ok(TicketView { ticket, timeline, calls, sla, promise })
}
