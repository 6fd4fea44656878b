//! Daily rollups: what one day's results and new tickets add up to, per value of each
//! dimension. The sweep stores a day's cells once the day's data changed; a report merges
//! the cells of its days, so its cost grows with the days and the dimension's values, not
//! with the tickets. Times are kept as histograms with buckets fine enough to read medians
//! and percentiles from: to the minute under two hours, to five minutes under a day, to
//! the hour under a week, to the day beyond.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Dimension, Figures};

/// The lower bound (minutes) of each run of buckets and the width of its buckets.
const RUNS: [(i64, i64); 5] = [(0, 1), (120, 5), (1440, 60), (10_080, 1440), (43_200, 10_080)];

/// The histogram bucket of a number of minutes.
pub fn bucket(minutes: i64) -> u32 {
    let minutes = minutes.max(0);
    let mut first = 0;
    for (index, (from, width)) in RUNS.iter().enumerate() {
        let until = RUNS.get(index + 1).map_or(i64::MAX, |(next, _)| *next);
        if minutes < until {
            return (first + (minutes - from) / width) as u32;
        }
        first += (until - from) / width;
    }
    unreachable!("the last run is open")
}

/// The smallest number of minutes in a bucket: what a percentile in it reads as.
pub fn bucket_floor(bucket: u32) -> i64 {
    let mut bucket = i64::from(bucket);
    for (index, (from, width)) in RUNS.iter().enumerate() {
        let size = RUNS.get(index + 1).map_or(i64::MAX, |(next, _)| (next - from) / width);
        if bucket < size {
            return from + bucket * width;
        }
        bucket -= size;
    }
    unreachable!("the last run is open")
}

/// One clock's results of a cell: counts, the sum of minutes and the histogram.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Times {
    pub count: i64,
    pub sum_minutes: i64,
    pub breached: i64,
    pub reopened: i64,
    /// Bucket → results in it.
    pub histogram: BTreeMap<u32, i64>,
}

impl Times {
    fn add(&mut self, minutes: i64, breached: bool, reopened: bool) {
        self.count += 1;
        self.sum_minutes += minutes;
        self.breached += i64::from(breached);
        self.reopened += i64::from(reopened);
        *self.histogram.entry(bucket(minutes)).or_default() += 1;
    }

    fn merge(&mut self, other: &Times) {
        self.count += other.count;
        self.sum_minutes += other.sum_minutes;
        self.breached += other.breached;
        self.reopened += other.reopened;
        for (bucket, count) in &other.histogram {
            *self.histogram.entry(*bucket).or_default() += count;
        }
    }

    /// The value at a 1-based rank in ascending order (its bucket's floor).
    fn at_rank(&self, rank: i64) -> Option<i64> {
        let mut seen = 0;
        self.histogram.iter().find_map(|(bucket, count)| {
            seen += count;
            (seen >= rank).then(|| bucket_floor(*bucket))
        })
    }

    pub fn figures(&self) -> Figures {
        let [lower, upper, p90] = super::Tally::ranks(self.count);
        let empty = self.count == 0;
        let tally = super::Tally {
            count: self.count,
            sum_minutes: self.sum_minutes,
            breached: self.breached,
            reopened: self.reopened,
            lower_middle: if empty { None } else { self.at_rank(lower) },
            upper_middle: if empty { None } else { self.at_rank(upper) },
            p90: if empty { None } else { self.at_rank(p90) },
        };
        Figures::of(&tally)
    }

    /// How many results fall under each bound of `bounds` (and past the last).
    pub fn counts_under(&self, bounds: &[i64]) -> Vec<i64> {
        let mut counts = vec![0; bounds.len() + 1];
        for (bucket, count) in &self.histogram {
            counts[super::bucket_of(bounds, bucket_floor(*bucket))] += count;
        }
        counts
    }
}

/// What one day (or a merged period) adds up to for one value of a dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub opened: i64,
    pub majors: i64,
    pub first_response: Times,
    pub resolution: Times,
    /// Ratings of the tickets resolved (each resolution's ticket rating, counted once per ticket).
    pub rated: i64,
    pub satisfied: i64,
    pub rating_sum: i64,
}

impl Cell {
    pub fn merge(&mut self, other: &Cell) {
        self.opened += other.opened;
        self.majors += other.majors;
        self.first_response.merge(&other.first_response);
        self.resolution.merge(&other.resolution);
        self.rated += other.rated;
        self.satisfied += other.satisfied;
        self.rating_sum += other.rating_sum;
    }
}

/// The dimensions a ticket or result is counted under, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Dims {
    pub priority: Option<String>,
    pub tier: String,
    pub category_id: Option<i64>,
    pub organisation_id: Option<i64>,
    pub channel: String,
    pub agent_id: Option<i64>,
}

