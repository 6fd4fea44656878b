//! IANA time zones as POSIX TZ rules ("CET-1CEST,M3.5.0,M10.5.0/3").
//!
//! A rule describes a zone's offsets now and in the future, which is all an SLA clock needs
//! (deadlines lie in the present or future). It costs a few kilobytes for every zone instead
//! of the hundreds a full tz database with its history would add to the Worker. The table
//! in `zones.rs` is generated from the system's tzdata by `scripts/gen-zones.sh`.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};

use super::zones::ZONES;

/// When daylight-saving time starts or ends: the `week`th `weekday` (0 = Sunday) of
/// `month`, week 5 meaning the last, at `seconds` after local midnight (may be negative
/// or beyond 24 h, as in "M3.4.4/26").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change {
    month: u32,
    week: u32,
    weekday: u32,
    seconds: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Daylight {
    /// Seconds east of UTC while daylight-saving time is in force.
    offset: i64,
    start: Change,
    end: Change,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    pub name: &'static str,
    /// Seconds east of UTC outside daylight-saving time.
    standard: i64,
    daylight: Option<Daylight>,
}

/// Every zone name the desk knows, sorted.
pub fn names() -> impl Iterator<Item = &'static str> {
    ZONES.iter().map(|(name, _)| *name)
}

impl Zone {
    pub fn find(name: &str) -> Option<Zone> {
        let (name, rule) = ZONES.iter().find(|(zone, _)| *zone == name)?;
        parse(name, rule)
    }

    /// Every offset the zone uses (seconds east of UTC): standard time and, if it has one,
    /// daylight-saving time.
    pub fn offsets(&self) -> Vec<i64> {
        std::iter::once(self.standard).chain(self.daylight.map(|daylight| daylight.offset)).collect()
    }

    /// Seconds east of UTC at `instant`.
    pub fn offset_at(&self, instant: DateTime<Utc>) -> i64 {
        let Some(daylight) = self.daylight else { return self.standard };
        let seconds = instant.timestamp();
        let year = DateTime::from_timestamp(seconds + self.standard, 0).map_or(1970, |local| local.year());
        let starts = change_in(year, daylight.start) - self.standard;
        let ends = change_in(year, daylight.end) - daylight.offset;
        let in_daylight = if starts < ends {
            (starts..ends).contains(&seconds)
        } else {
            !(ends..starts).contains(&seconds)
        };
        if in_daylight {
            daylight.offset
        } else {
            self.standard
        }
    }

    pub fn to_local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.naive_utc() + Duration::seconds(self.offset_at(instant))
    }

    /// The instant a local wall-clock time names. A time skipped by a daylight-saving jump
    /// moves forward by the jump (02:30 → 03:30); a time that occurs twice is the earlier.
    pub fn from_local(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let offsets = match self.daylight {
            Some(daylight) => [self.standard.max(daylight.offset), self.standard.min(daylight.offset)],
            None => [self.standard; 2],
        };
        let candidate = |offset: i64| (local - Duration::seconds(offset)).and_utc();
        offsets
            .into_iter()
            .map(candidate)
            .find(|instant| self.to_local(*instant) == local)
            .unwrap_or_else(|| candidate(offsets[1]))
    }
}

/// Local seconds since the epoch at which `change` happens in `year`.
fn change_in(year: i32, change: Change) -> i64 {
    let weekday = chrono::Weekday::try_from(((change.weekday + 6) % 7) as u8).unwrap_or(chrono::Weekday::Sun);
    let date = if change.week >= 5 {
        (1..=5).rev().find_map(|week| NaiveDate::from_weekday_of_month_opt(year, change.month, weekday, week))
    } else {
        NaiveDate::from_weekday_of_month_opt(year, change.month, weekday, change.week as u8)
    };
    let midnight =
        date.and_then(|date| date.and_hms_opt(0, 0, 0)).map_or(0, |time| time.and_utc().timestamp());
    midnight + change.seconds
}

fn parse(name: &'static str, rule: &str) -> Option<Zone> {
    let mut rest = rule;
    abbreviation(&mut rest)?;
    let standard = -offset(&mut rest)?;
    if rest.is_empty() {
        return Some(Zone { name, standard, daylight: None });
    }
    abbreviation(&mut rest)?;
    let offset = if rest.starts_with(',') { standard + 3600 } else { -offset(&mut rest)? };
    let (start, end) = rest.strip_prefix(',')?.split_once(',')?;
    let daylight = Daylight { offset, start: change(start)?, end: change(end)? };
    Some(Zone { name, standard, daylight: Some(daylight) })
}

fn abbreviation(rest: &mut &str) -> Option<()> {
    let length = if let Some(quoted) = rest.strip_prefix('<') {
        quoted.find('>')? + 2
    } else {
        rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len())
    };
    (length >= 3).then(|| *rest = &rest[length..])
}

