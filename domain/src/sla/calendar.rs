//! Calendars: when the desk's SLA clocks run. Either around the clock or weekly opening
//! hours, in an IANA time zone, with holidays (whole or partial days) closed.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::zone::Zone;
use crate::error::{ApiError, ErrorCode};

/// The longest stretch a clock looks ahead for open time before giving up.
const HORIZON_DAYS: i64 = 3 * 366;
const DAY_MINUTES: u32 = 24 * 60;
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A calendar as admins write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    pub id: String,
    pub name: String,
    pub zone: String,
    /// Weekly opening hours; `None` means open around the clock.
    #[serde(default)]
    pub hours: Option<Vec<OpeningHours>>,
    #[serde(default)]
    pub holidays: Vec<Holiday>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    /// "mon" … "sun".
    pub day: String,
    /// "08:00"
    pub opens: String,
    /// "16:00"; "24:00" for midnight at the end of the day.
    pub closes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// "2026-12-24"
    pub date: String,
    pub name: String,
    /// A partial holiday: closed from this time (whole day when both are absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_until: Option<String>,
}

/// Minutes after local midnight, start inclusive, end exclusive.
type Span = (u32, u32);

/// When a clock runs: empty `days` means around the clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hours {
    pub zone: String,
    pub days: Vec<DayHours>,
}

/// Consecutive weekdays (0 = Monday) with the same open spans (minutes after midnight).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    pub first: u8,
    pub last: u8,
    pub spans: Vec<(u32, u32)>,
}

/// A validated calendar, ready to measure time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub zone: Zone,
    week: [Vec<Span>; 7],
    closed: BTreeMap<NaiveDate, Span>,
    around_the_clock: bool,
}

fn invalid(field: String, message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidValue, message).with_field(&field)
}

/// "HH:MM" as minutes after midnight; "24:00" only where `end` allows it.
fn minutes(text: &str, end: bool) -> Option<u32> {
    let (hours, minutes) = text.split_once(':')?;
    if hours.len() != 2 || minutes.len() != 2 {
        return None;
    }
    let total = hours.parse::<u32>().ok()? * 60 + minutes.parse::<u32>().ok().filter(|m| *m < 60)?;
    (total < DAY_MINUTES || (end && total == DAY_MINUTES)).then_some(total)
}

/// "YYYY-MM-DD" (a hand parser: chrono's format parser would add to both binaries).
fn date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |part: &str, length: usize| part.len() == length && part.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

impl Calendar {
    /// Checks every field; `at` names the calendar in error fields ("calendars[0]").
    pub fn schedule(&self, at: &str) -> Result<Schedule, ApiError> {
        let zone = Zone::find(&self.zone)
            .ok_or_else(|| invalid(format!("{at}.zone"), format!("Unknown time zone \"{}\"", self.zone)))?;
        let mut week: [Vec<Span>; 7] = Default::default();
        match &self.hours {
            None => week.iter_mut().for_each(|day| day.push((0, DAY_MINUTES))),
            Some(hours) => {
                for (index, hours) in hours.iter().enumerate() {
                    let field = format!("{at}.hours[{index}]");
                    let day = WEEKDAYS.iter().position(|day| *day == hours.day).ok_or_else(|| {
                        invalid(
                            format!("{field}.day"),
                            "Day must be one of mon, tue, wed, thu, fri, sat, sun",
                        )
                    })?;
                    let opens = minutes(&hours.opens, false)
                        .ok_or_else(|| invalid(format!("{field}.opens"), "Opening time must be HH:MM"))?;
                    let closes = minutes(&hours.closes, true).ok_or_else(|| {
                        invalid(format!("{field}.closes"), "Closing time must be HH:MM (24:00 for midnight)")
                    })?;
                    if closes <= opens {
                        return Err(invalid(
                            format!("{field}.closes"),
                            "Closing time must be after opening time",
                        ));
                    }
                    if week[day].iter().any(|(from, to)| opens < *to && *from < closes) {
                        return Err(invalid(field, format!("Hours overlap on {}", hours.day)));
                    }
                    week[day].push((opens, closes));
                    week[day].sort_unstable();
                }
                if week.iter().all(Vec::is_empty) {
                    return Err(invalid(
                        format!("{at}.hours"),
                        "A calendar needs opening hours on at least one day",
                    ));
                }
            }
        }
        let mut closed = BTreeMap::new();
        for (index, holiday) in self.holidays.iter().enumerate() {
            let field = format!("{at}.holidays[{index}]");
            let date = date(&holiday.date)
                .ok_or_else(|| invalid(format!("{field}.date"), "Date must be YYYY-MM-DD"))?;
            if holiday.name.trim().is_empty() {
                return Err(invalid(format!("{field}.name"), "Holiday needs a name"));
            }
            let bound = |text: &Option<String>, default: u32, name: &str| match text {
                None => Ok(default),
                Some(text) => minutes(text, true)
                    .ok_or_else(|| invalid(format!("{field}.{name}"), "Time must be HH:MM")),
            };
            let from = bound(&holiday.closed_from, 0, "closed_from")?;
            let until = bound(&holiday.closed_until, DAY_MINUTES, "closed_until")?;
            if until <= from {
                return Err(invalid(
                    format!("{field}.closed_until"),
                    "Closed-until must be after closed-from",
                ));
            }
            if closed.insert(date, (from, until)).is_some() {
                return Err(invalid(format!("{field}.date"), format!("{} is listed twice", holiday.date)));
            }
        }
        Ok(Schedule { zone, week, closed, around_the_clock: self.hours.is_none() })
    }
}

