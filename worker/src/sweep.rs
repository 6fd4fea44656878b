//! The scheduled sweep. For now it counts the tickets it will examine for SLA deadlines and
//! records the run; its "now" is the time the platform scheduled it for, never the wall
//! clock, so tests can drive it at chosen times.

use edgedesk_domain::sweep::SweepReport;
use worker::{console_error, Env, ScheduledEvent};

use crate::clock;
use crate::store;

pub async fn run(event: &ScheduledEvent, env: &Env) {
    let scheduled_at = clock::from_millis(event.schedule() as i64);
    let started_at = clock::now();
    let outcome = store::tickets::count_open(env).await;
    let report = SweepReport {
        cron: event.cron(),
        scheduled_at,
        started_at,
        finished_at: clock::now(),
        tickets_examined: outcome.as_ref().map_or(0, |count| *count),
        error: outcome.err().map(|error| error.message),
    };
    if let Err(error) = store::sweep_runs::record(env, &report).await {
        // Nowhere left to record it: the log is the last resort.
        console_error!("sweep at {scheduled_at} could not be recorded: {error}");
    }
}
