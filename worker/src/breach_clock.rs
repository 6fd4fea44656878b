//! The sweep's part for data-breach cases: each case whose 72-hour clock reached a step
//! (24, 48, 66 hours: warnings; 72: escalation) gets it recorded once, with its mail.

use chrono::{DateTime, Utc};
use edgedesk_domain::ApiError;
use worker::Env;

use crate::store;

/// Records the steps due by `now`; how many cases it recorded steps for. A case another
/// run recorded first is left to it.
pub async fn sweep(env: &Env, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let mut recorded = 0;
    for due in store::breaches::due(env, now).await? {
        let reached = due.state.due_steps(&due.steps, now);
        if store::breaches::record_steps(env, &due, &reached, now).await? {
            recorded += 1;
        }
    }
    Ok(recorded)
}
