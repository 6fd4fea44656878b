use edgedesk_domain::paging::{Page, PageRequest};
use edgedesk_domain::policy::{self, TicketScope};
use edgedesk_domain::queue::{Queue, QueueCount, QueueFilter};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;
use crate::store::ticket_list::Reader;

/// `GET /api/tickets?queue=&status=&priority=&tier=&category=&assignee=&organisation=&q=&sort=newest|oldest|updated|priority|due&limit=&cursor=`:
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
    let reader = match (scope, ctx.principal()) {
        (TicketScope::All, Some(principal)) => Reader::Staff { user_id: principal.user_id },
        _ => Reader::Customer,
    };
    let mut rows = store::ticket_list::page(ctx.env, scope, &filter, reader, page_request).await?;
    if scope != TicketScope::All {
        // Warning levels and internal deadlines are for the desk; customers see promises.
        rows.iter_mut().for_each(|ticket| ticket.sla = None);
    }
    http::json(200, &Page::from_rows(rows, page_request, |ticket| ticket.id))
}

/// `GET /api/queues` (staff): the console's sidebar for the caller, each queue with how
/// many active tickets it holds.
pub async fn queues(ctx: &Ctx<'_>) -> Reply {
    let principal = policy::staff(ctx.principal())?;
    let counts = store::ticket_list::counts(ctx.env, principal.user_id).await?;
    let sidebar: Vec<QueueCount> = Queue::sidebar(principal.tier)
        .into_iter()
        .map(|queue| QueueCount { queue: queue.name(), count: counts.of(queue) })
        .collect();
    http::json(200, &sidebar)
}
