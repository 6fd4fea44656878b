use edgedesk_domain::limits::STATUS_LINK_ACTIONS;
use edgedesk_domain::ticket::StatusView;
use edgedesk_domain::workflow::{ActionRequest, Actor, Rules};
use edgedesk_domain::{ApiError, Conflict, ErrorCode};
use worker::Request;

use super::tickets::{calendar_file, perform};
use super::Ctx;
use crate::crypto;
use crate::http::{self, Reply};
use crate::sla;
use crate::store;
use crate::store::events::Audience;
use crate::store::tickets::Stored;

fn missing() -> ApiError {
    ApiError::not_found("Status link")
}

/// The hash a status link's ticket is stored under; 404 for anything that is no token.
async fn link_hash(token: &str) -> Result<String, ApiError> {
    crypto::link_token_hash(token).await?.ok_or_else(missing)
}

async fn find(hash: &str, ctx: &Ctx<'_>, rules: &Rules) -> Result<Stored, ApiError> {
    store::tickets::by_status_token(ctx.env, hash, rules).await?.ok_or_else(missing)
}

async fn view(ctx: &Ctx<'_>, stored: Stored) -> Result<StatusView, ApiError> {
    let id = stored.state.id;
    let (_, promise) = sla::for_page(ctx.env, &stored, ctx.now).await?;
    Ok(StatusView {
        ticket: stored.ticket.public,
        timeline: store::events::timeline(ctx.env, id, Audience::Customer).await?,
        calls: store::calls::of_ticket(ctx.env, id).await?,
        promise: Some(promise),
    })
}

/// `GET /api/status/{token}`: the reporter's view of a ticket through its status link,
/// no account needed: public history only, no contact details (links get forwarded).
/// Unknown and revoked links are the same 404.
pub async fn show(token: &str, ctx: &Ctx<'_>) -> Reply {
    let (rules, _) = store::settings::rules(ctx.env).await?;
    let stored = find(&link_hash(token).await?, ctx, &rules).await?;
    http::json(200, &view(ctx, stored).await?)
}

/// `POST /api/status/{token}/actions`: the link holder acts as the ticket's customer
/// (reply, confirm, reopen, rate, cancel a request).
pub async fn act(token: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let (rules, _) = store::settings::rules(ctx.env).await?;
    let link = link_hash(token).await?;
    let stored = find(&link, ctx, &rules).await?;
    // Counted per link (the hash stands for it): whoever holds it, wherever they are.
    let _counted = store::limits::take(ctx.env, &STATUS_LINK_ACTIONS, &link, ctx.now).await?;
    let request: ActionRequest = http::read_json(req).await?;
    let actor = Actor::Customer { user_id: None, name: stored.ticket.reporter.name.clone() };
    match perform(ctx, &stored, &actor, &request, &rules).await {
        Ok(()) => http::json(200, &view(ctx, find(&link, ctx, &rules).await?).await?),
        Err(error) if error.code == ErrorCode::VersionConflict => {
            let current = view(ctx, find(&link, ctx, &rules).await?).await?;
            http::json(409, &Conflict { error, current })
        }
        Err(error) => Err(error),
    }
}

/// `GET /api/status/{token}/calls/{call}.ics`: the calendar file for the link holder.
pub async fn invitation(token: &str, call_file: &str, req: &Request, ctx: &Ctx<'_>) -> Reply {
    let (rules, _) = store::settings::rules(ctx.env).await?;
    let stored = find(&link_hash(token).await?, ctx, &rules).await?;
    calendar_file(&stored, call_file, req, ctx).await
}
