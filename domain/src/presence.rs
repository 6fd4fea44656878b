//! Who else is looking at or writing on a ticket: short-lived records each open console
//! page renews, so two agents do not answer the same customer twice.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// How often an open page renews its record.
pub const RENEW_EVERY_SECONDS: u64 = 20;
/// A record older than this is someone who left: two missed renewals and then some.
pub const FRESH_FOR_SECONDS: i64 = 45;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    pub user_id: i64,
    pub name: String,
    /// Writing a reply or note right now (not just reading).
    pub editing: bool,
    pub seen_at: DateTime<Utc>,
}

/// `POST /api/tickets/{id}/presence`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceUpdate {
    #[serde(default)]
    pub editing: bool,
}

/// The other people on the ticket now, writers first, then by name.
pub fn others(records: Vec<Presence>, me: i64, now: DateTime<Utc>) -> Vec<Presence> {
    let mut fresh: Vec<Presence> = records
        .into_iter()
        .filter(|record| record.user_id != me && now - record.seen_at <= Duration::seconds(FRESH_FOR_SECONDS))
        .collect();
    fresh.sort_by(|a, b| b.editing.cmp(&a.editing).then_with(|| a.name.cmp(&b.name)));
    fresh
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn only_fresh_records_of_other_people_count_and_writers_come_first() {
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        let record = |user_id, name: &str, editing, age| Presence {
            user_id,
            name: name.into(),
            editing,
            seen_at: now - Duration::seconds(age),
        };
        let shown = others(
            vec![
                record(1, "Me", true, 0),
                record(2, "Bo", false, 10),
                record(3, "Ann", false, 5),
                record(4, "Cy", true, 44),
                record(5, "Gone", true, 46),
            ],
            1,
            now,
        );
        let names: Vec<_> = shown.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Cy", "Ann", "Bo"]);
        const { assert!(RENEW_EVERY_SECONDS * 2 < FRESH_FOR_SECONDS as u64) };
    }
}
