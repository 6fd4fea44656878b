//! The dashboard's reads, in one batch: every statement walks an index over the period
//! (`sla_results_by_stop`, `tickets_by_reported`) or the open backlog (`tickets_active`),
//! never the whole history. Filters and bounds are typed values (enums, ids, instants),
//! formatted into the SQL as literals: nothing a person typed reaches it as text.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use edgedesk_domain::auth::Tier;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::report::{
    bucket_limits, day_runs, day_start, desk_zone, promise, AgeCount, Backlog, Breakdown, Bucket, Csat,
    Dashboard, DayFigures, Dimension, Figures, Filters, Options, ReportQuery, Summary, Tally, AGE_BUCKETS,
    DURATION_BUCKETS,
};
use edgedesk_domain::sla::zone::Zone;
use edgedesk_domain::workflow::Named;
use edgedesk_domain::ApiError;
use serde::{Deserialize, Serialize};
use worker::Env;

use super::batch::{Batch, Pending};
use super::settings;

/// The desk's days and the tickets a report counts, as SQL.
pub struct Period {
    pub query: ReportQuery,
    pub zone: Zone,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    /// An agent's own report: the agent filter is the reader, and so is the agent list.
    pub agent_only: bool,
}

/// A column of `sla_results` (`r`) or `tickets` (`t`): the agent is the assignee on tickets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Table {
    Results,
    Tickets,
}

fn column(dimension: Dimension, table: Table) -> &'static str {
    match dimension {
        Dimension::Priority => "priority",
        Dimension::Tier => "tier",
        Dimension::Category => "category_id",
        Dimension::Organisation => "organisation_id",
        Dimension::Channel => "channel",
        Dimension::Agent if table == Table::Tickets => "assignee_id",
        Dimension::Agent => "agent_id",
    }
}

/// ` AND ...` for each filter set, on columns of `table` named with `prefix` (`r.`).
fn filter_sql(filters: &Filters, table: Table, prefix: &str) -> String {
    let text = |dimension, value: &str| format!(" AND {prefix}{} = '{value}'", column(dimension, table));
    let id = |dimension, value: i64| format!(" AND {prefix}{} = {value}", column(dimension, table));
    let mut sql = String::new();
    sql.extend(filters.priority.map(|priority| text(Dimension::Priority, priority.as_str())));
    sql.extend(filters.tier.map(|tier| text(Dimension::Tier, tier.as_str())));
    sql.extend(filters.channel.map(|channel| text(Dimension::Channel, channel.as_str())));
    sql.extend(filters.category.map(|category| id(Dimension::Category, category)));
    sql.extend(filters.organisation.map(|organisation| id(Dimension::Organisation, organisation)));
    sql.extend(filters.agent.map(|agent| id(Dimension::Agent, agent)));
    sql
}

/// `CASE WHEN v < b0 THEN 0 ... ELSE n END`: the bucket of `value` among `bounds`.
fn bucket_sql(value: &str, bounds: &[i64]) -> String {
    let whens: String = bounds
        .iter()
        .enumerate()
        .map(|(index, bound)| format!(" WHEN {value} < {bound} THEN {index}"))
        .collect();
    format!("CASE{whens} ELSE {} END", bounds.len())
}

const ACTIVE: &str = "status IN ('new', 'open', 'in_progress', 'pending_customer', 'pending_third_party')";

impl Period {
    fn bounds(&self, from: NaiveDate, to: NaiveDate) -> (i64, i64) {
        let start = day_start(&self.zone, from).timestamp_millis();
        let end = day_start(&self.zone, to + Duration::days(1)).timestamp_millis();
        (start, end)
    }

    fn period(&self) -> (i64, i64) {
        self.bounds(self.query.from, self.query.to)
    }

    fn today(&self) -> (i64, i64) {
        self.bounds(self.today, self.today)
    }

