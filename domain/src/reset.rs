//! Password reset: a single-use link, mailed to the account's address, that expires.
//! Asking for one answers the same whether or not the address has an account.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::check_new_password;
use crate::error::{ApiError, ErrorCode};
use crate::message::Message;
use crate::validation;

/// How long a reset link works.
pub const VALID_FOR_MINUTES: i64 = 60;

/// `POST /api/auth/password-reset`: the address to send a link to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    pub email: String,
}

impl ResetRequest {
    /// The address, normalised as accounts store it (lower-case).
    pub fn validate(&self) -> Result<String, ApiError> {
        validation::email("email", &self.email)
            .map(|email| email.to_lowercase())
            .map_err(|error| ApiError::new(error.code, error.message.clone()).with_field(&error.field))
    }
}

/// `POST /api/auth/password-reset/{token}`: the new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewPassword {
    pub password: String,
}

impl NewPassword {
    /// The same rules as at sign-up, against the account's own address.
    pub fn validate(&self, email: &str) -> Result<(), ApiError> {
        check_new_password(&self.password, email)
            .map_err(|error| ApiError::new(error.code, error.message.clone()).with_field(&error.field))
    }
}

/// When a link issued at `now` stops working.
pub fn expires_at(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::minutes(VALID_FOR_MINUTES)
}

/// The mail with the link.
pub fn message(link: String) -> Message {
    Message::PasswordReset { link, valid_minutes: VALID_FOR_MINUTES }
}

/// The answer to a link that cannot be used (unknown, used, expired: all alike).
pub fn link_expired() -> ApiError {
    ApiError::new(ErrorCode::ResetLinkExpired, "This link has expired or was already used; ask for a new one")
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_link_lasts_an_hour_and_a_new_password_follows_the_sign_up_rules() {
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        assert_eq!(expires_at(now) - now, Duration::hours(1));
        let weak = NewPassword { password: "short".into() }.validate("ada@example.com").unwrap_err();
        assert_eq!((weak.code, weak.field.as_deref()), (ErrorCode::WeakPassword, Some("password")));
        let own = NewPassword { password: "ada@example.com".into() }.validate("ada@example.com");
        assert!(own.is_err());
        assert!(NewPassword { password: "a much better passphrase".into() }
            .validate("ada@example.com")
            .is_ok());
        assert_eq!(
            ResetRequest { email: "not an address".into() }.validate().unwrap_err().field.as_deref(),
            Some("email")
        );
        assert_eq!(ResetRequest { email: " Ada@Example.com ".into() }.validate().unwrap(), "ada@example.com");
        assert_eq!(link_expired().http_status(), 410);
    }
}
