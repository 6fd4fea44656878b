//! Reports: the dashboard of a period and its raw results. Supervisors and admins see the
//! desk's; agents their own work (the domain fixes the agent filter); customers nothing.

use edgedesk_domain::csv::Csv;
use edgedesk_domain::message::Language;
use edgedesk_domain::report::{self, ReportQuery, ReportScope};
use edgedesk_domain::sla::zone::Zone;
use edgedesk_domain::ticket::{ticket_number, TicketKind};
use edgedesk_domain::{policy, ApiError, ErrorCode};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;
use crate::store::reports::{Answer, ExportRow, Period, EXPORT_ROWS};

/// The period the request asks for, cut into days of `zone`, with what the reader may see.
fn period(req: &Request, ctx: &Ctx<'_>, scope: ReportScope, zone: Zone) -> Result<Period, ApiError> {
    let today = report::local_day(&zone, ctx.now);
    let query = ReportQuery::from_query(&http::query_string(req), today)?.scoped(scope)?;
    let agent_only = matches!(scope, ReportScope::Agent(_));
    Ok(Period { query, zone, now: ctx.now, today, agent_only })
}

/// `GET /api/reports/dashboard?from&to&group&priority&tier&category&organisation&channel&agent`.
/// The days are cut in the zone this isolate last saw (else the default calendars'); the
/// batch confirms it, and only a desk whose zone just changed costs a second batch.
pub async fn dashboard(req: &Request, ctx: &Ctx<'_>) -> Reply {
    let scope = policy::report_scope(ctx.principal())?;
    let mut zone = report::desk_zone(&store::settings::remembered_sla().unwrap_or_default());
    let mut raw_only = false;
    for _ in 0..3 {
        match store::reports::dashboard(ctx.env, period(req, ctx, scope, zone.clone())?, raw_only).await? {
            Answer::Dashboard(dashboard) => return http::json(200, &dashboard),
            Answer::OtherZone(actual) => zone = actual,
            Answer::RollupsBehind => raw_only = true,
        }
    }
    Err(ApiError::new(ErrorCode::VersionConflict, "The desk's time zone changed twice; try again"))
}

/// `GET /api/reports/results?…&format=csv|json&lang=`: every stopped clock of the period,
/// one row per ticket, target and cycle, as the dashboard counted them.
pub async fn results(req: &Request, ctx: &Ctx<'_>) -> Reply {
    let (csv, lang) = report::export_format(&http::query_string(req))?;
    let scope = policy::report_scope(ctx.principal())?;
    let (settings, _) = store::settings::sla(ctx.env).await?;
    let period = period(req, ctx, scope, report::desk_zone(&settings))?;
    let rows = store::reports::results(ctx.env, &period).await?;
    if rows.len() as i64 > EXPORT_ROWS {
        return Err(ApiError::new(
            ErrorCode::InvalidValue,
            "More than 100,000 results: choose a shorter period",
        )
        .with_field("from"));
    }
    if !csv {
        return http::json(200, &rows);
    }
    let query = &period.query;
    let name = format!("edgedesk-results-{}-{}.csv", query.from, query.to);
    http::csv_download(results_csv(&rows, &period, lang), &name)
}

fn results_csv(rows: &[ExportRow], period: &Period, lang: Language) -> String {
    let da = lang == Language::Da;
    let header = if da {
        [
            "Sag",
            "Mål",
            "Cyklus",
            "Stoppet",
            "Minutter",
            "Mål (minutter)",
            "Overskredet",
            "Genåbnet",
            "Prioritet",
            "Niveau",
            "Kategori",
            "Organisation",
            "Kanal",
            "Medarbejder",
        ]
    } else {
        [
            "Ticket",
            "Target",
            "Cycle",
            "Stopped",
            "Minutes",
            "Target (minutes)",
            "Breached",
            "Reopened",
            "Priority",
            "Tier",
            "Category",
            "Organisation",
            "Channel",
            "Agent",
        ]
    };
    let mut out = Csv::new(lang);
    out.line(header);
    let yes_no = |flag: i64| match (flag != 0, da) {
        (true, false) => "yes",
        (true, true) => "ja",
        (false, false) => "no",
        (false, true) => "nej",
    };
    for row in rows {
        let kind = if row.kind == "request" { TicketKind::Request } else { TicketKind::Incident };
        let stopped = chrono::DateTime::from_timestamp_millis(row.stopped_at).unwrap_or_default();
        out.line([
            ticket_number(kind, row.ticket_id),
            target_word(&row.target, da).to_string(),
            row.cycle.to_string(),
            period.zone.to_local(stopped).format("%Y-%m-%d %H:%M").to_string(),
            row.minutes.to_string(),
            row.target_minutes.to_string(),
            yes_no(row.breached).to_string(),
            yes_no(row.reopened).to_string(),
            row.priority.clone().unwrap_or_default(),
            row.tier.to_uppercase(),
            row.category.clone().unwrap_or_default(),
            row.organisation.clone().unwrap_or_default(),
            channel_word(&row.channel, da).to_string(),
            row.agent.clone().unwrap_or_default(),
        ]);
    }
    out.finish()
}

fn target_word(target: &str, da: bool) -> &str {
    match (target, da) {
        ("first_response", false) => "First response",
        ("first_response", true) => "Første svar",
        ("resolution", false) => "Resolution",
        ("resolution", true) => "Løsning",
        (other, _) => other,
    }
}

fn channel_word(channel: &str, da: bool) -> &str {
    let words = [
        ("portal", "Portal", "Portal"),
        ("phone", "Phone", "Telefon"),
        ("email", "Email", "E-mail"),
        ("alert", "Monitoring alert", "Overvågningsalarm"),
    ];
    words.iter().find(|(code, ..)| *code == channel).map_or(channel, |(_, en, dk)| if da { dk } else { en })
}
