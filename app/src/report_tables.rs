//! The dashboard as tables: every chart is drawn from one of these and shown beside it,
//! and each downloads as the CSV of exactly its rows. Built here, not in components, so the
//! pages only lay them out.

use edgedesk_domain::csv::Csv;
use edgedesk_domain::report::{Breakdown, Dashboard, Dimension, AGE_BUCKETS, DURATION_BUCKETS};

use crate::i18n::Lang;
use crate::report_texts::ReportTexts;

/// How a cell's number reads.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Count,
    Minutes,
    Percent,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The whole name, for the file and a phone's card ("First response: Median").
    pub name: String,
    /// The heading under its group's ("Median").
    pub short: String,
    pub unit: Unit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub values: Vec<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReportTable {
    /// For the file name and element ids.
    pub id: &'static str,
    pub title: String,
    /// The first column's heading (what the rows are).
    pub rows_are: String,
    pub columns: Vec<Column>,
    /// Headings over runs of columns (a name and how many columns it spans); may be empty.
    pub groups: Vec<(String, usize)>,
    pub rows: Vec<Row>,
}

impl ReportTable {
    /// What a cell shows on the page.
    pub fn shown(&self, texts: &ReportTexts, column: usize, value: Option<f64>) -> String {
        match self.columns[column].unit {
            Unit::Count => value.map_or_else(|| "–".to_string(), |value| texts.number(value)),
            Unit::Minutes => texts.minutes(value),
            Unit::Percent => texts.percent(value),
        }
    }

    /// The table as CSV: the same rows and columns, numbers as numbers (minutes in
    /// minutes), in the reader's spreadsheet format.
    pub fn csv(&self, texts: &ReportTexts, lang: Lang) -> String {
        let mut csv = Csv::new(lang);
        let heading = |column: &Column| match column.unit {
            Unit::Minutes => format!("{} ({})", column.name, texts.minutes_header),
            Unit::Percent => format!("{} (%)", column.name),
            Unit::Count => column.name.clone(),
        };
        csv.line(std::iter::once(self.rows_are.clone()).chain(self.columns.iter().map(heading)));
        for row in &self.rows {
            let cells: Vec<String> = row
                .values
                .iter()
                .map(|value| value.map(|value| csv.number(value)).unwrap_or_default())
                .collect();
            csv.line(std::iter::once(row.label.clone()).chain(cells));
        }
        csv.finish()
    }
}

fn column(name: &str, unit: Unit) -> Column {
    Column { name: name.to_string(), short: name.to_string(), unit }
}

/// A column under a group heading: "First response: Median", shown as "Median".
fn grouped(group: &str, short: &str, unit: Unit) -> Column {
    Column { name: format!("{group}: {short}"), short: short.to_string(), unit }
}

fn count(value: i64) -> Option<f64> {
    Some(value as f64)
}

pub fn in_and_out(report: &Dashboard, t: &ReportTexts) -> ReportTable {
    ReportTable {
        id: "in-out",
        title: t.in_out_title.to_string(),
        rows_are: t.day.to_string(),
        columns: vec![
            column(t.opened, Unit::Count),
            column(t.resolved, Unit::Count),
            column(t.sla_breaches, Unit::Count),
        ],
        groups: Vec::new(),
        rows: report
            .days
            .iter()
            .map(|day| Row {
                label: t.day(day.day),
                values: vec![count(day.opened), count(day.resolved), count(day.breached)],
            })
            .collect(),
    }
}

pub fn medians(report: &Dashboard, t: &ReportTexts) -> ReportTable {
    ReportTable {
        id: "medians",
        title: t.medians_title.to_string(),
        rows_are: t.day.to_string(),
        columns: vec![column(t.first_response, Unit::Minutes), column(t.resolution, Unit::Minutes)],
        groups: Vec::new(),
        rows: report
            .days
            .iter()
            .map(|day| Row {
                label: t.day(day.day),
                values: vec![day.first_response_median, day.resolution_median],
            })
            .collect(),
    }
}

pub fn distribution(report: &Dashboard, t: &ReportTexts) -> ReportTable {
    let mut previous = None;
    ReportTable {
        id: "distribution",
        title: t.distribution_title.to_string(),
        rows_are: t.took.to_string(),
        columns: vec![column(t.first_response, Unit::Count), column(t.resolution, Unit::Count)],
        groups: Vec::new(),
        rows: report
            .distribution
            .iter()
            .map(|bucket| {
                let label = t.bucket(bucket.under_minutes, previous.or(DURATION_BUCKETS.last().copied()));
                previous = bucket.under_minutes;
                Row { label, values: vec![count(bucket.first_response), count(bucket.resolution)] }
            })
            .collect(),
    }
}

