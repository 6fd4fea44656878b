use edgedesk_domain::workflow::{ActionRequest, Actor, BulkOutcome, BulkRequest};
use edgedesk_domain::{policy, ApiError};
use worker::Request;

use super::{perform, start_in};
use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store::batch::{Batch, Pending};
use crate::store::tickets::TicketKey;

/// `POST /api/tickets/bulk` (staff): one step (assign, status, category) for up to 100
/// tickets, each applied to the version it has now and checked like a single step. The
/// answer lists every ticket with its error, if any; one refusal does not stop the rest.
pub async fn bulk(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::staff(ctx.principal())?;
    let actor = Actor::from_principal(principal)?;
    let request: BulkRequest = http::read_json(req).await?;
    let ids = request.validate()?;
    let mut outcomes = Vec::with_capacity(ids.len());
    for id in ids {
        let start =
            Batch::one(ctx.env, |batch| start_in(batch, &TicketKey::Id(id), Some(&request.command))).await?;
        let result = match start.stored.as_ref().map(|stored| stored.state.version) {
            None => Err(ApiError::not_found("Ticket")),
            Some(version) => {
                let step = ActionRequest { version: Some(version), command: request.command.clone() };
                // Nobody reads a page back: the answer lists outcomes.
                perform(ctx, start, &actor, &step, |_, _, _, _| Ok(Pending::ready(()))).await
            }
        };
        outcomes.push(BulkOutcome { id, error: result.err() });
    }
    http::json(200, &outcomes)
}
