use chrono::{NaiveDate, TimeZone, Utc};

use super::*;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// What the Worker's query computes, done the slow way over a list of minutes.
fn tally_of(minutes: &[i64], target: i64) -> Tally {
    let mut sorted = minutes.to_vec();
    sorted.sort_unstable();
    let at = |rank: i64| sorted.get(rank as usize - 1).copied();
    let [lower, upper, p90] = Tally::ranks(sorted.len() as i64);
    Tally {
        count: sorted.len() as i64,
        sum_minutes: sorted.iter().sum(),
        breached: sorted.iter().filter(|m| **m >= target).count() as i64,
        reopened: 0,
        lower_middle: (!sorted.is_empty()).then(|| at(lower)).flatten(),
        upper_middle: (!sorted.is_empty()).then(|| at(upper)).flatten(),
        p90: (!sorted.is_empty()).then(|| at(p90)).flatten(),
    }
}

#[test]
fn figures_by_hand() {
    // 10, 20, 30, 40 against a 30-minute target: the middle two are 20 and 30.
    let figures = Figures::of(&tally_of(&[40, 10, 30, 20], 30));
    assert_eq!(figures.count, 4);
    assert_eq!(figures.median_minutes, Some(25.0));
    assert_eq!(figures.average_minutes, Some(25.0));
    // ceil(0.9 × 4) = 4th value.
    assert_eq!(figures.p90_minutes, Some(40));
    // 30 and 40 used the whole target: breached (a clock breaches when it reaches its target).
    assert_eq!(figures.breached, 2);
    assert_eq!(figures.compliance_percent, Some(50.0));

    let odd = Figures::of(&tally_of(&[5, 100, 7], 60));
    assert_eq!(
        (odd.median_minutes, odd.average_minutes, odd.p90_minutes),
        (Some(7.0), Some(37.3), Some(100))
    );
    assert_eq!(odd.compliance_percent, Some(66.7));

    let none = Figures::of(&Tally::default());
    assert_eq!(
        (none.median_minutes, none.average_minutes, none.p90_minutes, none.compliance_percent),
        (None, None, None, None)
    );
}

#[test]
fn ranks_are_the_middle_and_the_nearest_rank_of_the_90th_percentile() {
    for count in 1..=500_i64 {
        let [lower, upper, p90] = Tally::ranks(count);
        let exact_p90 = (0.9 * count as f64).ceil() as i64;
        assert_eq!(p90, exact_p90, "n = {count}");
        if count % 2 == 1 {
            assert_eq!((lower, upper), ((count + 1) / 2, (count + 1) / 2));
        } else {
            assert_eq!((lower, upper), (count / 2, count / 2 + 1));
        }
    }
}

#[test]
fn reopen_rate_and_satisfaction() {
    let resolution = Tally { count: 8, reopened: 1, ..Tally::default() };
    let summary = Summary::new(10, 1, &Tally::default(), &resolution, Csat::of(3, 2, 12));
    assert_eq!(summary.reopen_percent, Some(12.5));
    assert_eq!(summary.csat.satisfied_percent, Some(66.7));
    assert_eq!(summary.csat.average, Some(4.0));
    assert_eq!(Csat::of(0, 0, 0).average, None);
}

#[test]
fn query_defaults_and_shareable_links() {
    let today = day("2026-12-03");
    let query = ReportQuery::from_query("", today).unwrap();
    assert_eq!((query.from, query.to, query.group), (day("2026-11-04"), today, Dimension::Priority));
    assert_eq!(query.days(), 30);

    let text = "from=2026-11-01&to=2026-11-30&group=agent&priority=P2&tier=l2&channel=email&category=3&organisation=1&agent=4&unknown=x";
    let query = ReportQuery::from_query(text, today).unwrap();
    assert_eq!(query.filters.priority, Some(Priority::P2));
    assert_eq!(query.filters.channel, Some(Channel::Email));
    assert_eq!(ReportQuery::from_query(&query.to_query(), today).unwrap(), query);

    // Only `to`: the 30 days ending there.
    let earlier = ReportQuery::from_query("to=2026-06-30", today).unwrap();
    assert_eq!(earlier.from, day("2026-06-01"));
    // Empty values mean "any".
    assert_eq!(ReportQuery::from_query("priority=&agent=", today).unwrap().filters, Filters::default());
}

