//! The dashboard's reads, in one batch, and the sweep's daily rollups. Unfiltered, a report
//! reads its days' stored cells; filtered, the raw rows of its period through the indexes
//! on stop and report time; the backlog walks the partial index of open tickets. No read
//! walks the whole history. Filters and bounds are typed values (enums, ids, instants),
//! formatted into the SQL as literals: nothing a person typed reaches it as text.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use edgedesk_domain::auth::Tier;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::report::rollup::{
    cells_by_day, from_storage, storage_key, Cell, Cells, OpenedRow, ResultRow,
};
use edgedesk_domain::report::{
    bucket_limits, day_start, desk_zone, local_day, promise, AgeCount, Backlog, Dashboard, Dimension,
    Filters, Options, Parts, ReportQuery, AGE_BUCKETS,
};
use edgedesk_domain::sla::zone::Zone;
use edgedesk_domain::workflow::Named;
use edgedesk_domain::ApiError;
use serde::{Deserialize, Serialize};
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::settings;
use crate::http;

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

    /// The raw rows of `[start, end)` the filters let through: results (with the ticket's
    /// rating) and the tickets reported.
    fn raw(&self, batch: &mut Batch, span: (i64, i64)) -> Result<Pending<Raw>, ApiError> {
        raw_rows(
            batch,
            span,
            &filter_sql(&self.query.filters, Table::Results, "r."),
            &filter_sql(&self.query.filters, Table::Tickets, ""),
        )
    }

    /// The stored cells of the period's days before today: the desk's, by priority and by
    /// the breakdown's dimension.
    fn stored(&self, batch: &mut Batch) -> Result<Pending<Vec<StoredCell>>, ApiError> {
        let last = self.query.to.min(self.today - Duration::days(1));
        let sql = format!(
            "SELECT day, dimension, value, cell FROM report_days
             WHERE day BETWEEN '{}' AND '{last}' AND dimension IN ('', 'priority', '{}')",
            self.query.from,
            self.query.group.as_str()
        );
        batch.read(Ok(batch.db().prepare(&sql)), Ok)
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

/// What a dashboard batch found: the dashboard; or that the desk's zone is not the one its
/// days were cut in (an admin changed the calendars since this isolate last looked); or
/// that the stored days are cut in another zone than the desk's (until the sweep has
/// rolled them up again), so the period must be read from the raw rows.
pub enum Answer {
    Dashboard(Box<Dashboard>),
    OtherZone(Zone),
    RollupsBehind,
}

/// The rows a report reads raw.
pub struct Raw {
    results: Vec<ResultRow>,
    opened: Vec<OpenedRow>,
}

#[derive(Deserialize)]
pub struct StoredCell {
    day: String,
    dimension: String,
    value: String,
    cell: String,
}

/// Results stopped and tickets reported in `[start, end)` under the filters (`r.`-prefixed
/// for results, bare for tickets).
fn raw_rows(
    batch: &mut Batch,
    (start, end): (i64, i64),
    on_results: &str,
    on_tickets: &str,
) -> Result<Pending<Raw>, ApiError> {
    let results = format!(
        "SELECT r.target, r.stopped_at, r.minutes, r.breached, r.reopened, t.rating, r.priority, r.tier,
                r.category_id, r.organisation_id, r.channel, r.agent_id
         FROM sla_results r JOIN tickets t ON t.id = r.ticket_id
         WHERE r.target IN ('first_response', 'resolution') AND r.stopped_at >= {start} AND r.stopped_at < {end}{on_results}"
    );
    let opened = format!(
        "SELECT reported_at, is_major, priority, tier, category_id, organisation_id, channel, assignee_id AS agent_id
         FROM tickets WHERE reported_at >= {start} AND reported_at < {end}{on_tickets}"
    );
    let results = batch.read(Ok(batch.db().prepare(&results)), Ok)?;
    let opened = batch.read(Ok(batch.db().prepare(&opened)), Ok)?;
    Ok(results.and(opened).map(|(results, opened)| Ok(Raw { results, opened })))
}

/// The dashboard of `period` and the desk's promise, in one round trip: the SLA settings
/// and the rollups' zone ride in the same batch and confirm the zone the days were cut in.
/// Unfiltered desk reports read the days before today from the sweep's rollups; filtered
/// ones (and an agent's own) read the period's raw rows; today is always read raw.
pub async fn dashboard(env: &Env, period: Period, raw_only: bool) -> Result<Answer, ApiError> {
    let mut batch = Batch::new(env)?;
    let sla = settings::sla_in(&mut batch)?;
    let use_rollups = !raw_only && !period.agent_only && period.query.filters == Filters::default();
    let rolled_in = batch.read(
        Ok(batch.db().prepare("SELECT zone FROM report_rollup WHERE id = 1")),
        |rows: Vec<ZoneRow>| Ok(rows.into_iter().next().map(|row| row.zone)),
    )?;
    let stored = if use_rollups { Some(period.stored(&mut batch)?) } else { None };
    let raw = if use_rollups { None } else { Some(period.raw(&mut batch, period.period())?) };
    let today = period.raw(&mut batch, period.today())?;
    let backlog = period.backlog(&mut batch)?;
    let options = period.options(&mut batch)?;
    let answers = batch.run().await?;

    let (sla, _) = sla.take(&answers)?;
    let zone = desk_zone(&sla);
    if zone != period.zone {
        return Ok(Answer::OtherZone(zone));
    }
    if use_rollups && rolled_in.take(&answers)?.as_deref() != Some(zone.name) {
        return Ok(Answer::RollupsBehind);
    }
    let in_zone = |at: DateTime<Utc>| local_day(&zone, at);
    let today = today.take(&answers)?;
    let today_cells = Cells::of(&today.results, &today.opened);
    let mut days: BTreeMap<NaiveDate, Cells> = match (stored, raw) {
        (Some(stored), _) => stored_days(stored.take(&answers)?),
        (None, Some(raw)) => {
            let raw = raw.take(&answers)?;
            cells_by_day(&raw.results, &raw.opened, in_zone)
        }
        (None, None) => BTreeMap::new(),
    };
    if use_rollups && (period.query.from..=period.query.to).contains(&period.today) {
        days.insert(period.today, today_cells.clone());
    }
    let query = period.query.clone();
    Ok(Answer::Dashboard(Box::new(Dashboard::assemble(Parts {
        query,
        zone: zone.name.to_string(),
        days,
        today: today_cells,
        backlog: backlog.take(&answers)?,
        options: options.take(&answers)?,
        promise: promise(&sla),
    }))))
}

#[derive(Deserialize)]
struct ZoneRow {
    zone: String,
}

fn stored_days(rows: Vec<StoredCell>) -> BTreeMap<NaiveDate, Cells> {
    let mut days: BTreeMap<NaiveDate, Cells> = BTreeMap::new();
    for row in rows {
        let (Ok(day), Some(key), Ok(cell)) = (
            NaiveDate::parse_from_str(&row.day, "%Y-%m-%d"),
            from_storage(&row.dimension, &row.value),
            serde_json::from_str::<Cell>(&row.cell),
        ) else {
            continue;
        };
        days.entry(day).or_default().0.insert(key, cell);
    }
    days
}

/// The sweep's part: marks the days whose results or tickets changed since it last looked
/// (and every day when the desk's zone changed), then rolls up to `ROLLUP_DAYS` of them,
/// newest first. Returns how many days it rolled up.
pub async fn roll_up(env: &Env, zone: &Zone, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let rolled_in = Batch::one(env, |batch| {
        batch.read(
            Ok(batch.db().prepare("SELECT zone, watermark FROM report_rollup WHERE id = 1")),
            |rows: Vec<RollupRow>| Ok(rows.into_iter().next()),
        )
    })
    .await?;
    let mut batch = Batch::new(env)?;
    let watermark = match rolled_in {
        Some(row) if row.zone == zone.name => row.watermark,
        _ => {
            // Days cut in another zone are other days: start again.
            batch.write(Ok(batch.db().prepare("DELETE FROM report_days")))?;
            batch.write(Ok(batch.db().prepare("DELETE FROM report_dirty")))?;
            batch.write(query!(
                batch.db(),
                "INSERT OR REPLACE INTO report_rollup (id, zone, watermark) VALUES (1, ?1, 0)",
                zone.name
            ))?;
            0
        }
    };
    // An instant's local day under each of the zone's offsets: the right one is among them.
    for offset in zone.offsets() {
        for (table, time) in [("sla_results", "stopped_at"), ("tickets", "reported_at")] {
            batch.write(Ok(batch.db().prepare(format!(
                "INSERT OR IGNORE INTO report_dirty (day)
                 SELECT DISTINCT date({time} / 1000 + {offset}, 'unixepoch') FROM {table} WHERE updated_at > {watermark}"
            ))))?;
        }
    }
    // Writers stamp rows with their clock a moment before they commit: the watermark stays a
    // few minutes behind this run's clock, so a row stamped before this look but stored after
    // it is seen by the next run (its day is rolled up again for those few minutes).
    batch.write(query!(
        batch.db(),
        "UPDATE report_rollup SET watermark = MAX(watermark, ?1) WHERE id = 1",
        (now - Duration::milliseconds(LOOK_BACK)).timestamp_millis()
    ))?;
    let dirty = batch.read(
        Ok(batch.db().prepare(format!("SELECT day FROM report_dirty ORDER BY day DESC LIMIT {ROLLUP_DAYS}"))),
        |rows: Vec<DayRow>| Ok(rows),
    )?;
    let dirty = dirty.take(&batch.run().await?)?;
    for row in &dirty {
        let Ok(day) = NaiveDate::parse_from_str(&row.day, "%Y-%m-%d") else { continue };
        let span = (
            day_start(zone, day).timestamp_millis(),
            day_start(zone, day + Duration::days(1)).timestamp_millis(),
        );
        let raw = Batch::one(env, |batch| raw_rows(batch, span, "", "")).await?;
        let cells = Cells::of(&raw.results, &raw.opened);
        let mut write = Batch::new(env)?;
        write.write(query!(write.db(), "DELETE FROM report_days WHERE day = ?1", &row.day))?;
        for (key, cell) in &cells.0 {
            let (dimension, value) = storage_key(key);
            let cell = serde_json::to_string(cell).map_err(http::internal)?;
            write.write(query!(
                write.db(),
                "INSERT INTO report_days (day, dimension, value, cell) VALUES (?1, ?2, ?3, ?4)",
                &row.day,
                dimension,
                value,
                cell
            ))?;
        }
        write.write(query!(write.db(), "DELETE FROM report_dirty WHERE day = ?1", &row.day))?;
        write.run().await?;
    }
    Ok(dirty.len())
}

/// How many days one sweep rolls up: a month, so a desk catches up on a year in minutes.
const ROLLUP_DAYS: usize = 31;
/// Milliseconds the sweep looks back past its watermark.
const LOOK_BACK: i64 = 5 * 60_000;

#[derive(Deserialize)]
struct RollupRow {
    zone: String,
    watermark: i64,
}

#[derive(Deserialize)]
struct DayRow {
    day: String,
}

#[derive(Deserialize)]
struct BacklogRow {
    status: String,
    tier: String,
    a: usize,
    count: i64,
    breached: i64,
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
pub struct ExportRow {
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
pub async fn results(env: &Env, period: &Period) -> Result<Vec<ExportRow>, ApiError> {
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
    super::all::<ExportRow>(Ok(db.prepare(&sql))).await
}
