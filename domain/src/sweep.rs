//! The record of one scheduled sweep (`GET /api/sweep-runs`). The cron wrapper reports
//! success to the platform whatever happens, so each run records its own outcome.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SweepRun {
    pub id: i64,
    pub cron: String,
    /// The time the platform scheduled the run for: the sweep's "now".
    pub scheduled_at: DateTime<Utc>,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub tickets_examined: i64,
    pub error: Option<String>,
}
