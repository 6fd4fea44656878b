use edgedesk_domain::sweep::{SweepReport, SweepRun};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::{all, db, run};
use crate::clock::from_millis;

pub async fn record(env: &Env, report: &SweepReport) -> Result<(), ApiError> {
    let db = db(env)?;
    run(query!(
        &db,
        "INSERT INTO sweep_runs (cron, scheduled_at, started_at, finished_at, tickets_examined, error,
                                 tickets_closed, messages_sent, messages_failed, sla_warnings, sla_breaches,
                                 sla_conflicts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        &report.cron,
        report.scheduled_at.timestamp_millis(),
        report.started_at.timestamp_millis(),
        report.finished_at.timestamp_millis(),
        report.tickets_examined,
        &report.error,
        report.tickets_closed,
        report.messages_sent,
        report.messages_failed,
        report.sla_warnings,
        report.sla_breaches,
        report.sla_conflicts
    ))
    .await?;
    Ok(())
}

#[derive(Deserialize)]
struct SweepRunRow {
    id: i64,
    cron: String,
    scheduled_at: i64,
    started_at: i64,
    finished_at: i64,
    tickets_examined: i64,
    tickets_closed: i64,
    messages_sent: i64,
    messages_failed: i64,
    sla_warnings: i64,
    sla_breaches: i64,
    sla_conflicts: i64,
    error: Option<String>,
}

pub async fn recent(env: &Env, limit: u32) -> Result<Vec<SweepRun>, ApiError> {
    let db = db(env)?;
    let rows =
        all::<SweepRunRow>(query!(&db, "SELECT * FROM sweep_runs ORDER BY id DESC LIMIT ?1", limit)).await?;
    Ok(rows
        .into_iter()
        .map(|row| SweepRun {
            id: row.id,
            report: SweepReport {
                cron: row.cron,
                scheduled_at: from_millis(row.scheduled_at),
                started_at: from_millis(row.started_at),
                finished_at: from_millis(row.finished_at),
                tickets_examined: row.tickets_examined,
                tickets_closed: row.tickets_closed,
                messages_sent: row.messages_sent,
                messages_failed: row.messages_failed,
                sla_warnings: row.sla_warnings,
                sla_breaches: row.sla_breaches,
                sla_conflicts: row.sla_conflicts,
                error: row.error,
            },
        })
        .collect())
}
