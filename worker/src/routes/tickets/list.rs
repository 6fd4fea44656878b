use edgedesk_domain::paging::{Page, PageRequest};
use edgedesk_domain::policy;
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `GET /api/tickets?limit=&cursor=`: the tickets the caller may see, newest first,
/// keyset-paginated. Staff see all; customers their own (or their organisation's).
pub async fn list(req: &Request, ctx: &Ctx<'_>) -> Reply {
    let scope = policy::ticket_scope(ctx.principal())?;
    let page_request = PageRequest::from_query(&http::query_string(req))?;
    let rows = store::tickets::newest(ctx.env, scope, page_request).await?;
    http::json(200, &Page::from_rows(rows, page_request, |ticket| ticket.id))
}