    /// The period's day (0 = `from`) of the instant in `value`, exact across daylight saving.
    fn day_sql(&self, value: &str) -> String {
        let whens: String = day_runs(&self.zone, self.query.from, self.query.to)
            .iter()
            .map(|run| {
                format!(
                    " WHEN {value} < {end} THEN {index} + ({value} - {start}) / {length}",
                    end = run.end.timestamp_millis(),
                    index = run.index,
                    start = run.start.timestamp_millis(),
                    length = run.day_millis
                )
            })
            .collect();
        format!("CASE{whens} END")
    }

    /// The results stopped in `[start, end)` that the filters let through.
    fn results(&self, (start, end): (i64, i64)) -> String {
        format!(
            "FROM sla_results WHERE target IN ('first_response', 'resolution') AND stopped_at >= {start}
             AND stopped_at < {end}{}",
            filter_sql(&self.query.filters, Table::Results, "")
        )
    }

    /// Per target and group: count, sum, breaches, reopens and the values at the ranks of
    /// `Tally::ranks` (the middle two and the 90th percentile's nearest rank).
    fn tallies(
        &self,
        batch: &mut Batch,
        group: &str,
        span: (i64, i64),
    ) -> Result<Pending<Tallies>, ApiError> {
        let sql = format!(
            "WITH ranked AS (
                SELECT target, CAST({group} AS TEXT) AS g, minutes, breached, reopened,
                       ROW_NUMBER() OVER (PARTITION BY target, {group} ORDER BY minutes) AS n,
                       COUNT(*) OVER (PARTITION BY target, {group}) AS total
                {results})
             SELECT target, g, COUNT(*) AS count, SUM(minutes) AS sum_minutes, SUM(breached) AS breached,
                    SUM(reopened) AS reopened,
                    MAX(CASE WHEN n = (total + 1) / 2 THEN minutes END) AS lower_middle,
                    MAX(CASE WHEN n = total / 2 + 1 THEN minutes END) AS upper_middle,
                    MAX(CASE WHEN n = (9 * total + 9) / 10 THEN minutes END) AS p90
             FROM ranked GROUP BY target, g",
            results = self.results(span)
        );
        batch.read(Ok(batch.db().prepare(&sql)), |rows: Vec<TallyRow>| Ok(Tallies::of(rows)))
    }

    /// Tickets reported per day and group, with the major incidents among them.
    fn opened(
        &self,
        batch: &mut Batch,
        group: &str,
        span: (i64, i64),
    ) -> Result<Pending<Vec<OpenedRow>>, ApiError> {
        let (start, end) = span;
        let sql = format!(
            "SELECT {day} AS d, CAST({group} AS TEXT) AS g, COUNT(*) AS opened, SUM(is_major) AS majors
             FROM tickets WHERE reported_at >= {start} AND reported_at < {end}{filters} GROUP BY d, g",
            day = self.day_sql("reported_at"),
            filters = filter_sql(&self.query.filters, Table::Tickets, "")
        );
        batch.read(Ok(batch.db().prepare(&sql)), Ok)
    }

    /// Ratings of the tickets resolved in the span (each ticket once).
    fn csat(&self, batch: &mut Batch, span: (i64, i64)) -> Result<Pending<Csat>, ApiError> {
        let sql = format!(
            "SELECT COUNT(rating) AS rated, COALESCE(SUM(rating >= 4), 0) AS satisfied, COALESCE(SUM(rating), 0) AS total
             FROM tickets WHERE id IN (SELECT ticket_id {results} AND target = 'resolution')",
            results = self.results(span)
        );
        batch.read(Ok(batch.db().prepare(&sql)), |rows: Vec<CsatRow>| {
            let row = rows.into_iter().next().unwrap_or_default();
            Ok(Csat::of(row.rated, row.satisfied, row.total))
        })
    }

    fn distribution(&self, batch: &mut Batch) -> Result<Pending<Vec<Bucket>>, ApiError> {
        let sql = format!(
            "SELECT target, {bucket} AS b, COUNT(*) AS count {results} GROUP BY target, b",
            bucket = bucket_sql("minutes", &DURATION_BUCKETS),
            results = self.results(self.period())
        );
        batch.read(Ok(batch.db().prepare(&sql)), |rows: Vec<BucketRow>| {
            let mut buckets: Vec<Bucket> = bucket_limits(&DURATION_BUCKETS)
                .map(|under_minutes| Bucket { under_minutes, first_response: 0, resolution: 0 })
                .collect();
            for row in rows {
                let Some(bucket) = buckets.get_mut(row.b) else { continue };
                match row.target.as_str() {
                    "first_response" => bucket.first_response = row.count,
                    _ => bucket.resolution = row.count,
                }
            }
            Ok(buckets)
        })
    }

    /// The open work now, by status, tier and age (not limited to the period).
    fn backlog(&self, batch: &mut Batch) -> Result<Pending<Backlog>, ApiError> {
        let age = format!("({} - reported_at) / 60000", self.now.timestamp_millis());
        let sql = format!(
            "SELECT status, tier, {bucket} AS a, COUNT(*) AS count, SUM(sla_level >= 100) AS breached
             FROM tickets WHERE {ACTIVE}{filters} GROUP BY status, tier, a",
            bucket = bucket_sql(&age, &AGE_BUCKETS),
            filters = filter_sql(&self.query.filters, Table::Tickets, "")
        );
        batch.read(Ok(batch.db().prepare(&sql)), |rows: Vec<BacklogRow>| Ok(backlog(rows)))
    }

    fn options(&self, batch: &mut Batch) -> Result<Pending<Options>, ApiError> {
        let agents = match self.query.filters.agent {
            Some(agent) if self.agent_only => format!("SELECT id, name FROM users WHERE id = {agent}"),
            _ => "SELECT id, name FROM users WHERE role <> 'customer' ORDER BY name".to_string(),
        };
        let named = |batch: &mut Batch, sql: &str| {
            batch.read(Ok(batch.db().prepare(sql)), |rows: Vec<Named>| Ok(rows))
        };
        let agents = named(batch, &agents)?;
        let categories = named(batch, "SELECT id, name FROM categories ORDER BY name")?;
        let organisations = named(batch, "SELECT id, name FROM organisations ORDER BY name")?;
        Ok(agents
            .and(categories)
            .and(organisations)
            .map(|((agents, categories), organisations)| Ok(Options { agents, categories, organisations })))
    }
}

