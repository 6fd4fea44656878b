//! The page's live connection: one WebSocket to the caller's room while someone is signed
//! in. Pages do not read the socket; they watch [`Live::refresh`], which fires when a
//! ticket changed, and on a timer while the socket is down (polling), so a list or a
//! ticket stays current either way. Presence rides on the same socket.

use std::time::Duration;

use edgedesk_domain::live::{ClientMessage, ServerMessage, Viewer};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, WebSocket};

use crate::session::use_session;

/// While the socket is down, pages refresh this often.
const POLL_SECONDS: u64 = 15;
/// A quiet socket is asked for a "pong" this often; one silent for two rounds is dead.
const PING_SECONDS: u64 = 20;
const SILENT_LIMIT_MS: f64 = 45_000.0;
/// Waits before reconnecting after each failure in a row (the last repeats).
const BACKOFF_SECONDS: [u64; 5] = [1, 2, 4, 8, 15];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Connection {
    /// No socket wanted (signed out) or the first attempt is under way.
    Idle,
    Live,
    /// The socket dropped: pages poll and say their view may be behind.
    Stale,
}

/// Why a page should look again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refresh {
    /// This ticket changed (a step, a reply, a new ticket).
    Ticket(i64),
    /// Anything may have changed: a poll while the socket is down, or a reconnect.
    Everything,
}

impl Refresh {
    pub fn concerns(self, ticket_id: i64) -> bool {
        match self {
            Refresh::Ticket(id) => id == ticket_id,
            Refresh::Everything => true,
        }
    }
}

struct Socket {
    ws: WebSocket,
    // Kept alive as long as the socket; dropping them detaches the handlers.
    _handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

#[derive(Clone, Copy)]
pub struct Live {
    pub connection: RwSignal<Connection>,
    pub refresh: RwSignal<Option<Refresh>>,
    /// The latest presence heard: who is on which ticket.
    pub presence: RwSignal<Option<(i64, Vec<Viewer>)>>,
    /// What this page has open, re-sent after every reconnect.
    doing: StoredValue<ClientMessage>,
    socket: StoredValue<Option<Socket>, LocalStorage>,
    failures: StoredValue<usize>,
    last_heard: StoredValue<f64>,
    wanted: StoredValue<bool>,
}

pub fn use_live() -> Live {
    expect_context::<Live>()
}

fn live_url() -> Option<String> {
    let location = window().location();
    let scheme = if location.protocol().ok()? == "https:" { "wss" } else { "ws" };
    Some(format!("{scheme}://{}/api/live", location.host().ok()?))
}

impl Live {
    /// Tells the room what this page has open (presence); kept for reconnects.
    pub fn set_doing(&self, doing: ClientMessage) {
        if self.doing.try_get_value() == Some(doing) {
            return;
        }
        self.doing.set_value(doing);
        self.send_doing();
    }

    fn send_doing(&self) {
        let Ok(text) = serde_json::to_string(&self.doing.get_value()) else { return };
        self.socket.with_value(|socket| {
            if let Some(socket) = socket.as_ref().filter(|s| s.ws.ready_state() == WebSocket::OPEN) {
                let _ = socket.ws.send_with_str(&text);
            }
        });
    }

    fn connect(self) {
        if !self.wanted.get_value() || self.socket.with_value(Option::is_some) {
            return;
        }
        let Some(url) = live_url() else { return };
        let Ok(ws) = WebSocket::new(&url) else {
            self.retry_later();
            return;
        };
        let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            self.failures.set_value(0);
            self.last_heard.set_value(js_sys::Date::now());
            let was_stale = self.connection.get_untracked() == Connection::Stale;
            self.connection.set(Connection::Live);
            self.send_doing();
            // Whatever changed while the socket was down is fetched once now.
            if was_stale {
                self.refresh.set(Some(Refresh::Everything));
            }
        });
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            self.last_heard.set_value(js_sys::Date::now());
            let Some(text) = event.dyn_ref::<MessageEvent>().and_then(|m| m.data().as_string()) else {
                return;
            };
            match serde_json::from_str::<ServerMessage>(&text) {
                Ok(ServerMessage::TicketChanged { ticket_id, .. }) => {
                    self.refresh.set(Some(Refresh::Ticket(ticket_id)))
                }
                Ok(ServerMessage::Presence { ticket_id, viewers }) => {
                    self.presence.set(Some((ticket_id, viewers)))
                }
                // "pong", or a message from a newer server: nothing to do.
                Err(_) => {}
            }
        });
        let on_close = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            self.socket.set_value(None);
            if self.wanted.get_value() {
                self.connection.set(Connection::Stale);
                self.retry_later();
            }
        });
        ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        self.socket.set_value(Some(Socket { ws, _handlers: vec![on_open, on_message, on_close] }));
    }

    fn retry_later(self) {
        let failures = self.failures.get_value();
        self.failures.set_value(failures + 1);
        let wait = BACKOFF_SECONDS[failures.min(BACKOFF_SECONDS.len() - 1)];
        set_timeout(move || self.connect(), Duration::from_secs(wait));
    }

    fn disconnect(self) {
        self.wanted.set_value(false);
        if let Some(socket) = self.socket.try_update_value(Option::take).flatten() {
            let _ = socket.ws.close();
        }
        self.connection.set(Connection::Idle);
    }

    /// Pings a quiet socket, and gives up on one that stopped answering (a laptop lid
    /// closed, a proxy that dropped it) so the close handler reconnects.
    fn keep_alive(self) {
        self.socket.with_value(|socket| {
            let Some(socket) = socket.as_ref().filter(|s| s.ws.ready_state() == WebSocket::OPEN) else {
                return;
            };
            if js_sys::Date::now() - self.last_heard.get_value() > SILENT_LIMIT_MS {
                let _ = socket.ws.close();
            } else {
                let _ = socket.ws.send_with_str("ping");
            }
        });
    }
}

/// Connects while a person is signed in; lives as long as the app.
pub fn provide_live() {
    let live = Live {
        connection: RwSignal::new(Connection::Idle),
        refresh: RwSignal::new(None),
        presence: RwSignal::new(None),
        doing: StoredValue::new(ClientMessage::Idle),
        socket: StoredValue::new_local(None),
        failures: StoredValue::new(0),
        last_heard: StoredValue::new(0.0),
        wanted: StoredValue::new(false),
    };
    provide_context(live);
    let session = use_session();
    Effect::new(move |_| {
        let signed_in = session.me().is_some();
        if signed_in && !live.wanted.get_value() {
            live.wanted.set_value(true);
            live.connect();
        } else if !signed_in && live.wanted.get_value() {
            live.disconnect();
        }
    });
    let _ = set_interval_with_handle(move || live.keep_alive(), Duration::from_secs(PING_SECONDS));
    let _ = set_interval_with_handle(
        move || {
            if live.connection.get_untracked() == Connection::Stale {
                live.refresh.set(Some(Refresh::Everything));
            }
        },
        Duration::from_secs(POLL_SECONDS),
    );
}
