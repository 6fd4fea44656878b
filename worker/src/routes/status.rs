use edgedesk_domain::limits::STATUS_LINK_ACTIONS;
use edgedesk_domain::workflow::{ActionRequest, Actor};
use edgedesk_domain::{ApiError, Conflict, ErrorCode};
use worker::Request;

use super::tickets::{calendar_file, page_after_step_in, page_in, perform, start_in};
use super::Ctx;
use crate::crypto;
use crate::http::{self, Reply};
use crate::store;
use crate::store::batch::Batch;
use crate::store::events::Audience;
use crate::store::tickets::TicketKey;

fn missing() -> ApiError {
    ApiError::not_found("Status link")
}

/// The hash a status link's ticket is stored under; 404 for anything that is no token.
async fn link_hash(token: &str) -> Result<String, ApiError> {
    crypto::link_token_hash(token).await?.ok_or_else(missing)
}

/// `GET /api/status/{token}`: the reporter's view of a ticket through its status link,
/// no account needed: public history only, no contact details (links get forwarded).
/// Unknown and revoked links are the same 404. One batch, keyed by the link.
pub async fn show(token: &str, ctx: &Ctx<'_>) -> Reply {
    let key = TicketKey::StatusLink(link_hash(token).await?);
    let page = Batch::one(ctx.env, |batch| page_in(batch, &key, Audience::Customer)).await?;
    page.stored().map_err(|_| missing())?;
    http::json(200, &page.into_status_view(ctx.now)?)
}

/// `POST /api/status/{token}/actions`: the link holder acts as the ticket's customer
/// (reply, confirm, reopen, rate, cancel a request). The attempt is counted in the batch
/// that reads what the step starts from.
pub async fn act(token: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let link = link_hash(token).await?;
    let key = TicketKey::StatusLink(link.clone());
    let mut batch = Batch::new(ctx.env)?;
    // Counted per link (the hash stands for it): whoever holds it, wherever they are.
    let counted = store::limits::take_in(&mut batch, &STATUS_LINK_ACTIONS, &link, ctx.now)?;
    let start = start_in(&mut batch, &key, None)?;
    let found = batch.run().await?;
    let start = start.take(&found)?;
    let counted = counted.take(&found)?;
    let Some(stored) = start.stored.as_ref() else {
        // A guessed link leaves no attempt behind: only real links are counted.
        if let Ok(taken) = counted {
            store::limits::give_back(ctx.env, taken).await;
        }
        return Err(missing());
    };
    let _counted = counted?;
    let request: ActionRequest = http::read_json(req).await?;
    let actor = Actor::Customer { user_id: None, name: stored.ticket.reporter.name.clone() };
    let page = |batch: &mut Batch, id, rules, clocks| {
        page_after_step_in(batch, id, Audience::Customer, rules, clocks)
    };
    match perform(ctx, start, &actor, &request, page).await {
        Ok(page) => http::json(200, &page.into_status_view(ctx.now)?),
        Err(error) if error.code == ErrorCode::VersionConflict => {
            let page = Batch::one(ctx.env, |batch| page_in(batch, &key, Audience::Customer)).await?;
            http::json(409, &Conflict { error, current: page.into_status_view(ctx.now)? })
        }
        Err(error) => Err(error),
    }
}

/// `GET /api/status/{token}/calls/{call}.ics`: the calendar file for the link holder.
pub async fn invitation(token: &str, call_file: &str, req: &Request, ctx: &Ctx<'_>) -> Reply {
    let key = TicketKey::StatusLink(link_hash(token).await?);
    let (stored, _) = Batch::one(ctx.env, |batch| store::tickets::with_rules_in(batch, &key)).await?;
    calendar_file(&stored.ok_or_else(missing)?, call_file, req, ctx).await
}