impl Dims {
    /// The value under `dimension` (`None`: not set).
    pub fn value(&self, dimension: Dimension) -> Option<String> {
        match dimension {
            Dimension::Priority => self.priority.clone(),
            Dimension::Tier => Some(self.tier.clone()),
            Dimension::Category => self.category_id.map(|id| id.to_string()),
            Dimension::Organisation => self.organisation_id.map(|id| id.to_string()),
            Dimension::Channel => Some(self.channel.clone()),
            Dimension::Agent => self.agent_id.map(|id| id.to_string()),
        }
    }
}

/// A stored result (a stopped clock), with its ticket's rating for resolutions.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ResultRow {
    pub target: String,
    pub stopped_at: i64,
    pub minutes: i64,
    pub breached: i64,
    pub reopened: i64,
    pub rating: Option<i64>,
    #[serde(flatten)]
    pub dims: Dims,
}

/// A ticket reported in the period.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OpenedRow {
    pub reported_at: i64,
    pub is_major: i64,
    #[serde(flatten)]
    pub dims: Dims,
}

/// Where a cell is kept: the whole desk (`None`), or one value of one dimension.
pub type CellKey = (Option<Dimension>, Option<String>);

/// A day's (or any span's) cells: the whole desk and each value of every dimension.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cells(pub BTreeMap<CellKey, Cell>);

impl Cells {
    /// The cells of these rows. A ticket's rating counts with its last resolution (the one
    /// not reopened), so each rated ticket once.
    pub fn of(results: &[ResultRow], opened: &[OpenedRow]) -> Cells {
        let mut cells = Cells::default();
        for row in results {
            let rating = (row.target == "resolution" && row.reopened == 0).then_some(row.rating).flatten();
            cells.each(&row.dims, |cell| {
                let times = if row.target == "first_response" {
                    &mut cell.first_response
                } else {
                    &mut cell.resolution
                };
                times.add(row.minutes, row.breached != 0, row.reopened != 0);
                if let Some(rating) = rating {
                    cell.rated += 1;
                    cell.satisfied += i64::from(rating >= 4);
                    cell.rating_sum += rating;
                }
            });
        }
        for row in opened {
            cells.each(&row.dims, |cell| {
                cell.opened += 1;
                cell.majors += row.is_major;
            });
        }
        cells
    }

    /// Runs `add` on the desk's cell and on the cell of each dimension's value.
    fn each(&mut self, dims: &Dims, mut add: impl FnMut(&mut Cell)) {
        add(self.0.entry((None, None)).or_default());
        for dimension in Dimension::ALL {
            add(self.0.entry((Some(dimension), dims.value(dimension))).or_default());
        }
    }

    pub fn merge(&mut self, other: &Cells) {
        for (key, cell) in &other.0 {
            self.0.entry(key.clone()).or_default().merge(cell);
        }
    }

    pub fn desk(&self) -> Cell {
        self.0.get(&(None, None)).cloned().unwrap_or_default()
    }

    /// The cells of one dimension, by value.
    pub fn by(&self, dimension: Dimension) -> Vec<(Option<String>, Cell)> {
        self.0
            .iter()
            .filter(|((of, _), _)| *of == Some(dimension))
            .map(|((_, value), cell)| (value.clone(), cell.clone()))
            .collect()
    }
}

/// The rows of `results` and `opened` as cells per day; `day_of` gives an instant's day.
pub fn cells_by_day(
    results: &[ResultRow],
    opened: &[OpenedRow],
    day_of: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> BTreeMap<NaiveDate, Cells> {
    let at = |millis: i64| DateTime::from_timestamp_millis(millis).unwrap_or_default();
    let mut results_by_day: BTreeMap<NaiveDate, Vec<ResultRow>> = BTreeMap::new();
    for row in results {
        results_by_day.entry(day_of(at(row.stopped_at))).or_default().push(row.clone());
    }
    let mut opened_by_day: BTreeMap<NaiveDate, Vec<OpenedRow>> = BTreeMap::new();
    for row in opened {
        opened_by_day.entry(day_of(at(row.reported_at))).or_default().push(row.clone());
    }
    let days: std::collections::BTreeSet<NaiveDate> =
        results_by_day.keys().chain(opened_by_day.keys()).copied().collect();
    days.into_iter()
        .map(|day| {
            let results = results_by_day.get(&day).map_or(&[][..], Vec::as_slice);
            let opened = opened_by_day.get(&day).map_or(&[][..], Vec::as_slice);
            (day, Cells::of(results, opened))
        })
        .collect()
}

/// A cell's storage key: `dimension` ("" for the desk) and `value` ("" when not set).
pub fn storage_key(key: &CellKey) -> (&'static str, String) {
    (key.0.map_or("", Dimension::as_str), key.1.clone().unwrap_or_default())
}

/// The key a stored cell was kept under.
pub fn from_storage(dimension: &str, value: &str) -> Option<CellKey> {
    let dimension = if dimension.is_empty() { None } else { Some(Dimension::parse(dimension)?) };
    Some((dimension, (!value.is_empty()).then(|| value.to_string())))
}
