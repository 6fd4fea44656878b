//! The Worker's only source of wall-clock time. The domain never reads a clock; handlers
//! read it here once per request and pass it down.

use chrono::{DateTime, Utc};

pub fn now() -> DateTime<Utc> {
    from_millis(worker::Date::now().as_millis() as i64)
}

/// Milliseconds since the Unix epoch, as stored in D1 and as JS hands them out.
pub fn from_millis(millis: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}
