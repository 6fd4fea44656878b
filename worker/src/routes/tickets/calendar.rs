use edgedesk_domain::call;
use edgedesk_domain::ApiError;
use worker::{Headers, Request, Response};

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;
use crate::store::tickets::Stored;

use super::show::visible;

/// `GET /api/tickets/{id}/calls/{call}.ics`: the calendar invitation for a scheduled call,
/// for whoever may see the ticket.
pub async fn invitation(id: &str, call_file: &str, req: &Request, ctx: &Ctx<'_>) -> Reply {
    calendar_file(&visible(id, ctx).await?, call_file, req, ctx).await
}

/// The `.ics` answer for one of the ticket's calls (`{call}.ics` names it).
pub async fn calendar_file(stored: &Stored, call_file: &str, req: &Request, ctx: &Ctx<'_>) -> Reply {
    let call_id = http::path_id(call_file.strip_suffix(".ics").unwrap_or_default(), "Call")?;
    let calls = store::calls::of_ticket(ctx.env, stored.state.id).await?;
    let found = calls.iter().find(|call| call.id == call_id).ok_or_else(|| ApiError::not_found("Call"))?;
    let host = http::origin(req).split("://").nth(1).unwrap_or("edgedesk").to_string();
    let body = call::ics(
        found,
        &stored.ticket.public.number,
        &stored.state.title,
        &host,
        stored.ticket.public.reported_at,
    );
    let headers = Headers::new();
    headers.set("Content-Type", "text/calendar; charset=utf-8").map_err(http::internal)?;
    let file = format!("attachment; filename=\"{}-call-{call_id}.ics\"", stored.ticket.public.number);
    headers.set("Content-Disposition", &file).map_err(http::internal)?;
    Ok(Response::ok(body).map_err(http::internal)?.with_headers(headers))
}
