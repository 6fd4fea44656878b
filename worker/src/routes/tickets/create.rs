use edgedesk_domain::ticket::{ticket_number, CreatedTicket, NewTicket, TicketKind};
use worker::{Env, Request};

use crate::clock;
use crate::http::{self, Reply};
use crate::store;

/// `POST /api/tickets`: a customer reports a problem from the portal.
pub async fn create(req: &mut Request, env: &Env) -> Reply {
    let report: NewTicket = http::read_json(req).await?;
    let ticket = report.validate()?;
    let reported_at = clock::now();
    let kind = TicketKind::Incident;
    let id = store::tickets::insert(env, &ticket, kind, reported_at).await?;
    http::json(201, &CreatedTicket { id, number: ticket_number(kind, id), reported_at })
}
