//! The scheduled sweep: records SLA warnings and breaches and runs their actions, records
//! the steps of data-breach cases' 72-hour clocks, rolls up the reports' changed days, closes
//! resolved tickets whose reopen window ended, delivers the outbox and the webhooks (after
//! the SLA step, so its notices go out in the same run; both count as messages), forgets
//! expired abuse-limit counters and day-old presence records, and records the run. Its
//! "now" for ticket rules is the time the platform scheduled it for, never the wall clock,
//! so tests can drive it at chosen times.

use edgedesk_domain::report;
use edgedesk_domain::sweep::SweepReport;
use worker::{console_error, Env, ScheduleContext, ScheduledEvent};

use crate::breach_clock;
use crate::clock;
use crate::delivery;
use crate::live;
use crate::sla;
use crate::store;
use crate::webhooks;

pub async fn run(event: &ScheduledEvent, env: &Env, ctx: &ScheduleContext) {
    let scheduled_at = clock::from_millis(event.schedule() as i64);
    let started_at = clock::now();
    let (swept, closed) = match store::settings::rules(env).await {
        Ok((rules, _)) => (
            sla::sweep(env, &rules, scheduled_at).await,
            store::tickets::close_expired(env, &rules, scheduled_at).await,
        ),
        Err(error) => (Err(error.clone()), Err(error)),
    };
    // Before delivery, so the clock's mail goes out in this run.
    let breaches = breach_clock::sweep(env, scheduled_at).await;
    // After the clocks, so the results this run stored are in their days' rollups. The
    // watermark follows the run's scheduled time, the "now" this run stamped its rows with.
    let rollups = match store::settings::sla(env).await {
        Ok((settings, _)) => store::reports::roll_up(env, &report::desk_zone(&settings), scheduled_at).await,
        Err(error) => Err(error),
    };
    let delivered = delivery::deliver_due(env, scheduled_at).await;
    let hooks = webhooks::deliver_due(env, scheduled_at).await;
    // Counters carry wall-clock expiry times, so they are compared with the wall clock.
    let housekeeping = match store::limits::forget_expired(env, clock::now()).await {
        Ok(()) => store::presence::forget_old(env, clock::now()).await,
        Err(error) => Err(error),
    };
    let one_ticket = swept.as_ref().ok().and_then(|swept| swept.failed.as_ref());
    let error = [
        swept.as_ref().err(),
        one_ticket,
        closed.as_ref().err(),
        breaches.as_ref().err(),
        rollups.as_ref().err(),
        delivered.as_ref().err(),
        hooks.as_ref().err(),
        housekeeping.as_ref().err(),
    ]
    .into_iter()
    .flatten()
    .map(|error| error.message.clone())
    .fold(Vec::<String>::new(), |mut messages, message| {
        // Two steps failing on the same cause (unreadable settings) say it once.
        if !messages.contains(&message) {
            messages.push(message);
        }
        messages
    });
    let error = (!error.is_empty()).then(|| error.join("; "));
    let (delivered, hooks) = (delivered.unwrap_or_default(), hooks.unwrap_or_default());
    let mut swept = swept.unwrap_or_default();
    live::after_sweep(ctx, env, std::mem::take(&mut swept.changed));
    let report = SweepReport {
        cron: event.cron(),
        scheduled_at,
        started_at,
        finished_at: clock::now(),
        tickets_examined: swept.examined,
        tickets_closed: closed.unwrap_or(0) as i64,
        messages_sent: delivered.sent + hooks.sent,
        messages_failed: delivered.failed + hooks.failed,
        sla_warnings: swept.warnings,
        sla_breaches: swept.breaches,
        sla_conflicts: swept.conflicts,
        error,
    };
    if let Err(error) = store::sweep_runs::record(env, &report).await {
        // Nowhere left to record it: the log is the last resort.
        console_error!("sweep at {scheduled_at} could not be recorded: {error}");
    }
}
