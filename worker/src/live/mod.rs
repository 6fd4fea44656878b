//! Live updates: pages hold a WebSocket to their room (a Durable Object), and every stored
//! change to a ticket is published to the rooms that may read it. Publishing is a
//! courtesy: it never fails or delays the write (pages fall back to polling).

mod room;

use edgedesk_domain::live::{Peer, Room, ServerMessage};
use edgedesk_domain::policy::{self, TicketOwner};
use edgedesk_domain::{ApiError, ErrorCode};
use worker::{console_warn, Env, Headers, Method, Request, RequestInit, Response, ScheduleContext};

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;
use room::{DESK_HEADER, PEER_HEADER, PUBLISH_PATH};

/// The Durable Object namespace in wrangler.toml.
const BINDING: &str = "LIVE";
/// Requests to a Durable Object need an absolute URL; only the path means anything.
const ROOM_ORIGIN: &str = "https://live.internal";

fn unavailable(cause: worker::Error) -> ApiError {
    console_warn!("live updates unavailable: {cause}");
    ApiError::new(ErrorCode::StorageUnavailable, "Live updates are unavailable; pages refresh by themselves")
}

fn room_stub(env: &Env, room: Room) -> worker::Result<worker::Stub> {
    env.durable_object(BINDING)?.id_from_name(&room.name())?.get_stub()
}

/// `GET /api/live` with `Upgrade: websocket` (a signed-in person): joins the caller's room.
pub async fn connect(req: &Request, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::person(ctx.principal())?;
    // Browsers send cookies with a cross-site WebSocket too; only our own pages may listen.
    http::require_same_origin(req)?;
    let upgrade = req.headers().get("upgrade").ok().flatten().unwrap_or_default();
    if !upgrade.eq_ignore_ascii_case("websocket") {
        return Err(ApiError::new(ErrorCode::UpgradeRequired, "Open this address as a WebSocket"));
    }
    let room = Room::for_scope(policy::ticket_scope(Some(principal))?);
    let peer = Peer { user_id: principal.user_id, name: principal.name.clone(), doing: Default::default() };
    let headers = Headers::new();
    let peer = serde_json::to_string(&peer).map_err(http::internal)?;
    let set = |name: &str, value: &str| headers.set(name, value).map_err(http::internal);
    set("upgrade", "websocket")?;
    set(PEER_HEADER, &peer)?;
    if room.shares_presence() {
        set(DESK_HEADER, "1")?;
    }
    let request =
        Request::new_with_init(&format!("{ROOM_ORIGIN}/connect"), RequestInit::new().with_headers(headers))
            .map_err(http::internal)?;
    room_stub(ctx.env, room).map_err(unavailable)?.fetch_with_request(request).await.map_err(unavailable)
}

/// A stored change of a ticket, for its readers.
#[derive(Debug, Clone, Copy)]
pub struct Change {
    pub ticket_id: i64,
    pub version: i64,
    pub owner: TicketOwner,
}

/// Tells the readers of each change, after the sweep that made them has finished.
pub fn after_sweep(ctx: &ScheduleContext, env: &Env, changes: Vec<Change>) {
    if changes.is_empty() {
        return;
    }
    let env = env.clone();
    ctx.wait_until(async move {
        for change in changes {
            publish(&env, change.ticket_id, change.version, change.owner).await;
        }
    });
}

/// Tells every room that may read the ticket that it changed, after the response is sent.
pub fn ticket_changed(ctx: &Ctx<'_>, ticket_id: i64, version: i64, owner: TicketOwner) {
    let env = ctx.env.clone();
    ctx.background.wait_until(async move { publish(&env, ticket_id, version, owner).await });
}

/// A step on a major incident that also changed its linked tickets (a broadcast update, a
/// shared resolution): their readers hear of it too, found after the response is sent.
pub fn linked_changed(ctx: &Ctx<'_>, major_id: i64) {
    let env = ctx.env.clone();
    ctx.background.wait_until(async move {
        match store::tickets::linked_to(&env, major_id).await {
            Ok(linked) => {
                for ticket in linked {
                    publish(&env, ticket.id, ticket.version, ticket.owner()).await;
                }
            }
            Err(error) => console_warn!("could not find the tickets linked to {major_id}: {}", error.message),
        }
    });
}

/// Tells every room that may read the ticket that it changed, now (the cron sweep, which
/// has no response to send first).
async fn publish(env: &Env, ticket_id: i64, version: i64, owner: TicketOwner) {
    let Ok(body) = serde_json::to_string(&ServerMessage::TicketChanged { ticket_id, version }) else {
        return;
    };
    for room in Room::for_ticket(owner) {
        let sent = async {
            let mut init = RequestInit::new();
            init.with_method(Method::Post).with_body(Some(body.as_str().into()));
            let request = Request::new_with_init(&format!("{ROOM_ORIGIN}{PUBLISH_PATH}"), &init)?;
            room_stub(env, room)?.fetch_with_request(request).await.map(|_: Response| ())
        };
        if let Err(error) = sent.await {
            console_warn!("could not publish a change of ticket {ticket_id}: {error}");
        }
    }
}