pub fn compliance(report: &Dashboard, t: &ReportTexts) -> ReportTable {
    ReportTable {
        id: "compliance",
        title: t.compliance_title.to_string(),
        rows_are: t.priority.to_string(),
        columns: vec![column(t.first_response, Unit::Percent), column(t.resolution, Unit::Percent)],
        groups: Vec::new(),
        rows: report
            .by_priority
            .iter()
            .map(|row| Row {
                label: row.key.clone().unwrap_or_else(|| t.none.to_string()),
                values: vec![row.first_response.compliance_percent, row.resolution.compliance_percent],
            })
            .collect(),
    }
}

pub fn backlog_by_status(report: &Dashboard, t: &ReportTexts) -> ReportTable {
    ReportTable {
        id: "backlog-status",
        title: t.by_status.to_string(),
        rows_are: t.status.to_string(),
        columns: vec![column(t.count, Unit::Count)],
        groups: Vec::new(),
        rows: report
            .backlog
            .by_status
            .iter()
            .map(|(status, n)| Row { label: t.status_name(*status).to_string(), values: vec![count(*n)] })
            .collect(),
    }
}

pub fn backlog_by_tier(report: &Dashboard, t: &ReportTexts) -> ReportTable {
    ReportTable {
        id: "backlog-tier",
        title: t.by_tier.to_string(),
        rows_are: t.tier.to_string(),
        columns: vec![column(t.count, Unit::Count)],
        groups: Vec::new(),
        rows: report
            .backlog
            .by_tier
            .iter()
            .map(|(tier, n)| Row { label: t.tier_name(*tier).to_string(), values: vec![count(*n)] })
            .collect(),
    }
}

pub fn backlog_by_age(report: &Dashboard, t: &ReportTexts) -> ReportTable {
    let mut previous = None;
    ReportTable {
        id: "backlog-age",
        title: t.by_age.to_string(),
        rows_are: t.age.to_string(),
        columns: vec![column(t.count, Unit::Count)],
        groups: Vec::new(),
        rows: report
            .backlog
            .by_age
            .iter()
            .map(|age| {
                let label = t.bucket(age.under_minutes, previous.or(AGE_BUCKETS.last().copied()));
                previous = age.under_minutes;
                Row { label, values: vec![count(age.count)] }
            })
            .collect(),
    }
}

/// The name of a breakdown row's key: priorities and tiers as codes, channels in words,
/// ids by the names the report sent along.
fn key_name(report: &Dashboard, t: &ReportTexts, key: &Option<String>) -> String {
    let Some(key) = key else { return t.none.to_string() };
    let named = |list: &[edgedesk_domain::workflow::Named]| {
        list.iter()
            .find(|named| named.id.to_string() == *key)
            .map_or_else(|| format!("#{key}"), |n| n.name.clone())
    };
    match report.query.group {
        Dimension::Priority => key.clone(),
        Dimension::Tier => key.to_uppercase(),
        Dimension::Channel => t.channel_name(key),
        Dimension::Category => named(&report.options.categories),
        Dimension::Organisation => named(&report.options.organisations),
        Dimension::Agent => named(&report.options.agents),
    }
}

pub fn breakdown(report: &Dashboard, t: &ReportTexts) -> ReportTable {
    let figures = |row: &Breakdown| {
        vec![
            count(row.opened),
            row.first_response.median_minutes,
            row.first_response.p90_minutes.map(|p90| p90 as f64),
            row.first_response.compliance_percent,
            count(row.resolution.count),
            row.resolution.median_minutes,
            row.resolution.p90_minutes.map(|p90| p90 as f64),
            row.resolution.compliance_percent,
            row.reopen_percent,
        ]
    };
    ReportTable {
        id: "breakdown",
        title: format!("{} · {}", t.breakdown_title, t.dimension(report.query.group)),
        rows_are: t.dimension(report.query.group).to_string(),
        columns: vec![
            column(t.opened, Unit::Count),
            grouped(t.first_response, t.median, Unit::Minutes),
            grouped(t.first_response, t.p90, Unit::Minutes),
            grouped(t.first_response, t.within_target_short, Unit::Percent),
            grouped(t.resolution, t.resolved, Unit::Count),
            grouped(t.resolution, t.median, Unit::Minutes),
            grouped(t.resolution, t.p90, Unit::Minutes),
            grouped(t.resolution, t.within_target_short, Unit::Percent),
            column(t.reopen_rate, Unit::Percent),
        ],
        groups: vec![
            (String::new(), 1),
            (t.first_response.to_string(), 3),
            (t.resolution.to_string(), 4),
            (String::new(), 1),
        ],
        rows: report
            .breakdown
            .iter()
            .map(|row| Row { label: key_name(report, t, &row.key), values: figures(row) })
            .collect(),
    }
}
