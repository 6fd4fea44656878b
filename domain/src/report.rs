//! Reports: what the desk promised against what it did, over a period of the desk's days.
//! The figures are made from stored, per-cycle SLA results (business minutes, pauses
//! excluded: the numbers the SLA panel showed when the clock stopped); this module reads
//! the query, cuts the period into local days and turns stored counts into figures. How
//! each figure is computed is stated once here and in the README ("Reports").

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::Tier;
use crate::error::{ApiError, ErrorCode};
use crate::lifecycle::Status;
use crate::message::Language;
use crate::paging::query_pairs;
use crate::priority::Priority;
use crate::sla::zone::Zone;
use crate::sla::SlaSettings;
use crate::ticket::Channel;
use crate::workflow::Named;
use rollup::{Cell, Cells};
use std::collections::BTreeMap;

pub mod rollup;
#[cfg(test)]
mod tests;

/// The longest period one report covers: a year, leap day included.
pub const MAX_DAYS: i64 = 366;
/// The default period: the last 30 days, today included.
pub const DEFAULT_DAYS: i64 = 30;
/// Upper bounds (minutes, exclusive) of the time distribution's buckets; the last is open.
pub const DURATION_BUCKETS: [i64; 6] = [60, 120, 240, 480, 1440, 4320];
/// Upper bounds (minutes, exclusive) of the backlog's age buckets; the last is open.
pub const AGE_BUCKETS: [i64; 4] = [240, 1440, 4320, 10_080];

/// What a breakdown is by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Priority,
    Tier,
    Category,
    Organisation,
    Channel,
    Agent,
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::Priority,
        Dimension::Tier,
        Dimension::Category,
        Dimension::Organisation,
        Dimension::Channel,
        Dimension::Agent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Priority => "priority",
            Dimension::Tier => "tier",
            Dimension::Category => "category",
            Dimension::Organisation => "organisation",
            Dimension::Channel => "channel",
            Dimension::Agent => "agent",
        }
    }

    pub fn parse(text: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|dimension| dimension.as_str() == text)
    }
}

/// Narrowing the tickets a report counts; each is one value of a dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    pub priority: Option<Priority>,
    pub tier: Option<Tier>,
    pub category: Option<i64>,
    pub organisation: Option<i64>,
    pub channel: Option<Channel>,
    pub agent: Option<i64>,
}

/// Whose work a reader may report on: supervisors and admins the desk's, agents their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportScope {
    Desk,
    Agent(i64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportQuery {
    /// The first and last day of the period (the desk's days, both included).
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub filters: Filters,
    /// The breakdown table's dimension.
    pub group: Dimension,
}

fn invalid(field: &str, message: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidValue, message).with_field(field)
}

impl ReportQuery {
    /// The default report: the last 30 days by priority.
    pub fn last_days(today: NaiveDate) -> ReportQuery {
        ReportQuery {
            from: today - Duration::days(DEFAULT_DAYS - 1),
            to: today,
            filters: Filters::default(),
            group: Dimension::Priority,
        }
    }

