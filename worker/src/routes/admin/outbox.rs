use edgedesk_domain::inbound::Inbox;
use edgedesk_domain::paging::{Page, PageRequest};
use edgedesk_domain::policy;
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::{mail, store};

/// `GET /api/admin/outbox`: the dev mailbox, every outgoing message newest first with its
/// delivery state (admins).
pub async fn list_outbox(req: &Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let page = PageRequest::from_query(&http::query_string(req))?;
    let rows = store::outbox::newest(ctx.env, page.before_id, page.fetch_limit()).await?;
    http::json(200, &Page::from_rows(rows, page, |message| message.id))
}

/// `GET /api/admin/inbox`: the mail the desk's address received, newest first, with what
/// became of each (admins), and the address itself.
pub async fn list_inbox(req: &Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let page = PageRequest::from_query(&http::query_string(req))?;
    let rows = store::inbound_mail::newest(ctx.env, page.before_id, page.fetch_limit()).await?;
    let Page { items, next_cursor } = Page::from_rows(rows, page, |mail| mail.id);
    http::json(200, &Inbox { address: mail::desk_address(ctx.env), items, next_cursor })
}