/// What a dashboard batch found: the dashboard, or that the desk's zone is not the one its
/// days were cut in (an admin changed the calendars since this isolate last looked).
pub enum Answer {
    Dashboard(Box<Dashboard>),
    OtherZone(Zone),
}

/// The dashboard of `period` and the desk's promise, in one round trip: the SLA settings
/// ride in the same batch and confirm the zone the days were cut in.
pub async fn dashboard(env: &Env, period: Period) -> Result<Answer, ApiError> {
    let mut batch = Batch::new(env)?;
    let sla = settings::sla_in(&mut batch)?;
    let group_results = column(period.query.group, Table::Results);
    let group_tickets = column(period.query.group, Table::Tickets);
    let span = period.period();
    let totals = period.tallies(&mut batch, "NULL", span)?;
    let by_priority = period.tallies(&mut batch, "priority", span)?;
    let by_group = period.tallies(&mut batch, group_results, span)?;
    let by_day = period.tallies(&mut batch, &period.day_sql("stopped_at"), span)?;
    let today = period.tallies(&mut batch, "NULL", period.today())?;
    let opened = period.opened(&mut batch, group_tickets, span)?;
    let opened_by_priority = period.opened(&mut batch, "priority", span)?;
    let opened_today = period.opened(&mut batch, "NULL", period.today())?;
    let csat = period.csat(&mut batch, span)?;
    let csat_today = period.csat(&mut batch, period.today())?;
    let distribution = period.distribution(&mut batch)?;
    let backlog = period.backlog(&mut batch)?;
    let options = period.options(&mut batch)?;
    let answers = batch.run().await?;
    let (sla, _) = sla.take(&answers)?;
    let zone = desk_zone(&sla);
    if zone != period.zone {
        return Ok(Answer::OtherZone(zone));
    }

    let totals = totals.take(&answers)?;
    let today = today.take(&answers)?;
    let opened = opened.take(&answers)?;
    let opened_today = opened_today.take(&answers)?;
    let sum = |rows: &[OpenedRow]| {
        (rows.iter().map(|row| row.opened).sum(), rows.iter().map(|row| row.majors).sum())
    };
    let (opened_total, majors) = sum(&opened);
    let (opened_now, majors_now) = sum(&opened_today);
    let by_day = by_day.take(&answers)?;
    let query = period.query.clone();
    Ok(Answer::Dashboard(Box::new(Dashboard {
        zone: zone.name.to_string(),
        today: today.summary(None, opened_now, majors_now, csat_today.take(&answers)?),
        period: totals.summary(None, opened_total, majors, csat.take(&answers)?),
        promise: promise(&sla),
        by_priority: breakdown(by_priority.take(&answers)?, &opened_by_priority.take(&answers)?, true),
        breakdown: breakdown(by_group.take(&answers)?, &opened, !numeric(query.group)),
        days: days(&query, &by_day, &opened),
        distribution: distribution.take(&answers)?,
        backlog: backlog.take(&answers)?,
        options: options.take(&answers)?,
        query,
    })))
}

