use edgedesk_domain::workflow::{ActionRequest, Actor, BulkOutcome, BulkRequest};
use edgedesk_domain::{policy, ApiError};
use worker::Request;

use super::perform;
use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `POST /api/tickets/bulk` (staff): one step (assign, status, category) for up to 100
/// tickets, each applied to the version it has now and checked like a single step. The
/// answer lists every ticket with its error, if any; one refusal does not stop the rest.
pub async fn bulk(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::staff(ctx.principal())?;
    let actor = Actor::from_principal(principal)?;
    let request: BulkRequest = http::read_json(req).await?;
    let ids = request.validate()?;
    let (rules, _) = store::settings::rules(ctx.env).await?;
    let mut outcomes = Vec::with_capacity(ids.len());
    for id in ids {
        let result = match store::tickets::by_id(ctx.env, id, &rules).await? {
            None => Err(ApiError::not_found("Ticket")),
            Some(stored) => {
                let step =
                    ActionRequest { version: Some(stored.state.version), command: request.command.clone() };
                perform(ctx, &stored, &actor, &step, &rules).await
            }
        };
        outcomes.push(BulkOutcome { id, error: result.err() });
    }
    http::json(200, &outcomes)
}
