use edgedesk_domain::limits::STATUS_LINK_ACTIONS;
use edgedesk_domain::workflow::{ActionRequest, Actor, Rules};
use edgedesk_domain::{ApiError, Conflict, ErrorCode};
use worker::Request;

use super::tickets::{calendar_file, page_after_step_in, page_of_in, perform, start_in};
use super::Ctx;
use crate::crypto;
use crate::http::{self, Reply};
use crate::store;
use crate::store::batch::Batch;
use crate::store::events::Audience;
use crate::store::tickets::Stored;

fn missing() -> ApiError {
    ApiError::not_found("Status link")
}

/// The hash a status link's ticket is stored under; 404 for anything that is no token.
async fn link_hash(token: &str) -> Result<String, ApiError> {
    crypto::link_token_hash(token).await?.ok_or_else(missing)
}

/// The ticket behind the link and the rules, in one round trip.
async fn find(hash: &str, ctx: &Ctx<'_>) -> Result<(Stored, Rules), ApiError> {
    let (stored, rules) = store::tickets::by_status_token(ctx.env, hash).await?;
    Ok((stored.ok_or_else(missing)?, rules))
}

/// `GET /api/status/{token}`: the reporter's view of a ticket through its status link,
/// no account needed: public history only, no contact details (links get forwarded).
/// Unknown and revoked links are the same 404. Two round trips: the link, then the page.
pub async fn show(token: &str, ctx: &Ctx<'_>) -> Reply {
    let (stored, rules) = find(&link_hash(token).await?, ctx).await?;
    let page = Batch::one(ctx.env, |batch| page_of_in(batch, stored, rules, Audience::Customer)).await?;
    http::json(200, &page.into_status_view(ctx.now)?)
}

/// `POST /api/status/{token}/actions`: the link holder acts as the ticket's customer
/// (reply, confirm, reopen, rate, cancel a request).
pub async fn act(token: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let link = link_hash(token).await?;
    let (stored, _) = find(&link, ctx).await?;
    // Counted per link (the hash stands for it): whoever holds it, wherever they are.
    let _counted = store::limits::take(ctx.env, &STATUS_LINK_ACTIONS, &link, ctx.now).await?;
    let request: ActionRequest = http::read_json(req).await?;
    let actor = Actor::Customer { user_id: None, name: stored.ticket.reporter.name.clone() };
    let id = stored.state.id;
    let start = Batch::one(ctx.env, |batch| start_in(batch, id, None)).await?;
    let page = |batch: &mut Batch, id, rules, clocks| {
        page_after_step_in(batch, id, Audience::Customer, rules, clocks)
    };
    match perform(ctx, start, &actor, &request, page).await {
        Ok(page) => http::json(200, &page.into_status_view(ctx.now)?),
        Err(error) if error.code == ErrorCode::VersionConflict => {
            let (stored, rules) = find(&link, ctx).await?;
            let page =
                Batch::one(ctx.env, |batch| page_of_in(batch, stored, rules, Audience::Customer)).await?;
            http::json(409, &Conflict { error, current: page.into_status_view(ctx.now)? })
        }
        Err(error) => Err(error),
    }
}

/// `GET /api/status/{token}/calls/{call}.ics`: the calendar file for the link holder.
pub async fn invitation(token: &str, call_file: &str, req: &Request, ctx: &Ctx<'_>) -> Reply {
    let (stored, _) = find(&link_hash(token).await?, ctx).await?;
    calendar_file(&stored, call_file, req, ctx).await
}
