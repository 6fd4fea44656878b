use edgedesk_domain::auth::Role;
use edgedesk_domain::limits::ANONYMOUS_TICKETS_PER_ADDRESS;
use edgedesk_domain::policy::{self, TicketOwner};
use edgedesk_domain::ticket::{ticket_number, CreatedTicket, NewTicket, TicketKind};
use worker::Request;

use crate::crypto;
use crate::http::{self, Reply};
use crate::limits;
use crate::routes::Ctx;
use crate::store;

/// `POST /api/tickets`: someone reports a problem from the portal. A signed-in customer
/// owns the ticket; anyone gets a status link to follow it without an account.
pub async fn create(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::create_ticket(ctx.principal())?;
    // The public form is the easiest thing to flood; signed-in people are accountable.
    let anonymous_address = ctx.principal().is_none().then(|| limits::client_address(req));
    if let Some(address) = &anonymous_address {
        limits::check(ctx.env, &ANONYMOUS_TICKETS_PER_ADDRESS, address, ctx.now).await?;
    }
    let report: NewTicket = http::read_json(req).await?;
    let ticket = report.validate()?;
    let owner = match ctx.principal() {
        Some(customer) if customer.role == Role::Customer => {
            TicketOwner { customer_id: Some(customer.user_id), organisation_id: customer.organisation_id }
        }
        _ => TicketOwner { customer_id: None, organisation_id: None },
    };
    let status_token = crypto::random_token()?;
    let status_token_hash = crypto::sha256_hex(&status_token).await?;
    let kind = TicketKind::Incident;
    let actor =
        ctx.principal().map_or_else(|| format!("reporter:{}", ticket.email), |principal| principal.actor());
    let id =
        store::tickets::insert(ctx.env, &ticket, kind, ctx.now, owner, &actor, &status_token_hash).await?;
    if let Some(address) = &anonymous_address {
        limits::record(ctx.env, &ANONYMOUS_TICKETS_PER_ADDRESS, address, ctx.now).await;
    }
    http::json(
        201,
        &CreatedTicket { id, number: ticket_number(kind, id), reported_at: ctx.now, status_token },
    )
}
