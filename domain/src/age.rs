//! "How long ago" for lists, computed from an explicit `now` so it is testable and the
//! SPA can translate the unit.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age {
    /// Under a minute, including small clock skew into the future.
    JustNow,
    Minutes(i64),
    Hours(i64),
    Days(i64),
}

pub fn age(since: DateTime<Utc>, now: DateTime<Utc>) -> Age {
    let minutes = (now - since).num_minutes();
    match minutes {
        m if m < 1 => Age::JustNow,
        m if m < 60 => Age::Minutes(m),
        m if m < 24 * 60 => Age::Hours(m / 60),
        m => Age::Days(m / (24 * 60)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn picks_the_largest_whole_unit() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let ago = |d: Duration| age(now - d, now);
        assert_eq!(ago(Duration::seconds(59)), Age::JustNow);
        assert_eq!(ago(Duration::seconds(-30)), Age::JustNow);
        assert_eq!(ago(Duration::minutes(1)), Age::Minutes(1));
        assert_eq!(ago(Duration::minutes(59)), Age::Minutes(59));
        assert_eq!(ago(Duration::minutes(60)), Age::Hours(1));
        assert_eq!(ago(Duration::hours(23) + Duration::minutes(59)), Age::Hours(23));
        assert_eq!(ago(Duration::days(3)), Age::Days(3));
    }
}
