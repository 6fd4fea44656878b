//! Abuse limits: how many attempts of a kind one subject (an account, a client address) may
//! make in any window of time (a sliding window: the last `window_seconds` before now, not a
//! clock-aligned slot, so no burst fits twice the limit across a boundary). The Worker
//! stores one row per attempt in D1 and takes an attempt in one statement; the arithmetic
//! is here.

use chrono::{DateTime, Utc};

use crate::error::{ApiError, ErrorCode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Part of the counter key; stable across releases.
    pub name: &'static str,
    pub max: u32,
    pub window_seconds: i64,
}

/// Guessing one account's password: a person mistypes a few times, a script many.
pub const FAILED_LOGINS_PER_ACCOUNT: Limit = Limit { name: "login-account", max: 5, window_seconds: 15 * 60 };
/// Guessing across accounts from one address (an office behind one NAT gets some room).
pub const FAILED_LOGINS_PER_ADDRESS: Limit =
    Limit { name: "login-address", max: 30, window_seconds: 15 * 60 };
/// Asking for password-reset links, per client address (each asks D1 and may send a mail).
pub const PASSWORD_RESETS_PER_ADDRESS: Limit =
    Limit { name: "reset-address", max: 10, window_seconds: 60 * 60 };

/// Asking for accounts from one address: each request may send a mail, confirmed or not.
pub const SIGNUPS_PER_ADDRESS: Limit = Limit { name: "signup-address", max: 30, window_seconds: 60 * 60 };
/// Tickets from people who are not signed in (the public form).
pub const ANONYMOUS_TICKETS_PER_ADDRESS: Limit =
    Limit { name: "ticket-address", max: 30, window_seconds: 60 * 60 };

/// Mail to the desk's address from one sender: each may open a ticket and be answered.
pub const MAILS_PER_SENDER: Limit = Limit { name: "mail-sender", max: 30, window_seconds: 60 * 60 };

/// Steps through one status link (replies, reopen…): a link leaked to a script must not
/// flood the desk's queue and mailboxes.
pub const STATUS_LINK_ACTIONS: Limit = Limit { name: "status-link", max: 30, window_seconds: 60 * 60 };

impl Limit {
    /// The attempts of `subject` under this limit (one key, whatever the time).
    pub fn key(&self, subject: &str) -> String {
        format!("limit:{}:{}", self.name, subject.to_lowercase())
    }

    pub fn window_ms(&self) -> i64 {
        self.window_seconds * 1000
    }

    /// Attempts made after this instant (ms) are inside the window that ends `now`.
    pub fn window_opened_at(&self, now: DateTime<Utc>) -> i64 {
        now.timestamp_millis() - self.window_ms()
    }

    /// The 429 for a subject whose oldest attempt in the window was at `oldest` (ms): it
    /// may try again once that attempt leaves the window (at least 1 second from now).
    pub fn refusal(&self, oldest: Option<i64>, now: DateTime<Utc>) -> ApiError {
        let leaves_at = oldest.map_or(now.timestamp_millis(), |at| at + self.window_ms());
        let retry_after = ((leaves_at - now.timestamp_millis() + 999) / 1000).max(1);
        ApiError {
            retry_after: Some(retry_after),
            ..ApiError::new(
                ErrorCode::RateLimited,
                format!("Too many attempts; try again in {} minutes", (retry_after + 59) / 60),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: Limit = Limit { name: "test", max: 3, window_seconds: 600 };

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap()
    }

    #[test]
    fn a_refusal_waits_until_the_oldest_attempt_leaves_the_window() {
        let refused = LIMIT.refusal(Some(1_000_000), at(1_200));
        assert_eq!(refused.code, ErrorCode::RateLimited);
        assert_eq!(refused.http_status(), 429);
        assert_eq!(refused.retry_after, Some(400)); // 1,000 s + 600 s window − 1,200 s
        assert_eq!(LIMIT.refusal(Some(600_500), at(1_200)).retry_after, Some(1)); // rounds up
        assert_eq!(LIMIT.refusal(None, at(1_200)).retry_after, Some(1));
    }

    #[test]
    fn the_window_slides_with_now_and_keys_do_not_change_with_time() {
        assert_eq!(LIMIT.window_opened_at(at(1_199)), 599_000);
        assert_eq!(LIMIT.window_opened_at(at(1_200)), 600_000);
        assert_eq!(LIMIT.key("A@B.dk"), "limit:test:a@b.dk");
    }
}