    /// Reads `from`, `to` (YYYY-MM-DD), `priority`, `tier`, `category`, `organisation`,
    /// `channel`, `agent` and `group`; unknown keys are ignored, bad values refused by name.
    pub fn from_query(query: &str, today: NaiveDate) -> Result<ReportQuery, ApiError> {
        let mut read = ReportQuery::last_days(today);
        let mut from_given = false;
        let date = |field: &str, value: &str| {
            NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .ok()
                .filter(|day| (2000..=2999).contains(&chrono::Datelike::year(day)))
                .ok_or_else(|| invalid(field, "A date as YYYY-MM-DD"))
        };
        let id = |field: &str, value: &str| {
            value.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| invalid(field, "A positive number"))
        };
        for (key, value) in query_pairs(query) {
            if value.is_empty() {
                continue;
            }
            let filters = &mut read.filters;
            match key.as_str() {
                "from" => {
                    read.from = date("from", &value)?;
                    from_given = true;
                }
                "to" => read.to = date("to", &value)?,
                "priority" => {
                    filters.priority =
                        Some(Priority::parse(&value).ok_or_else(|| invalid("priority", "P1 to P4"))?)
                }
                "tier" => {
                    filters.tier = Some(Tier::parse(&value).ok_or_else(|| invalid("tier", "l1, l2 or l3"))?)
                }
                "channel" => {
                    filters.channel = Some(
                        Channel::parse(&value)
                            .ok_or_else(|| invalid("channel", "portal, phone, email or alert"))?,
                    )
                }
                "category" => filters.category = Some(id("category", &value)?),
                "organisation" => filters.organisation = Some(id("organisation", &value)?),
                "agent" => filters.agent = Some(id("agent", &value)?),
                "group" => {
                    read.group = Dimension::parse(&value).ok_or_else(|| {
                        invalid("group", "priority, tier, category, organisation, channel or agent")
                    })?
                }
                _ => {}
            }
        }
        if !from_given && read.to != today {
            read.from = read.to - Duration::days(DEFAULT_DAYS - 1);
        }
        if read.from > read.to {
            return Err(invalid("from", "The period starts before it ends"));
        }
        if read.days() > MAX_DAYS {
            return Err(invalid("from", "A report covers a year at most"));
        }
        Ok(read)
    }

    /// The query as a URL query string (the SPA keeps it in the address, so links share).
    pub fn to_query(&self) -> String {
        let filters = &self.filters;
        let mut pairs = vec![
            ("from", self.from.to_string()),
            ("to", self.to.to_string()),
            ("group", self.group.as_str().to_string()),
        ];
        let ids = [
            ("category", filters.category),
            ("organisation", filters.organisation),
            ("agent", filters.agent),
        ];
        pairs.extend(filters.priority.map(|priority| ("priority", priority.as_str().to_string())));
        pairs.extend(filters.tier.map(|tier| ("tier", tier.as_str().to_string())));
        pairs.extend(filters.channel.map(|channel| ("channel", channel.as_str().to_string())));
        pairs.extend(ids.into_iter().filter_map(|(key, id)| Some((key, id?.to_string()))));
        pairs.iter().map(|(key, value)| format!("{key}={value}")).collect::<Vec<_>>().join("&")
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// Agents report on their own work: the agent filter is theirs (asking for another
    /// agent's is refused rather than quietly answered with their own).
    pub fn scoped(mut self, scope: ReportScope) -> Result<ReportQuery, ApiError> {
        if let ReportScope::Agent(me) = scope {
            if self.filters.agent.is_some_and(|agent| agent != me) {
                return Err(ApiError::new(ErrorCode::Forbidden, "Agents see reports on their own work only"));
            }
            self.filters.agent = Some(me);
        }
        Ok(self)
    }
}

/// The instant a local day starts in `zone`.
pub fn day_start(zone: &Zone, day: NaiveDate) -> DateTime<Utc> {
    zone.from_local(day.and_time(NaiveTime::MIN))
}

/// The local day of an instant.
pub fn local_day(zone: &Zone, at: DateTime<Utc>) -> NaiveDate {
    zone.to_local(at).date()
}

/// What the results of one group add up to, with the values at the ranks a median and a
/// percentile need.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub count: i64,
    pub sum_minutes: i64,
    pub breached: i64,
    pub reopened: i64,
    /// The values at the middle ranks `(n + 1) / 2` and `n / 2 + 1` (the same when n is
    /// odd) and at the nearest rank of the 90th percentile, `ceil(0.9 n)`.
    pub lower_middle: Option<i64>,
    pub upper_middle: Option<i64>,
    pub p90: Option<i64>,
}

impl Tally {
    /// The ranks (1-based, in ascending order of minutes) the query reads for `count` values.
    pub fn ranks(count: i64) -> [i64; 3] {
        [(count + 1) / 2, count / 2 + 1, (9 * count + 9) / 10]
    }
}

/// One clock's figures over a group of stopped cycles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub count: i64,
    pub median_minutes: Option<f64>,
    pub average_minutes: Option<f64>,
    pub p90_minutes: Option<i64>,
    pub breached: i64,
    /// Within target, as a share of `count` (one decimal).
    pub compliance_percent: Option<f64>,
}

/// `part` of `whole` in percent, one decimal; nothing when there is no whole.
pub fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| round1(part as f64 * 100.0 / whole as f64))
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

