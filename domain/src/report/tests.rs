use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::report::rollup;

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

fn dims(priority: &str, agent: i64) -> rollup::Dims {
    rollup::Dims {
        priority: Some(priority.to_string()),
        tier: "l1".into(),
        channel: "portal".into(),
        agent_id: Some(agent),
        ..rollup::Dims::default()
    }
}

fn result(
    target: &str,
    day: u32,
    minutes: i64,
    target_minutes: i64,
    reopened: bool,
    rating: Option<i64>,
    agent: i64,
) -> rollup::ResultRow {
    rollup::ResultRow {
        target: target.into(),
        stopped_at: Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap().timestamp_millis(),
        minutes,
        breached: i64::from(minutes >= target_minutes),
        reopened: i64::from(reopened),
        rating,
        dims: dims("P2", agent),
    }
}

#[test]
fn a_dashboard_from_daily_cells_by_hand() {
    let zone = Zone::find("Europe/Copenhagen").unwrap();
    let results = [
        result("first_response", 2, 30, 90, false, None, 3),
        result("first_response", 2, 120, 90, false, None, 4),
        result("first_response", 3, 45, 90, false, None, 3),
        result("resolution", 2, 300, 480, false, Some(5), 3),
        result("resolution", 2, 600, 480, false, None, 4),
        // Reopened: its rating counts with the later resolution only.
        result("resolution", 3, 100, 480, true, Some(2), 3),
        result("resolution", 4, 200, 480, false, Some(2), 3),
    ];
    let opened = [rollup::OpenedRow {
        reported_at: Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap().timestamp_millis(),
        is_major: 1,
        dims: dims("P2", 3),
    }];
    let days = rollup::cells_by_day(&results, &opened, |at| local_day(&zone, at));
    let query =
        ReportQuery::from_query("from=2026-11-02&to=2026-11-04&group=agent", day("2026-12-01")).unwrap();
    let report = Dashboard::assemble(Parts {
        query,
        zone: zone.name.to_string(),
        days,
        today: rollup::Cells::default(),
        backlog: Backlog::default(),
        options: Options::default(),
        promise: Vec::new(),
    });
    let period = &report.period;
    assert_eq!((period.opened, period.majors), (1, 1));
    assert_eq!(period.first_response.median_minutes, Some(45.0));
    assert_eq!(period.first_response.compliance_percent, Some(66.7));
    // 100, 200, 300, 600: the middle two are 200 and 300.
    assert_eq!(period.resolution.median_minutes, Some(250.0));
    assert_eq!(period.resolution.average_minutes, Some(300.0));
    assert_eq!(period.resolution.p90_minutes, Some(600));
    assert_eq!((period.reopened, period.reopen_percent), (1, Some(25.0)));
    assert_eq!(
        period.csat,
        Csat { rated: 2, satisfied: 1, satisfied_percent: Some(50.0), average: Some(3.5) }
    );
    assert_eq!(
        report.days.iter().map(|d| (d.opened, d.resolved, d.breached)).collect::<Vec<_>>(),
        vec![(1, 2, 2), (0, 1, 0), (0, 1, 0)]
    );
    // By agent, most resolutions first.
    assert_eq!(
        report.breakdown.iter().map(|row| (row.key.clone(), row.resolution.count)).collect::<Vec<_>>(),
        vec![(Some("3".into()), 3), (Some("4".into()), 1)]
    );
    assert_eq!(
        report.distribution.iter().map(|b| b.resolution).collect::<Vec<_>>(),
        vec![0, 1, 1, 1, 1, 0, 0]
    );
}

#[test]
fn histogram_buckets_keep_minutes_exact_under_two_hours_and_close_beyond() {
    for minutes in
        [0, 1, 59, 119, 120, 124, 125, 1439, 1440, 1499, 1500, 10_079, 10_080, 43_199, 43_200, 500_000]
    {
        let floor = rollup::bucket_floor(rollup::bucket(minutes));
        let width = match minutes {
            m if m < 120 => 1,
            m if m < 1440 => 5,
            m if m < 10_080 => 60,
            m if m < 43_200 => 1440,
            _ => 10_080,
        };
        assert!(floor <= minutes && minutes - floor < width, "{minutes} → {floor}");
    }
    // Buckets are in order, so ranks read in ascending minutes.
    assert!((0..20_000)
        .step_by(7)
        .collect::<Vec<i64>>()
        .windows(2)
        .all(|w| rollup::bucket(w[0]) <= rollup::bucket(w[1])));
    // The display buckets' bounds are bucket floors: counting under them is exact.
    for bound in DURATION_BUCKETS.iter().chain(AGE_BUCKETS.iter()) {
        assert_eq!(rollup::bucket_floor(rollup::bucket(*bound)), *bound);
    }
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
    assert_eq!(day_start(&zone, day("2026-03-29")), Utc.with_ymd_and_hms(2026, 3, 28, 23, 0, 0).unwrap());
    assert_eq!(day_start(&zone, day("2026-03-30")), Utc.with_ymd_and_hms(2026, 3, 29, 22, 0, 0).unwrap());
    // 22:30 UTC on 29 March is already 00:30 on the 30th in Copenhagen; in winter 23:30.
    assert_eq!(local_day(&zone, Utc.with_ymd_and_hms(2026, 3, 29, 22, 30, 0).unwrap()), day("2026-03-30"));
    assert_eq!(local_day(&zone, Utc.with_ymd_and_hms(2026, 11, 3, 22, 30, 0).unwrap()), day("2026-11-03"));
    assert_eq!(local_day(&zone, Utc.with_ymd_and_hms(2026, 11, 3, 23, 30, 0).unwrap()), day("2026-11-04"));
    // Both offsets are known, so the sweep can mark every day a change may touch.
    assert_eq!(zone.offsets(), vec![3600, 7200]);
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
