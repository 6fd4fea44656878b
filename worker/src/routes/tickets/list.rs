use edgedesk_domain::paging::{Page, PageRequest};
use worker::{Env, Request};

use crate::http::{self, Reply};
use crate::store;

/// `GET /api/tickets?limit=&cursor=`: newest first, keyset-paginated.
pub async fn list(req: &Request, env: &Env) -> Reply {
    let page_request = PageRequest::from_query(&http::query_string(req))?;
    let rows = store::tickets::newest(env, page_request).await?;
    http::json(200, &Page::from_rows(rows, page_request, |ticket| ticket.id))
}