impl Figures {
    pub fn of(tally: &Tally) -> Figures {
        let count = tally.count;
        let median = match (tally.lower_middle, tally.upper_middle) {
            (Some(lower), Some(upper)) if count > 0 => Some((lower + upper) as f64 / 2.0),
            _ => None,
        };
        Figures {
            count,
            median_minutes: median,
            average_minutes: (count > 0).then(|| round1(tally.sum_minutes as f64 / count as f64)),
            p90_minutes: tally.p90.filter(|_| count > 0),
            breached: tally.breached,
            compliance_percent: percent(count - tally.breached, count),
        }
    }
}

/// Satisfaction ratings (1–5) of the tickets resolved in the period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Csat {
    pub rated: i64,
    /// Rated 4 or 5.
    pub satisfied: i64,
    pub satisfied_percent: Option<f64>,
    pub average: Option<f64>,
}

impl Csat {
    pub fn of(rated: i64, satisfied: i64, sum: i64) -> Csat {
        Csat {
            rated,
            satisfied,
            satisfied_percent: percent(satisfied, rated),
            average: (rated > 0).then(|| round1(sum as f64 / rated as f64)),
        }
    }
}

/// The headline figures of a period (or of today).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Tickets reported.
    pub opened: i64,
    /// Of them, major incidents.
    pub majors: i64,
    pub first_response: Figures,
    pub resolution: Figures,
    /// Resolutions later reopened, as a share of resolutions.
    pub reopened: i64,
    pub reopen_percent: Option<f64>,
    pub csat: Csat,
}

impl Summary {
    pub fn of(cell: &Cell) -> Summary {
        let resolution = &cell.resolution;
        Summary {
            opened: cell.opened,
            majors: cell.majors,
            first_response: cell.first_response.figures(),
            resolution: resolution.figures(),
            reopened: resolution.reopened,
            reopen_percent: percent(resolution.reopened, resolution.count),
            csat: Csat::of(cell.rated, cell.satisfied, cell.rating_sum),
        }
    }
}

/// One row of a breakdown: the value of the dimension (`None`: not set) and its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breakdown {
    pub key: Option<String>,
    pub opened: i64,
    pub first_response: Figures,
    pub resolution: Figures,
    pub reopen_percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DayFigures {
    pub day: NaiveDate,
    pub opened: i64,
    pub resolved: i64,
    pub first_response_median: Option<f64>,
    pub resolution_median: Option<f64>,
    pub breached: i64,
}

/// How many stopped clocks took under each bucket's bound (`None`: the open last bucket).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    pub under_minutes: Option<i64>,
    pub first_response: i64,
    pub resolution: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeCount {
    pub under_minutes: Option<i64>,
    pub count: i64,
}

/// The work still open now (not limited to the period).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backlog {
    pub total: i64,
    /// Open tickets whose running clock has breached.
    pub breached: i64,
    pub by_status: Vec<(Status, i64)>,
    pub by_tier: Vec<(Tier, i64)>,
    pub by_age: Vec<AgeCount>,
}

/// The promise per priority (the desk's default policies), for target lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promise {
    pub priority: Priority,
    pub first_response_minutes: u32,
    pub resolution_minutes: u32,
}

/// Names for the ids a report shows and filters by (agents: only the reader when agent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    pub agents: Vec<Named>,
    pub categories: Vec<Named>,
    pub organisations: Vec<Named>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub query: ReportQuery,
    /// The desk's time zone: days and "today" are its days.
    pub zone: String,
    pub today: Summary,
    pub period: Summary,
    pub promise: Vec<Promise>,
    pub by_priority: Vec<Breakdown>,
    pub breakdown: Vec<Breakdown>,
    pub days: Vec<DayFigures>,
    pub distribution: Vec<Bucket>,
    pub backlog: Backlog,
    pub options: Options,
}

/// The desk's promise per priority: the first policy for each priority that names no
/// category or organisation (the source document's 1–3 h / 24 h unless an admin changed it).
pub fn promise(settings: &SlaSettings) -> Vec<Promise> {
    Priority::ALL
        .iter()
        .filter_map(|priority| {
            let policy = settings.policies.iter().find(|policy| {
                policy.priority == *priority
                    && policy.category_id.is_none()
                    && policy.organisation_id.is_none()
            })?;
            Some(Promise {
                priority: *priority,
                first_response_minutes: policy.first_response_minutes,
                resolution_minutes: policy.resolution_minutes,
            })
        })
        .collect()
}