/// "[+-]hh[:mm[:ss]]" in seconds, as written (POSIX offsets count west of UTC).
fn offset(rest: &mut &str) -> Option<i64> {
    let length = rest.find(|c: char| !(c.is_ascii_digit() || "+-:".contains(c))).unwrap_or(rest.len());
    let text = &rest[..length];
    *rest = &rest[length..];
    seconds(text)
}

fn seconds(text: &str) -> Option<i64> {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(digits) => (-1, digits),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let mut total = 0;
    for (index, part) in digits.split(':').enumerate() {
        let unit = [3600, 60, 1].get(index)?;
        total += part.parse::<i64>().ok()? * unit;
    }
    Some(sign * total)
}

/// "Mm.w.d[/time]"; the only form tzdata's footers use.
fn change(text: &str) -> Option<Change> {
    let (date, time) = text.split_once('/').unwrap_or((text, "2"));
    let mut parts = date.strip_prefix('M')?.split('.').map(|part| part.parse::<u32>().ok());
    let (month, week, weekday) = (parts.next()??, parts.next()??, parts.next()??);
    let valid = (1..=12).contains(&month) && (1..=5).contains(&week) && weekday <= 6;
    valid.then_some(Change { month, week, weekday, seconds: seconds(time)? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap()
    }

    #[test]
    fn every_zone_in_the_table_parses() {
        for (name, rule) in ZONES {
            assert!(Zone::find(name).is_some(), "{name}: {rule}");
        }
        assert!(Zone::find("Mars/Olympus_Mons").is_none());
    }

    #[test]
    fn copenhagen_changes_on_the_last_sundays_of_march_and_october_at_01_utc() {
        let zone = Zone::find("Europe/Copenhagen").unwrap();
        assert_eq!(zone.offset_at(utc(2026, 3, 29, 0, 59)), 3600);
        assert_eq!(zone.offset_at(utc(2026, 3, 29, 1, 0)), 7200);
        assert_eq!(zone.offset_at(utc(2026, 10, 25, 0, 59)), 7200);
        assert_eq!(zone.offset_at(utc(2026, 10, 25, 1, 0)), 3600);
        assert_eq!(zone.offset_at(utc(2027, 3, 28, 1, 0)), 7200);
        assert_eq!(zone.offset_at(utc(2027, 1, 10, 12, 0)), 3600);
    }

    #[test]
    fn skipped_local_times_move_forward_and_repeated_ones_take_the_first() {
        let zone = Zone::find("Europe/Copenhagen").unwrap();
        assert_eq!(zone.from_local(local(2026, 3, 29, 2, 30)), utc(2026, 3, 29, 1, 30));
        assert_eq!(zone.to_local(utc(2026, 3, 29, 1, 30)), local(2026, 3, 29, 3, 30));
        assert_eq!(zone.from_local(local(2026, 10, 25, 2, 30)), utc(2026, 10, 25, 0, 30));
        assert_eq!(zone.from_local(local(2026, 10, 25, 3, 30)), utc(2026, 10, 25, 2, 30));
        assert_eq!(zone.from_local(local(2026, 7, 1, 8, 0)), utc(2026, 7, 1, 6, 0));
    }

    #[test]
    fn other_hemispheres_and_unusual_rules() {
        let new_york = Zone::find("America/New_York").unwrap();
        assert_eq!(new_york.offset_at(utc(2026, 3, 8, 6, 59)), -5 * 3600);
        assert_eq!(new_york.offset_at(utc(2026, 3, 8, 7, 0)), -4 * 3600);
        assert_eq!(new_york.offset_at(utc(2026, 11, 1, 6, 0)), -5 * 3600);
        let sydney = Zone::find("Australia/Sydney").unwrap();
        assert_eq!(sydney.offset_at(utc(2026, 1, 15, 0, 0)), 11 * 3600);
        assert_eq!(sydney.offset_at(utc(2026, 4, 4, 16, 0)), 10 * 3600);
        assert_eq!(sydney.offset_at(utc(2026, 10, 3, 16, 0)), 11 * 3600);
        let dublin = Zone::find("Europe/Dublin").unwrap();
        assert_eq!(dublin.offset_at(utc(2026, 1, 15, 12, 0)), 0);
        assert_eq!(dublin.offset_at(utc(2026, 7, 15, 12, 0)), 3600);
        let nuuk = Zone::find("America/Nuuk").unwrap();
        assert_eq!(nuuk.offset_at(utc(2026, 3, 29, 0, 59)), -2 * 3600);
        assert_eq!(nuuk.offset_at(utc(2026, 3, 29, 1, 0)), -3600);
        let kolkata = Zone::find("Asia/Kolkata").unwrap();
        assert_eq!(kolkata.offset_at(utc(2026, 6, 1, 0, 0)), 5 * 3600 + 1800);
    }
}
