//! The record of a scheduled sweep (`GET /api/sweep-runs`). The cron wrapper reports
//! success to the platform whatever happens, so each run records its own outcome.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What one run did, as the sweep writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepReport {
    pub cron: String,
    /// The time the platform scheduled the run for: the sweep's "now".
    pub scheduled_at: DateTime<Utc>,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    /// Tickets whose SLA clocks reached a step the sweep had not recorded.
    pub tickets_examined: i64,
    /// Resolved tickets closed because their reopen window ended.
    #[serde(default)]
    pub tickets_closed: i64,
    #[serde(default)]
    pub messages_sent: i64,
    /// Messages whose delivery failed this run (they are retried later).
    #[serde(default)]
    pub messages_failed: i64,
    #[serde(default)]
    pub sla_warnings: i64,
    #[serde(default)]
    pub sla_breaches: i64,
    /// Tickets another run or an agent changed first; the next run looks again.
    #[serde(default)]
    pub sla_conflicts: i64,
    pub error: Option<String>,
}

/// A stored [`SweepReport`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepRun {
    pub id: i64,
    #[serde(flatten)]
    pub report: SweepReport,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_run_serialises_flat() {
        let at = DateTime::from_timestamp_millis(1_700_000_000_000).unwrap();
        let run = SweepRun {
            id: 7,
            report: SweepReport {
                cron: "* * * * *".into(),
                scheduled_at: at,
                started_at: at,
                finished_at: at,
                tickets_examined: 3,
                tickets_closed: 1,
                messages_sent: 2,
                messages_failed: 0,
                sla_warnings: 1,
                sla_breaches: 0,
                sla_conflicts: 0,
                error: None,
            },
        };
        let json = serde_json::to_value(&run).unwrap();
        assert_eq!(json["id"], 7);
        assert_eq!(json["scheduled_at"], "2023-11-14T22:13:20Z");
        assert_eq!(json["tickets_examined"], 3);
        assert!(json["error"].is_null());
        assert_eq!(serde_json::from_value::<SweepRun>(json).unwrap(), run);
    }
}
