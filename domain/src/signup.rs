//! Sign-up with a confirmed address. Asking for an account answers the same whether or not
//! the address has one, so the form cannot be used to find out who is a customer: a new
//! address gets a link that creates the account; an address with an account gets a note
//! saying so, with the ways back in. The account exists only once its holder opens the link.

use chrono::{DateTime, Duration, Utc};

use crate::error::{ApiError, ErrorCode};
use crate::message::Message;

/// How long a confirmation link works.
pub const VALID_FOR_HOURS: i64 = 24;

/// When a link issued at `now` stops working.
pub fn expires_at(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::hours(VALID_FOR_HOURS)
}

/// The mail to a new address: the link that creates the account.
pub fn confirmation(link: String) -> Message {
    Message::ConfirmSignUp { link, valid_hours: VALID_FOR_HOURS }
}

/// The mail to an address that has an account already: how to get back in.
pub fn already_registered(sign_in: String, reset: String) -> Message {
    Message::AlreadyRegistered { sign_in, reset }
}

/// The answer to a link that cannot be used (unknown, used, expired, or the address taken
/// meanwhile: all alike).
pub fn link_expired() -> ApiError {
    ApiError::new(ErrorCode::ConfirmationExpired, "This link has expired or was already used; sign up again")
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_link_lasts_a_day_and_says_so() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        assert_eq!(expires_at(now) - now, Duration::hours(24));
        assert_eq!(confirmation("l".into()), Message::ConfirmSignUp { link: "l".into(), valid_hours: 24 });
        assert_eq!(link_expired().code.http_status(), 410);
    }
}