fn numeric(dimension: Dimension) -> bool {
    matches!(dimension, Dimension::Category | Dimension::Organisation | Dimension::Agent)
}

#[derive(Deserialize)]
struct TallyRow {
    target: String,
    g: Option<String>,
    count: i64,
    sum_minutes: i64,
    breached: i64,
    reopened: i64,
    lower_middle: Option<i64>,
    upper_middle: Option<i64>,
    p90: Option<i64>,
}

/// Tallies by group, for each target.
#[derive(Default)]
struct Tallies {
    first_response: BTreeMap<Option<String>, Tally>,
    resolution: BTreeMap<Option<String>, Tally>,
}

impl Tallies {
    fn of(rows: Vec<TallyRow>) -> Tallies {
        let mut tallies = Tallies::default();
        for row in rows {
            let tally = Tally {
                count: row.count,
                sum_minutes: row.sum_minutes,
                breached: row.breached,
                reopened: row.reopened,
                lower_middle: row.lower_middle,
                upper_middle: row.upper_middle,
                p90: row.p90,
            };
            let map = if row.target == "first_response" {
                &mut tallies.first_response
            } else {
                &mut tallies.resolution
            };
            map.insert(row.g, tally);
        }
        tallies
    }

    fn get(&self, key: &Option<String>) -> (Tally, Tally) {
        let find = |map: &BTreeMap<Option<String>, Tally>| map.get(key).copied().unwrap_or_default();
        (find(&self.first_response), find(&self.resolution))
    }

    fn summary(&self, key: Option<String>, opened: i64, majors: i64, csat: Csat) -> Summary {
        let (response, resolution) = self.get(&key);
        Summary::new(opened, majors, &response, &resolution, csat)
    }
}

#[derive(Deserialize)]
struct OpenedRow {
    d: Option<i64>,
    g: Option<String>,
    opened: i64,
    majors: i64,
}

#[derive(Deserialize, Default)]
struct CsatRow {
    rated: i64,
    satisfied: i64,
    total: i64,
}

#[derive(Deserialize)]
struct BucketRow {
    target: String,
    b: usize,
    count: i64,
}

#[derive(Deserialize)]
struct BacklogRow {
    status: String,
    tier: String,
    a: usize,
    count: i64,
    breached: i64,
}

/// One row per value seen among results or new tickets; enum dimensions in their order,
/// ids by volume (most resolutions first).
fn breakdown(tallies: Tallies, opened: &[OpenedRow], by_key: bool) -> Vec<Breakdown> {
    let mut keys: Vec<Option<String>> =
        tallies.first_response.keys().chain(tallies.resolution.keys()).cloned().collect();
    keys.extend(opened.iter().map(|row| row.g.clone()));
    keys.sort();
    keys.dedup();
    let mut rows: Vec<Breakdown> = keys
        .into_iter()
        .map(|key| {
            let (response, resolution) = tallies.get(&key);
            let summary = Summary::new(
                opened.iter().filter(|row| row.g == key).map(|row| row.opened).sum(),
                0,
                &response,
                &resolution,
                Csat::default(),
            );
            Breakdown {
                key,
                opened: summary.opened,
                first_response: summary.first_response,
                resolution: summary.resolution,
                reopen_percent: summary.reopen_percent,
            }
        })
        .collect();
    if !by_key {
        rows.sort_by_key(|row| std::cmp::Reverse((row.resolution.count, row.opened)));
    }
    rows
}