impl Schedule {
    /// The calendar's open spans on a local date, as instants.
    fn spans_on(&self, date: NaiveDate) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + '_ {
        let closed = self.closed.get(&date).copied();
        let day = date.weekday().num_days_from_monday() as usize;
        self.week[day]
            .iter()
            .flat_map(move |&(from, to)| match closed {
                None => vec![(from, to)],
                Some((shut, reopen)) => [(from, to.min(shut)), (from.max(reopen), to)]
                    .into_iter()
                    .filter(|(from, to)| from < to)
                    .collect(),
            })
            .map(move |(from, to)| (self.instant(date, from), self.instant(date, to)))
            .filter(|(from, to)| from < to)
    }

    fn instant(&self, date: NaiveDate, minutes: u32) -> DateTime<Utc> {
        let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
        self.zone.from_local(midnight + Duration::minutes(i64::from(minutes)))
    }

    /// Open spans from `from` onwards (the first clipped to start at `from`), in order,
    /// for at most [`HORIZON_DAYS`].
    pub fn open_from(
        &self,
        from: DateTime<Utc>,
    ) -> impl Iterator<Item = (DateTime<Utc>, DateTime<Utc>)> + '_ {
        let first = self.zone.to_local(from).date();
        (0..HORIZON_DAYS)
            .filter_map(move |days| first.checked_add_signed(Duration::days(days)))
            .flat_map(move |date| self.spans_on(date))
            .filter(move |(_, to)| *to > from)
            .map(move |(start, to)| (start.max(from), to))
    }

    /// Open milliseconds in `[from, to)`.
    pub fn open_millis(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        if to <= from {
            return 0;
        }
        self.open_from(from)
            .take_while(|(start, _)| *start < to)
            .map(|(start, end)| (end.min(to) - start).num_milliseconds())
            .sum()
    }

    /// The instant at which `millis` of open time have passed since `from`; `None`
    /// beyond the horizon (a calendar closed for years).
    pub fn after(&self, from: DateTime<Utc>, millis: i64) -> Option<DateTime<Utc>> {
        if millis <= 0 {
            return Some(from);
        }
        let mut left = millis;
        for (start, end) in self.open_from(from) {
            let span = (end - start).num_milliseconds();
            if span >= left {
                return Some(start + Duration::milliseconds(left));
            }
            left -= span;
        }
        None
    }

    /// Whether `instant` lies in an open span, counting a span's closing time as inside
    /// (a deadline may fall at closing time).
    pub fn is_open_at(&self, instant: DateTime<Utc>) -> bool {
        let date = self.zone.to_local(instant).date();
        [date.pred_opt(), Some(date)]
            .into_iter()
            .flatten()
            .flat_map(|date| self.spans_on(date).collect::<Vec<_>>())
            .any(|(from, to)| from <= instant && instant <= to)
    }

    /// The hours a clock counts, as values for the reader's language to put into words.
    pub fn hours(&self) -> Hours {
        let zone = self.zone.name.to_string();
        if self.around_the_clock {
            return Hours { zone, days: Vec::new() };
        }
        let mut days: Vec<DayHours> = Vec::new();
        for (day, spans) in self.week.iter().enumerate() {
            match days.last_mut() {
                Some(run) if usize::from(run.last) + 1 == day && run.spans == *spans => run.last = day as u8,
                _ => days.push(DayHours { first: day as u8, last: day as u8, spans: spans.clone() }),
            }
        }
        days.retain(|run| !run.spans.is_empty());
        Hours { zone, days }
    }
}
