//! The one error shape of the API: `{"code": "...", "message": "...", "field": "..."}`.
//!
//! `code` is stable and machine-readable (the SPA translates it); `message` is English for
//! people reading raw responses; `field` names the offending input when there is one.
//! Validation failures also list every field error in `errors`, so a form can mark all of
//! them at once; the top-level `code`/`field` repeat the first of them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Required,
    TooLong,
    InvalidEmail,
    InvalidPhone,
    InvalidCharacters,
    InvalidJson,
    UnsupportedMediaType,
    PayloadTooLarge,
    InvalidCursor,
    InvalidLimit,
    NotFound,
    MethodNotAllowed,
    /// No valid session or token: sign in.
    Unauthenticated,
    /// Signed in, but this is not for you (staff areas; customers get NotFound instead).
    Forbidden,
    /// A browser write from another site (CSRF defence).
    CrossOrigin,
    /// Email or password wrong; deliberately does not say which.
    InvalidCredentials,
    /// Another organisation already has this name.
    NameTaken,
    /// The one-time first-admin step was already taken.
    AlreadyBootstrapped,
    /// The write was based on an older version; the body carries the current state.
    VersionConflict,
    /// The change would leave the deployment without an active admin, or lock an admin out
    /// of their own account.
    LastAdmin,
    /// An invitation past its expiry (or already used).
    InvitationExpired,
    /// A password-reset link past its hour, already used, or never issued.
    ResetLinkExpired,
    /// A sign-up confirmation link past its day, already used, or for an address taken since.
    ConfirmationExpired,
    /// A role and tier that do not go together (agents have a tier, nobody else does).
    InvalidRole,
    WeakPassword,
    /// A value outside the allowed set or range (a score of 7, an unknown tier).
    InvalidValue,
    /// The state machine does not allow this step from the ticket's current status.
    InvalidTransition,
    /// Closed and cancelled tickets are read-only.
    TicketClosed,
    /// A resolved ticket can be reopened only within the configured number of days.
    ReopenWindowPassed,
    AlreadyRated,
    /// A closed breach case is read-only (its register entries stay).
    CaseClosed,
    /// A breach case closes only after its decisions: the field names the one missing.
    DecisionRequired,
    /// A state-changing write must name the version it was based on.
    VersionRequired,
    /// Too many attempts from this address or at this account; see `retry_after`.
    RateLimited,
    /// A live-updates address was opened without asking for a WebSocket.
    UpgradeRequired,
    StorageUnavailable,
    Internal,
    /// The SPA could not reach the API at all (never sent by the server).
    Network,
}

impl ErrorCode {
    /// The HTTP status the API answers with for this code.
    pub fn http_status(self) -> u16 {
        match self {
            Self::Required
            | Self::TooLong
            | Self::InvalidEmail
            | Self::InvalidPhone
            | Self::InvalidCharacters
            | Self::WeakPassword
            | Self::InvalidValue
            | Self::VersionRequired => 422,
            Self::Unauthenticated | Self::InvalidCredentials => 401,
            Self::Forbidden | Self::CrossOrigin => 403,
            Self::NameTaken
            | Self::AlreadyBootstrapped
            | Self::VersionConflict
            | Self::LastAdmin
            | Self::InvalidTransition
            | Self::TicketClosed
            | Self::ReopenWindowPassed
            | Self::AlreadyRated
            | Self::CaseClosed
            | Self::DecisionRequired => 409,
            Self::InvitationExpired | Self::ResetLinkExpired | Self::ConfirmationExpired => 410,
            Self::InvalidRole => 422,
            Self::RateLimited => 429,
            Self::InvalidJson | Self::InvalidCursor | Self::InvalidLimit => 400,
            Self::UnsupportedMediaType => 415,
            Self::PayloadTooLarge => 413,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::UpgradeRequired => 426,
            Self::StorageUnavailable => 503,
            Self::Internal | Self::Network => 500,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For `rate_limited`: seconds until trying again can succeed (also sent as `Retry-After`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<i64>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), field: None, errors: Vec::new(), retry_after: None }
    }

    /// A validation failure; the first field error is repeated at the top level.
    /// Returns `None` for an empty list so a caller cannot build an error that says nothing.
    pub fn from_field_errors(errors: Vec<FieldError>) -> Option<Self> {
        let first = errors.first()?.clone();
        Some(Self { field: Some(first.field), errors, ..Self::new(first.code, first.message) })
    }

    /// Names the input the error is about, so a form can show it beside that field.
    pub fn with_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_string());
        self
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} not found"))
    }

    pub fn http_status(&self) -> u16 {
        self.code.http_status()
    }

    /// Every field error, including a lone top-level one that came without a list.
    pub fn field_errors(&self) -> Vec<FieldError> {
        if !self.errors.is_empty() {
            return self.errors.clone();
        }
        match &self.field {
            Some(field) => {
                vec![FieldError { field: field.clone(), code: self.code, message: self.message.clone() }]
            }
            None => Vec::new(),
        }
    }
}

/// A 409 that carries what the caller's stale write would have overwritten, so they can
/// look again and decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict<T> {
    #[serde(flatten)]
    pub error: ApiError,
    pub current: T,
}

impl From<FieldError> for ApiError {
    fn from(error: FieldError) -> Self {
        Self::from_field_errors(vec![error]).expect("one error")
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_to_the_documented_shape() {
        let err = ApiError::from_field_errors(vec![FieldError {
            field: "email".into(),
            code: ErrorCode::InvalidEmail,
            message: "Enter a valid email address".into(),
        }])
        .unwrap();
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["code"], "invalid_email");
        assert_eq!(json["field"], "email");
        assert_eq!(json["message"], "Enter a valid email address");
        assert_eq!(json["errors"][0]["field"], "email");
        assert_eq!(err.http_status(), 422);
    }

    #[test]
    fn an_empty_error_list_is_not_an_error() {
        assert!(ApiError::from_field_errors(Vec::new()).is_none());
    }

    #[test]
    fn plain_errors_omit_field_and_list() {
        let json = serde_json::to_value(ApiError::not_found("Ticket")).unwrap();
        assert_eq!(json, serde_json::json!({"code": "not_found", "message": "Ticket not found"}));
    }

    #[test]
    fn a_lone_top_level_field_error_is_still_listed() {
        let mut err = ApiError::new(ErrorCode::Required, "Title is required");
        err.field = Some("title".into());
        assert_eq!(err.field_errors().len(), 1);
        assert_eq!(err.field_errors()[0].field, "title");
    }
}
