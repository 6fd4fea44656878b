//! The scheduled sweep. For now it counts the tickets it will examine for SLA deadlines,
//! forgets expired abuse-limit counters, and records the run. Its "now" for ticket rules is
//! the time the platform scheduled it for, never the wall clock, so tests can drive it at
//! chosen times.

use edgedesk_domain::sweep::SweepReport;
use worker::{console_error, Env, ScheduledEvent};

use crate::clock;
use crate::limits;
use crate::store;

pub async fn run(event: &ScheduledEvent, env: &Env) {
    let scheduled_at = clock::from_millis(event.schedule() as i64);
    let started_at = clock::now();
    let examined = store::tickets::count_open(env).await;
    // Counters carry wall-clock expiry times, so they are compared with the wall clock.
    let housekeeping = limits::forget_expired(env, clock::now()).await;
    let error = [examined.as_ref().err(), housekeeping.as_ref().err()]
        .into_iter()
        .flatten()
        .map(|error| error.message.clone())
        .reduce(|first, second| format!("{first}; {second}"));
    let report = SweepReport {
        cron: event.cron(),
        scheduled_at,
        started_at,
        finished_at: clock::now(),
        tickets_examined: examined.unwrap_or(0),
        error,
    };
    if let Err(error) = store::sweep_runs::record(env, &report).await {
        // Nowhere left to record it: the log is the last resort.
        console_error!("sweep at {scheduled_at} could not be recorded: {error}");
    }
}
