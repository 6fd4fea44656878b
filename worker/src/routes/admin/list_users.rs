use edgedesk_domain::paging::{Page, PageRequest};
use edgedesk_domain::policy;
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `GET /api/admin/users?limit=&cursor=`: every account, newest first (admins).
pub async fn list_users(req: &Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let page_request = PageRequest::from_query(&http::query_string(req))?;
    let rows = store::accounts::newest(ctx.env, page_request).await?;
    http::json(200, &Page::from_rows(rows, page_request, |user| user.id))
}