/// The desk's time zone: its first calendar's (the default calendars are in Copenhagen).
pub fn desk_zone(settings: &SlaSettings) -> Zone {
    settings
        .calendars
        .iter()
        .find_map(|calendar| Zone::find(&calendar.zone))
        .unwrap_or_else(|| Zone::find("Europe/Copenhagen").expect("the desk's default zone is known"))
}

/// How the raw results are exported: `format=csv|json` (JSON unless asked) and `lang`.
pub fn export_format(query: &str) -> Result<(bool, Language), ApiError> {
    let mut csv = false;
    let mut lang = Language::En;
    for (key, value) in query_pairs(query) {
        match key.as_str() {
            "format" => {
                csv = match value.as_str() {
                    "csv" => true,
                    "json" => false,
                    _ => return Err(invalid("format", "csv or json")),
                }
            }
            "lang" => lang = Language::parse(&value).ok_or_else(|| invalid("lang", "en or da"))?,
            _ => {}
        }
    }
    Ok((csv, lang))
}

/// The bucket (index into the bounds, or past the last) a number of minutes falls in.
pub fn bucket_of(bounds: &[i64], minutes: i64) -> usize {
    bounds.iter().position(|bound| minutes < *bound).unwrap_or(bounds.len())
}

/// The bounds as the buckets' upper limits, the last open.
pub fn bucket_limits(bounds: &[i64]) -> impl Iterator<Item = Option<i64>> + '_ {
    bounds.iter().map(|bound| Some(*bound)).chain([None])
}

/// What a dashboard is made from: the period's days as cells (stored rollups or computed
/// from the raw rows), today's cells, and what is read as it is now.
pub struct Parts {
    pub query: ReportQuery,
    pub zone: String,
    pub days: BTreeMap<NaiveDate, Cells>,
    pub today: Cells,
    pub backlog: Backlog,
    pub options: Options,
    pub promise: Vec<Promise>,
}

fn breakdown_rows(cells: Vec<(Option<String>, Cell)>, by_volume: bool) -> Vec<Breakdown> {
    let mut rows: Vec<Breakdown> = cells
        .into_iter()
        .map(|(key, cell)| {
            let summary = Summary::of(&cell);
            Breakdown {
                key,
                opened: summary.opened,
                first_response: summary.first_response,
                resolution: summary.resolution,
                reopen_percent: summary.reopen_percent,
            }
        })
        .collect();
    if by_volume {
        rows.sort_by_key(|row| std::cmp::Reverse((row.resolution.count, row.opened)));
    }
    rows
}

impl Dashboard {
    pub fn assemble(parts: Parts) -> Dashboard {
        let Parts { query, zone, days, today, backlog, options, promise } = parts;
        let mut period = Cells::default();
        for cells in days.values() {
            period.merge(cells);
        }
        let desk = period.desk();
        let by_volume =
            matches!(query.group, Dimension::Category | Dimension::Organisation | Dimension::Agent);
        let response_counts = desk.first_response.counts_under(&DURATION_BUCKETS);
        let resolution_counts = desk.resolution.counts_under(&DURATION_BUCKETS);
        Dashboard {
            zone,
            today: Summary::of(&today.desk()),
            period: Summary::of(&desk),
            promise,
            by_priority: breakdown_rows(period.by(Dimension::Priority), false),
            breakdown: breakdown_rows(period.by(query.group), by_volume),
            days: (0..query.days())
                .map(|index| {
                    let day = query.from + Duration::days(index);
                    let cell = days.get(&day).map(Cells::desk).unwrap_or_default();
                    DayFigures {
                        day,
                        opened: cell.opened,
                        resolved: cell.resolution.count,
                        first_response_median: cell.first_response.figures().median_minutes,
                        resolution_median: cell.resolution.figures().median_minutes,
                        breached: cell.first_response.breached + cell.resolution.breached,
                    }
                })
                .collect(),
            distribution: bucket_limits(&DURATION_BUCKETS)
                .enumerate()
                .map(|(index, under_minutes)| Bucket {
                    under_minutes,
                    first_response: response_counts[index],
                    resolution: resolution_counts[index],
                })
                .collect(),
            backlog,
            options,
            query,
        }
    }
}