fn days(query: &ReportQuery, tallies: &Tallies, opened: &[OpenedRow]) -> Vec<DayFigures> {
    (0..query.days())
        .map(|index| {
            let key = Some(index.to_string());
            let (response, resolution) = tallies.get(&key);
            DayFigures {
                day: query.from + Duration::days(index),
                opened: opened.iter().filter(|row| row.d == Some(index)).map(|row| row.opened).sum(),
                resolved: resolution.count,
                first_response_median: Figures::of(&response).median_minutes,
                resolution_median: Figures::of(&resolution).median_minutes,
                breached: response.breached + resolution.breached,
            }
        })
        .collect()
}

fn backlog(rows: Vec<BacklogRow>) -> Backlog {
    let mut backlog = Backlog {
        by_status: Status::ACTIVE.iter().map(|status| (*status, 0)).collect(),
        by_tier: Tier::ALL.iter().map(|tier| (*tier, 0)).collect(),
        by_age: bucket_limits(&AGE_BUCKETS)
            .map(|under_minutes| AgeCount { under_minutes, count: 0 })
            .collect(),
        ..Backlog::default()
    };
    for row in rows {
        backlog.total += row.count;
        backlog.breached += row.breached;
        if let Some(entry) = backlog.by_status.iter_mut().find(|(status, _)| status.as_str() == row.status) {
            entry.1 += row.count;
        }
        if let Some(entry) = backlog.by_tier.iter_mut().find(|(tier, _)| tier.as_str() == row.tier) {
            entry.1 += row.count;
        }
        if let Some(age) = backlog.by_age.get_mut(row.a) {
            age.count += row.count;
        }
    }
    backlog
}

/// One stopped clock, for the raw export.
#[derive(Debug, Serialize, Deserialize)]
pub struct ResultRow {
    pub ticket_id: i64,
    pub kind: String,
    pub target: String,
    pub cycle: i64,
    pub stopped_at: i64,
    pub minutes: i64,
    pub target_minutes: i64,
    pub breached: i64,
    pub reopened: i64,
    pub priority: Option<String>,
    pub tier: String,
    pub category: Option<String>,
    pub organisation: Option<String>,
    pub channel: String,
    pub agent: Option<String>,
}

/// The most rows one export answers; a longer list asks for a shorter period.
pub const EXPORT_ROWS: i64 = 100_000;

/// The stored results of the period, oldest first, at most `EXPORT_ROWS + 1`.
pub async fn results(env: &Env, period: &Period) -> Result<Vec<ResultRow>, ApiError> {
    let (start, end) = period.period();
    let sql = format!(
        "SELECT r.ticket_id, t.kind, r.target, r.cycle, r.stopped_at, r.minutes, r.target_minutes, r.breached,
                r.reopened, r.priority, r.tier, c.name AS category, o.name AS organisation, r.channel, u.name AS agent
         FROM sla_results r JOIN tickets t ON t.id = r.ticket_id
         LEFT JOIN categories c ON c.id = r.category_id LEFT JOIN organisations o ON o.id = r.organisation_id
         LEFT JOIN users u ON u.id = r.agent_id
         WHERE r.target IN ('first_response', 'resolution') AND r.stopped_at >= {start} AND r.stopped_at < {end}{filters}
         ORDER BY r.stopped_at, r.ticket_id, r.target LIMIT {limit}",
        filters = filter_sql(&period.query.filters, Table::Results, "r."),
        limit = EXPORT_ROWS + 1
    );
    let db = super::db(env)?;
    super::all::<ResultRow>(Ok(db.prepare(&sql))).await
}
