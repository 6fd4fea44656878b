//! The ticket lifecycle as an explicit state machine: which status may follow which.
//!
//! ```text
//! new ─► open ─► in progress ─► pending customer / pending third party ─► resolved ─► closed
//!          ▲                                                                 │
//!          └──────────────────────────── reopen ─────────────────────────────┘
//! cancelled: requests only, from any status before resolved
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode};
use crate::ticket::TicketKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    Open,
    InProgress,
    PendingCustomer,
    PendingThirdParty,
    Resolved,
    Closed,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::New,
        Status::Open,
        Status::InProgress,
        Status::PendingCustomer,
        Status::PendingThirdParty,
        Status::Resolved,
        Status::Closed,
        Status::Cancelled,
    ];

    /// Statuses in which someone still has work to do (resolved waits on the customer).
    pub const ACTIVE: [Status; 5] =
        [Status::New, Status::Open, Status::InProgress, Status::PendingCustomer, Status::PendingThirdParty];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Open => "open",
            Status::InProgress => "in_progress",
            Status::PendingCustomer => "pending_customer",
            Status::PendingThirdParty => "pending_third_party",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.as_str() == text)
    }

    pub fn is_active(self) -> bool {
        Status::ACTIVE.contains(&self)
    }

    /// The statuses an agent sets directly while working a ticket; resolving, cancelling,
    /// reopening and closing have their own steps.
    pub fn is_working(self) -> bool {
        matches!(
            self,
            Status::Open | Status::InProgress | Status::PendingCustomer | Status::PendingThirdParty
        )
    }

    pub fn is_pending(self) -> bool {
        matches!(self, Status::PendingCustomer | Status::PendingThirdParty)
    }

    /// Closed and cancelled tickets are history: nothing changes them any more.
    pub fn is_final(self) -> bool {
        matches!(self, Status::Closed | Status::Cancelled)
    }

    /// Whether the state machine has an edge from `self` to `to` for a ticket of `kind`.
    pub fn may_become(self, to: Status, kind: TicketKind) -> bool {
        use Status::*;
        match (self, to) {
            (from, to) if from == to => false,
            (_, New) => false,
            (Resolved, Open | Closed) => true,
            (Resolved | Closed | Cancelled, _) => false,
            (_, Cancelled) => kind == TicketKind::Request,
            (_, Closed) => false,
            (_, Open | InProgress | PendingCustomer | PendingThirdParty | Resolved) => true,
        }
    }

    /// The step from `self` to `to`, or the error that explains why it is not allowed.
    pub fn transition(self, to: Status, kind: TicketKind) -> Result<Status, ApiError> {
        if self.is_final() {
            return Err(closed_error(self));
        }
        if self.may_become(to, kind) {
            Ok(to)
        } else {
            Err(ApiError::new(
                ErrorCode::InvalidTransition,
                format!("A {} ticket cannot become {}", self.as_str(), to.as_str()),
            )
            .with_field("status"))
        }
    }
}

/// The error for any change to a closed or cancelled ticket.
pub fn closed_error(status: Status) -> ApiError {
    ApiError::new(
        ErrorCode::TicketClosed,
        format!("This ticket is {} and can no longer change", status.as_str()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_storage_text() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("done"), None);
    }

    #[test]
    fn the_happy_path_is_allowed() {
        let path = [
            Status::New,
            Status::Open,
            Status::InProgress,
            Status::PendingCustomer,
            Status::Open,
            Status::Resolved,
            Status::Closed,
        ];
        for pair in path.windows(2) {
            assert!(pair[0].may_become(pair[1], TicketKind::Incident), "{pair:?}");
        }
    }

    #[test]
    fn final_statuses_have_no_way_out() {
        for from in [Status::Closed, Status::Cancelled] {
            for to in Status::ALL {
                assert!(!from.may_become(to, TicketKind::Request));
                if from != to {
                    assert_eq!(
                        from.transition(to, TicketKind::Request).unwrap_err().code,
                        ErrorCode::TicketClosed
                    );
                }
            }
        }
    }

    #[test]
    fn only_requests_are_cancelled_and_only_resolved_tickets_close() {
        assert!(!Status::Open.may_become(Status::Cancelled, TicketKind::Incident));
        assert!(Status::Open.may_become(Status::Cancelled, TicketKind::Request));
        assert!(!Status::Resolved.may_become(Status::Cancelled, TicketKind::Request));
        for from in Status::ACTIVE {
            assert!(!from.may_become(Status::Closed, TicketKind::Incident));
        }
        let refused = Status::Resolved.transition(Status::InProgress, TicketKind::Incident).unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidTransition);
        assert_eq!(refused.http_status(), 409);
    }

    #[test]
    fn nothing_returns_to_new() {
        for from in Status::ALL {
            assert!(!from.may_become(Status::New, TicketKind::Incident));
        }
    }
}
