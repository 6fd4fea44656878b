use edgedesk_domain::paging::{Page, PageRequest};
use edgedesk_domain::policy::{self, TicketScope};
use edgedesk_domain::queue::QueueFilter;
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `GET /api/tickets?queue=&status=&priority=&tier=&category=&assignee=&organisation=&q=&sort=&limit=&cursor=`:
/// the tickets the caller may see, keyset-paginated. Staff use every queue and filter;
/// customers narrow their own tickets by open/closed, status and text.
pub async fn list(req: &Request, ctx: &Ctx<'_>) -> Reply {
    let scope = policy::ticket_scope(ctx.principal())?;
    let query = http::query_string(req);
    let page_request = PageRequest::from_query(&query)?;
    let filter = QueueFilter::from_query(&query)?;
    if scope != TicketScope::All {
        filter.for_customers()?;
    }
    let viewer = ctx.principal().map_or(0, |principal| principal.user_id);
    let mut rows = store::tickets::newest(ctx.env, scope, &filter, viewer, page_request).await?;
    if scope != TicketScope::All {
        // Warning levels and internal deadlines are for the desk; customers see promises.
        rows.iter_mut().for_each(|ticket| ticket.sla = None);
    }
    http::json(200, &Page::from_rows(rows, page_request, |ticket| ticket.id))
}
