//! Notifications wait in an outbox written in the same D1 batch as the change they report;
//! a delivery step sends them later and retries with backoff until they go through.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Where a message goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxChannel {
    Email,
    /// A chat webhook (Slack/Teams-style incoming webhook).
    Chat,
}

/// One outgoing message, as the dev mailbox shows it (`GET /api/admin/outbox`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: i64,
    pub ticket_id: Option<i64>,
    pub channel: OutboxChannel,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// Not sent before this time (reminders, and retries after a failure).
    pub send_after: DateTime<Utc>,
    pub attempts: i64,
    pub delivered_at: Option<DateTime<Utc>>,
    /// Where it went: the adapter that accepted it ("http", "webhook", "dev-mailbox").
    pub delivered_via: Option<String>,
    pub last_error: Option<String>,
}

/// How long to wait after the `attempts`-th failure: 1 min, 2, 4 … capped at 6 hours.
/// Messages are never dropped; a failing one stays visible with its last error.
pub fn retry_delay(attempts: i64) -> Duration {
    let exponent = attempts.clamp(1, 20) - 1;
    Duration::minutes(1i64 << exponent).min(Duration::hours(6))
}

/// Stands for the ticket number in notices; filled in when a message is read or sent, so a
/// notice can be written in the same batch that creates its ticket (before the id exists).
pub const NUMBER: &str = "{number}";

/// Messages handed to delivery per sweep run, so one slow mail API cannot stall the cron.
pub const DELIVERY_BATCH: i64 = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(retry_delay(1), Duration::minutes(1));
        assert_eq!(retry_delay(2), Duration::minutes(2));
        assert_eq!(retry_delay(5), Duration::minutes(16));
        assert_eq!(retry_delay(12), Duration::hours(6));
        assert_eq!(retry_delay(1000), Duration::hours(6));
        for attempts in 1..40 {
            assert!(retry_delay(attempts + 1) >= retry_delay(attempts));
        }
    }
}
