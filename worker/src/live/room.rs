//! The Durable Object behind each live-updates room. It holds the room's WebSockets with
//! the hibernation API, so an idle room costs nothing and its sockets survive eviction:
//! what it knows about each socket (who, which ticket) rides on the socket's attachment.
//!
//! Only the Worker reaches it (there is no public route to a Durable Object): the Worker
//! has already checked who is connecting and passes them in [`PEER_HEADER`].

use edgedesk_domain::live::{self, ClientMessage, Peer, ServerMessage};
use worker::{
    durable_object, worker_sys::WebSocketRequestResponsePair, DurableObject, Env, Error, Method, Request,
    Response, Result, State, WebSocket, WebSocketIncomingMessage, WebSocketPair,
};

/// The authenticated caller, as JSON [`Peer`], on the Worker's upgrade request.
pub const PEER_HEADER: &str = "x-edgedesk-peer";
/// Set on that request when the caller is staff: their socket shares presence.
pub const DESK_HEADER: &str = "x-edgedesk-desk";
/// The tag of staff sockets (tags survive hibernation with the socket).
const DESK_TAG: &str = "desk";
/// The path the Worker posts a [`ServerMessage`] to, for the room to pass on.
pub const PUBLISH_PATH: &str = "/publish";

/// Pages send this every few seconds; the runtime answers without waking the object.
const PING: &str = "ping";
const PONG: &str = "pong";
/// `WebSocket.OPEN`.
const OPEN: u16 = 1;
/// Presence larger than this is not a person but a bug; refuse it.
const MAX_CLIENT_MESSAGE_BYTES: usize = 512;

#[durable_object]
pub struct LiveRoom {
    state: State,
}

impl DurableObject for LiveRoom {
    fn new(state: State, _env: Env) -> Self {
        if let Ok(pair) = WebSocketRequestResponsePair::new(PING, PONG) {
            state.set_websocket_auto_response(&pair);
        }
        Self { state }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        if req.method() == Method::Post && req.path() == PUBLISH_PATH {
            let message: ServerMessage = req.json().await?;
            self.broadcast(&message);
            return Response::empty().map(|response| response.with_status(204));
        }
        let peer: Peer = req
            .headers()
            .get(PEER_HEADER)?
            .and_then(|text| serde_json::from_str(&text).ok())
            .ok_or_else(|| Error::RustError("upgrade without a peer".into()))?;
        let pair = WebSocketPair::new()?;
        if req.headers().has(DESK_HEADER)? {
            self.state.accept_websocket_with_tags(&pair.server, &[DESK_TAG]);
        } else {
            self.state.accept_web_socket(&pair.server);
        }
        pair.server.serialize_attachment(&peer)?;
        Response::from_websocket(pair.client)
    }

    async fn websocket_message(&self, ws: WebSocket, message: WebSocketIncomingMessage) -> Result<()> {
        let WebSocketIncomingMessage::String(text) = message else { return Ok(()) };
        if !self.at_desk(&ws) {
            return Ok(());
        }
        let Some(mut peer) = ws.deserialize_attachment::<Peer>()? else { return Ok(()) };
        // Anything unreadable is ignored: the page keeps working on polling.
        let Some(doing) = (text.len() <= MAX_CLIENT_MESSAGE_BYTES)
            .then(|| serde_json::from_str::<ClientMessage>(&text).ok())
            .flatten()
        else {
            return Ok(());
        };
        let before = peer.ticket();
        peer.doing = doing;
        ws.serialize_attachment(&peer)?;
        self.announce_presence(before);
        if peer.ticket() != before {
            self.announce_presence(peer.ticket());
        }
        Ok(())
    }

    async fn websocket_close(
        &self,
        ws: WebSocket,
        _code: usize,
        _reason: String,
        _clean: bool,
    ) -> Result<()> {
        self.leave(&ws)
    }

    async fn websocket_error(&self, ws: WebSocket, _error: Error) -> Result<()> {
        self.leave(&ws)
    }
}

impl LiveRoom {
    fn at_desk(&self, ws: &WebSocket) -> bool {
        self.state.get_tags(ws).iter().any(|tag| tag == DESK_TAG)
    }

    /// The staff sockets still open (a closing one may linger in the list), with who is on each.
    fn staff(&self) -> Vec<(WebSocket, Peer)> {
        let sockets = self.state.get_websockets_with_tag(DESK_TAG);
        sockets
            .into_iter()
            .filter_map(|ws| {
                let open = AsRef::<web_sys::WebSocket>::as_ref(&ws).ready_state() == OPEN;
                let peer = ws.deserialize_attachment::<Peer>().ok().flatten();
                peer.filter(|_| open).map(|peer| (ws, peer))
            })
            .collect()
    }

    /// Sends to every socket. One that cannot take it is closing; its close handler
    /// tidies up.
    fn broadcast(&self, message: &ServerMessage) {
        let Ok(text) = serde_json::to_string(message) else { return };
        for ws in self.state.get_websockets() {
            let _ = ws.send_with_str(&text);
        }
    }

    /// Tells the staff on `ticket` who is on it now; customers never hear presence.
    fn announce_presence(&self, ticket: Option<i64>) {
        let Some(ticket_id) = ticket else { return };
        let staff = self.staff();
        let peers: Vec<Peer> = staff.iter().map(|(_, peer)| peer.clone()).collect();
        let message = ServerMessage::Presence { ticket_id, viewers: live::viewers(&peers, ticket_id) };
        let Ok(text) = serde_json::to_string(&message) else { return };
        for (ws, peer) in staff {
            if peer.ticket() == Some(ticket_id) {
                let _ = ws.send_with_str(&text);
            }
        }
    }

    fn leave(&self, ws: &WebSocket) -> Result<()> {
        if !self.at_desk(ws) {
            return Ok(());
        }
        let ticket = ws.deserialize_attachment::<Peer>().ok().flatten().and_then(|peer| peer.ticket());
        // The closing socket may still be listed; it is no longer OPEN, so it is left out.
        self.announce_presence(ticket);
        Ok(())
    }
}
