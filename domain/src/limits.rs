//! Abuse limits: how many attempts of a kind one subject (an account, a client address) may
//! make per fixed time window. The Worker counts in D1; the arithmetic is here.

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
pub const SIGNUPS_PER_ADDRESS: Limit = Limit { name: "signup-address", max: 20, window_seconds: 60 * 60 };
/// Tickets from people who are not signed in (the public form).
pub const ANONYMOUS_TICKETS_PER_ADDRESS: Limit =
    Limit { name: "ticket-address", max: 30, window_seconds: 60 * 60 };

/// Steps through one status link (replies, reopen…): a link leaked to a script must not
/// flood the desk's queue and mailboxes.
pub const STATUS_LINK_ACTIONS: Limit = Limit { name: "status-link", max: 30, window_seconds: 60 * 60 };

impl Limit {
    fn window_start(&self, now: DateTime<Utc>) -> i64 {
        now.timestamp().div_euclid(self.window_seconds) * self.window_seconds
    }

    /// The counter for `subject` in the window that contains `now`.
    pub fn key(&self, subject: &str, now: DateTime<Utc>) -> String {
        format!("limit:{}:{}:{}", self.name, self.window_start(now), subject.to_lowercase())
    }

    /// Seconds until the current window ends (at least 1).
    pub fn retry_after(&self, now: DateTime<Utc>) -> i64 {
        (self.window_start(now) + self.window_seconds - now.timestamp()).max(1)
    }

    /// Refuses when `count` attempts were already made in this window.
    pub fn check(&self, count: u32, now: DateTime<Utc>) -> Result<(), ApiError> {
        if count < self.max {
            return Ok(());
        }
        let retry_after = self.retry_after(now);
        Err(ApiError {
            retry_after: Some(retry_after),
            ..ApiError::new(
                ErrorCode::RateLimited,
                format!("Too many attempts; try again in {} minutes", (retry_after + 59) / 60),
            )
        })
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
    fn allows_up_to_max_then_refuses_with_the_rest_of_the_window() {
        assert!(LIMIT.check(2, at(1_000)).is_ok());
        let refused = LIMIT.check(3, at(1_000)).unwrap_err();
        assert_eq!(refused.code, ErrorCode::RateLimited);
        assert_eq!(refused.http_status(), 429);
        assert_eq!(refused.retry_after, Some(200)); // window 600..1200
    }

    #[test]
    fn windows_are_fixed_and_keys_change_with_them() {
        assert_eq!(LIMIT.key("A@B.dk", at(1_199)), "limit:test:600:a@b.dk");
        assert_ne!(LIMIT.key("a@b.dk", at(1_199)), LIMIT.key("a@b.dk", at(1_200)));
        assert_eq!(LIMIT.retry_after(at(1_199)), 1);
    }
}
