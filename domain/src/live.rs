//! Live updates: who hears about a ticket change, and the messages on the socket.
//!
//! A message never carries ticket content, only "ticket 42 is now at version 7": the page
//! that hears it asks the API again, where every read is authorised as usual. Rooms keep
//! customers apart: staff share the desk, a customer hears only about their own tickets
//! (or their organisation's, when it shares tickets).

use serde::{Deserialize, Serialize};

use crate::policy::{TicketOwner, TicketScope};

/// One group of listeners, held by one Durable Object instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    /// Every agent, lead and admin: all tickets and who is on which.
    Desk,
    Customer(i64),
    Organisation(i64),
}

impl Room {
    /// The Durable Object name of the room.
    pub fn name(self) -> String {
        match self {
            Room::Desk => "desk".to_string(),
            Room::Customer(id) => format!("customer-{id}"),
            Room::Organisation(id) => format!("organisation-{id}"),
        }
    }

    /// The one room a caller listens in, from what they may read.
    pub fn for_scope(scope: TicketScope) -> Room {
        match scope {
            TicketScope::All => Room::Desk,
            TicketScope::Own { customer_id } => Room::Customer(customer_id),
            TicketScope::Organisation { organisation_id, .. } => Room::Organisation(organisation_id),
        }
    }

    /// Every room that may read a ticket, so each hears about its changes.
    pub fn for_ticket(owner: TicketOwner) -> Vec<Room> {
        let mut rooms = vec![Room::Desk];
        rooms.extend(owner.customer_id.map(Room::Customer));
        rooms.extend(owner.organisation_id.map(Room::Organisation));
        rooms
    }

    /// Only staff see who else is on a ticket.
    pub fn shares_presence(self) -> bool {
        self == Room::Desk
    }
}

/// Someone with a ticket open in the desk room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub user_id: i64,
    pub name: String,
    /// Writing a reply or note right now.
    pub editing: bool,
}

/// From the server to a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage {
    /// The ticket changed (a step, a reply, a sweep); `version` is its new version.
    TicketChanged { ticket_id: i64, version: i64 },
    /// Everyone now on the ticket (the receiver included; pages leave themselves out).
    Presence { ticket_id: i64, viewers: Vec<Viewer> },
}

/// From a page to the server: what the agent has open, sent on every change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMessage {
    #[default]
    Idle,
    Viewing {
        ticket_id: i64,
        #[serde(default)]
        editing: bool,
    },
}

/// What the room remembers about one socket (it survives hibernation with the socket).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peer {
    pub user_id: i64,
    pub name: String,
    #[serde(default)]
    pub doing: ClientMessage,
}

impl Peer {
    pub fn ticket(&self) -> Option<i64> {
        match self.doing {
            ClientMessage::Viewing { ticket_id, .. } => Some(ticket_id),
            ClientMessage::Idle => None,
        }
    }
}

/// The viewers of `ticket_id` among the open sockets: one entry per person (two tabs are
/// one person, writing if either writes), writers first, then by name.
pub fn viewers(peers: &[Peer], ticket_id: i64) -> Vec<Viewer> {
    let mut viewers: Vec<Viewer> = Vec::new();
    for peer in peers {
        let ClientMessage::Viewing { ticket_id: on, editing } = peer.doing else { continue };
        if on != ticket_id {
            continue;
        }
        match viewers.iter_mut().find(|viewer| viewer.user_id == peer.user_id) {
            Some(viewer) => viewer.editing |= editing,
            None => viewers.push(Viewer { user_id: peer.user_id, name: peer.name.clone(), editing }),
        }
    }
    viewers.sort_by(|a, b| b.editing.cmp(&a.editing).then_with(|| a.name.cmp(&b.name)));
    viewers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_is_heard_by_the_desk_and_by_whoever_owns_it() {
        let owner = TicketOwner { customer_id: Some(7), organisation_id: Some(3) };
        assert_eq!(Room::for_ticket(owner), [Room::Desk, Room::Customer(7), Room::Organisation(3)]);
        let anonymous = TicketOwner { customer_id: None, organisation_id: None };
        assert_eq!(Room::for_ticket(anonymous), [Room::Desk]);
        assert_eq!(Room::for_scope(TicketScope::All), Room::Desk);
        assert_eq!(Room::for_scope(TicketScope::Own { customer_id: 7 }), Room::Customer(7));
        assert_eq!(
            Room::for_scope(TicketScope::Organisation { customer_id: 7, organisation_id: 3 }),
            Room::Organisation(3)
        );
        assert_eq!(Room::Customer(7).name(), "customer-7");
        assert!(Room::Desk.shares_presence() && !Room::Customer(7).shares_presence());
    }

    #[test]
    fn viewers_are_people_on_that_ticket_writers_first() {
        let peer = |user_id, name: &str, doing| Peer { user_id, name: name.into(), doing };
        let viewing = |ticket_id, editing| ClientMessage::Viewing { ticket_id, editing };
        let peers = [
            peer(1, "Bo", viewing(5, false)),
            peer(2, "Ann", viewing(5, false)),
            peer(3, "Cy", viewing(5, true)),
            peer(2, "Ann", viewing(5, true)),
            peer(4, "Dan", viewing(6, true)),
            peer(5, "Eve", ClientMessage::Idle),
        ];
        let names: Vec<(String, bool)> =
            viewers(&peers, 5).into_iter().map(|viewer| (viewer.name, viewer.editing)).collect();
        assert_eq!(names, [("Ann".to_string(), true), ("Cy".to_string(), true), ("Bo".to_string(), false)]);
    }

    #[test]
    fn messages_have_a_stable_wire_form() {
        let changed = ServerMessage::TicketChanged { ticket_id: 4, version: 9 };
        assert_eq!(
            serde_json::to_string(&changed).unwrap(),
            r#"{"type":"ticket_changed","ticket_id":4,"version":9}"#
        );
        let viewing: ClientMessage = serde_json::from_str(r#"{"type":"viewing","ticket_id":4}"#).unwrap();
        assert_eq!(viewing, ClientMessage::Viewing { ticket_id: 4, editing: false });
        assert!(serde_json::from_str::<ClientMessage>(r#"{"type":"shout"}"#).is_err());
    }
}