#[test]
fn bad_queries_name_their_field() {
    let today = day("2026-12-03");
    let field =
        |text: &str| ReportQuery::from_query(text, today).unwrap_err().field_errors()[0].field.clone();
    assert_eq!(field("from=yesterday"), "from");
    assert_eq!(field("to=2026-02-30"), "to");
    assert_eq!(field("from=2026-12-02&to=2026-12-01"), "from");
    assert_eq!(field("from=2024-01-01&to=2026-01-01"), "from");
    assert_eq!(field("priority=P9"), "priority");
    assert_eq!(field("agent=-1"), "agent");
    assert_eq!(field("category=99999999999999999999"), "category");
    assert_eq!(field("group=weather"), "group");
    assert_eq!(field("from=9999-01-01"), "from");
    // A year and a leap day is the most.
    assert!(ReportQuery::from_query("from=2024-01-01&to=2024-12-31", today).is_ok());
}

#[test]
fn agents_report_on_their_own_work() {
    let today = day("2026-12-03");
    let mine = ReportQuery::last_days(today).scoped(ReportScope::Agent(4)).unwrap();
    assert_eq!(mine.filters.agent, Some(4));
    let other = ReportQuery::from_query("agent=5", today).unwrap().scoped(ReportScope::Agent(4));
    assert_eq!(other.unwrap_err().code, ErrorCode::Forbidden);
    let desk = ReportQuery::from_query("agent=5", today).unwrap().scoped(ReportScope::Desk).unwrap();
    assert_eq!(desk.filters.agent, Some(5));
}

#[test]
fn days_are_the_desks_local_days_across_daylight_saving() {
    let zone = Zone::find("Europe/Copenhagen").unwrap();
    // Summer time starts on Sunday 29 March 2026 at 02:00: that day has 23 hours.
    let runs = day_runs(&zone, day("2026-03-27"), day("2026-03-31"));
    let hour = 3_600_000;
    assert_eq!(runs.len(), 3);
    assert_eq!((runs[0].index, runs[0].day_millis), (0, 24 * hour));
    assert_eq!(runs[0].start, Utc.with_ymd_and_hms(2026, 3, 26, 23, 0, 0).unwrap());
    assert_eq!((runs[1].index, runs[1].day_millis), (2, 23 * hour));
    assert_eq!(runs[1].start, Utc.with_ymd_and_hms(2026, 3, 28, 23, 0, 0).unwrap());
    assert_eq!((runs[2].index, runs[2].day_millis), (3, 24 * hour));
    assert_eq!(runs[2].start, Utc.with_ymd_and_hms(2026, 3, 29, 22, 0, 0).unwrap());
    assert_eq!(runs[2].end, Utc.with_ymd_and_hms(2026, 3, 31, 22, 0, 0).unwrap());
    // 23:30 UTC on 29 March is already 1:30 on the 30th in Copenhagen.
    assert_eq!(local_day(&zone, Utc.with_ymd_and_hms(2026, 3, 29, 22, 30, 0).unwrap()), day("2026-03-30"));
    // A period without a change is one run.
    assert_eq!(day_runs(&zone, day("2026-11-01"), day("2026-11-30")).len(), 1);
}

#[test]
fn buckets() {
    assert_eq!(bucket_of(&DURATION_BUCKETS, 0), 0);
    assert_eq!(bucket_of(&DURATION_BUCKETS, 60), 1);
    assert_eq!(bucket_of(&DURATION_BUCKETS, 1439), 4);
    assert_eq!(bucket_of(&DURATION_BUCKETS, 100_000), 6);
    assert_eq!(
        bucket_limits(&AGE_BUCKETS).collect::<Vec<_>>(),
        vec![Some(240), Some(1440), Some(4320), Some(10_080), None]
    );
}
