use chrono::{DateTime, Duration, TimeZone, Utc};

use super::breach::respond;
use super::calendar::{Calendar, DayHours, Holiday, Hours, OpeningHours};
use super::policy::SlaSettings;
use super::*;
use crate::auth::Tier;
use crate::lifecycle::Status;
use crate::priority::Priority;
use crate::testing::Random;
use crate::ticket::TicketKind;
use crate::workflow::{Audience, EventKind, Named, TicketState};

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn office(holidays: Vec<Holiday>) -> Calendar {
    let day = |day: &str| OpeningHours { day: day.into(), opens: "08:00".into(), closes: "16:00".into() };
    Calendar {
        id: "office".into(),
        name: "Office".into(),
        zone: "Europe/Copenhagen".into(),
        hours: Some(["mon", "tue", "wed", "thu", "fri"].into_iter().map(day).collect()),
        holidays,
    }
}

fn christmas() -> Vec<Holiday> {
    vec![
        Holiday {
            date: "2026-12-24".into(),
            name: "Christmas Eve".into(),
            closed_from: Some("12:00".into()),
            closed_until: None,
        },
        Holiday {
            date: "2026-12-25".into(),
            name: "Christmas Day".into(),
            closed_from: None,
            closed_until: None,
        },
    ]
}

/// Default settings whose policies all use `calendar`.
fn settings_in(calendar: Calendar) -> SlaSettings {
    let mut settings = SlaSettings::default();
    for policy in &mut settings.policies {
        policy.calendar = calendar.id.clone();
    }
    settings.calendars.retain(|existing| existing.id != calendar.id);
    settings.calendars.push(calendar);
    settings
}

fn opened(at: DateTime<Utc>) -> Moment {
    Moment { at, status: Some(Status::New), agent_reply: false }
}

fn status(at: DateTime<Utc>, status: Status) -> Moment {
    Moment { at, status: Some(status), agent_reply: false }
}

fn reply(at: DateTime<Utc>) -> Moment {
    Moment { at, status: None, agent_reply: true }
}

fn clock(clocks: &[Clock], target: Target) -> Clock {
    clocks.iter().find(|clock| clock.target == target).cloned().expect("clock")
}

#[test]
fn the_defaults_are_valid_and_match_the_source_document() {
    let settings = SlaSettings::default();
    settings.validate().unwrap();
    let minutes: Vec<(u32, u32)> =
        settings.policies.iter().map(|p| (p.first_response_minutes, p.resolution_minutes)).collect();
    assert_eq!(minutes, [(60, 240), (90, 480), (120, 1440), (180, 2400)]);
    // A 10/20/40/30 % mix of P1–P4 resolves in 23.6 h on average: within the promised 24 h.
    let mix = [0.1, 0.2, 0.4, 0.3];
    let average: f64 =
        minutes.iter().zip(mix).map(|((_, resolution), share)| f64::from(*resolution) * share).sum();
    assert!((average / 60.0 - 23.6).abs() < 1e-9);
}

#[test]
fn validation_names_the_field_at_fault() {
    let mut settings = SlaSettings::default();
    settings.calendars[1].zone = "Europe/Atlantis".into();
    assert_eq!(settings.validate().unwrap_err().field.as_deref(), Some("calendars[1].zone"));
    let mut settings = SlaSettings::default();
    settings.calendars[1].hours.as_mut().unwrap()[0].closes = "07:00".into();
    assert_eq!(settings.validate().unwrap_err().field.as_deref(), Some("calendars[1].hours[0].closes"));
    let mut settings = SlaSettings::default();
    settings.calendars[1].holidays = vec![christmas()[1].clone(), christmas()[1].clone()];
    assert_eq!(settings.validate().unwrap_err().field.as_deref(), Some("calendars[1].holidays[1].date"));
    let mut settings = SlaSettings::default();
    settings.policies.remove(0);
    assert_eq!(settings.validate().unwrap_err().field.as_deref(), Some("policies"));
    let mut settings = SlaSettings::default();
    settings.policies[2].first_response_minutes = 0;
    assert_eq!(settings.validate().unwrap_err().field.as_deref(), Some("policies[2].first_response_minutes"));
    let mut settings = SlaSettings::default();
    settings.policies[3].calendar = "nowhere".into();
    assert_eq!(settings.validate().unwrap_err().field.as_deref(), Some("policies[3].calendar"));
    let settings = SlaSettings { warnings: vec![75, 50], ..SlaSettings::default() };
    assert_eq!(settings.validate().unwrap_err().field.as_deref(), Some("warnings"));
}

#[test]
fn the_most_specific_policy_wins() {
    let mut settings = SlaSettings::default();
    let general = settings.policies[1].clone();
    let mut for_category = general.clone();
    for_category.id = "p2-network".into();
    for_category.category_id = Some(7);
    let mut for_organisation = general.clone();
    for_organisation.id = "p2-acme".into();
    for_organisation.organisation_id = Some(3);
    settings.policies.extend([for_category, for_organisation]);
    let chosen = |category, organisation| {
        settings.choose(Some(Priority::P2), category, organisation).unwrap().policy.id.clone()
    };
    assert_eq!(chosen(None, None), "p2");
    assert_eq!(chosen(Some(7), None), "p2-network");
    assert_eq!(chosen(Some(7), Some(3)), "p2-acme");
    assert_eq!(chosen(Some(8), Some(4)), "p2");
    assert_eq!(settings.choose(None, None, None).unwrap().policy.id, "p3");
}

#[test]
fn business_hours_deadline_crosses_the_weekend_and_the_spring_dst_change() {
    let settings = settings_in(office(Vec::new()));
    let chosen = settings.choose(Some(Priority::P1), None, None).unwrap();
    // Friday 27 March 2026 15:30 in Copenhagen (CET, UTC+1): 30 minutes left that day.
    let created = utc(2026, 3, 27, 14, 30);
    let clocks = clocks(&[opened(created)], &chosen, created);
    let response = clock(&clocks, Target::FirstResponse);
    // …and 30 more on Monday 30 March, now CEST (UTC+2): 08:30 local = 06:30 UTC.
    assert_eq!(response.due_at, Some(utc(2026, 3, 30, 6, 30)));
    assert_eq!(
        response.hours,
        Hours {
            zone: "Europe/Copenhagen".into(),
            days: vec![DayHours { first: 0, last: 4, spans: vec![(8 * 60, 16 * 60)] }]
        }
    );
}

#[test]
fn around_the_clock_counts_real_hours_across_both_dst_changes() {
    let settings = SlaSettings::default();
    let chosen = settings.choose(Some(Priority::P1), None, None).unwrap();
    // 00:30 UTC on the spring day: the local hour 02:00–03:00 does not exist.
    let spring = utc(2026, 3, 29, 0, 30);
    assert_eq!(
        clock(&clocks(&[opened(spring)], &chosen, spring), Target::FirstResponse).due_at,
        Some(utc(2026, 3, 29, 1, 30))
    );
    // 00:30 UTC on the autumn day: the local hour 02:00–03:00 happens twice.
    let autumn = utc(2026, 10, 25, 0, 30);
    let resolution = clock(&clocks(&[opened(autumn)], &chosen, autumn), Target::Resolution);
    assert_eq!(resolution.due_at, Some(utc(2026, 10, 25, 4, 30)));
}

#[test]
fn business_hours_across_the_autumn_change_and_partial_holidays() {
    let settings = settings_in(office(christmas()));
    let chosen = settings.choose(Some(Priority::P4), None, None).unwrap();
    // Friday 23 Oct 2026 12:00 CEST; 3 h response: 4 h left Friday, so due Friday 15:00.
    let created = utc(2026, 10, 23, 10, 0);
    assert_eq!(
        clock(&clocks(&[opened(created)], &chosen, created), Target::FirstResponse).due_at,
        Some(utc(2026, 10, 23, 13, 0))
    );
    // Friday 15:00 CEST: 1 h Friday, 2 h Monday 26 Oct from 08:00 CET (07:00 UTC).
    let late = utc(2026, 10, 23, 13, 0);
    assert_eq!(
        clock(&clocks(&[opened(late)], &chosen, late), Target::FirstResponse).due_at,
        Some(utc(2026, 10, 26, 9, 0))
    );
    // Thursday 24 Dec 11:00 CET: 1 h before the half-day holiday closes, none on the 25th,
    // the weekend, then Monday 28 Dec 08:00–10:00.
    let eve = utc(2026, 12, 24, 10, 0);
    let response = clock(&clocks(&[opened(eve)], &chosen, eve), Target::FirstResponse);
    assert_eq!(response.due_at, Some(utc(2026, 12, 28, 9, 0)));
}

#[test]
fn the_first_agent_reply_stops_the_response_clock_and_pauses_move_the_resolution() {
    let settings = SlaSettings::default();
    let chosen = settings.choose(Some(Priority::P2), None, None).unwrap();
    let created = utc(2026, 6, 1, 8, 0);
    let history = [
        opened(created),
        status(utc(2026, 6, 1, 8, 5), Status::Open),
        Moment { at: utc(2026, 6, 1, 8, 40), status: Some(Status::PendingCustomer), agent_reply: true },
        status(utc(2026, 6, 1, 10, 50), Status::Open),
    ];
    let now = utc(2026, 6, 1, 11, 0);
    let clocks = clocks(&history, &chosen, now);
    let response = clock(&clocks, Target::FirstResponse);
    assert_eq!(
        (response.state, response.elapsed_seconds, response.breached),
        (ClockState::Stopped, 40 * 60, false)
    );
    let resolution = clock(&clocks, Target::Resolution);
    assert_eq!(resolution.paused_seconds, 130 * 60);
    assert_eq!(resolution.due_at, Some(utc(2026, 6, 1, 18, 10)));
    assert_eq!(
        resolution.pauses.iter().map(|pause| pause.reason).collect::<Vec<_>>(),
        [PauseReason::WaitingOnCustomer]
    );
    let promise = promise(&clocks);
    assert_eq!(
        (promise.respond_by, promise.resolve_by, promise.waiting_for_you),
        (None, Some(utc(2026, 6, 1, 18, 10)), false)
    );
}

#[test]
fn while_waiting_the_customer_is_told_and_nothing_is_due() {
    let settings = SlaSettings::default();
    let chosen = settings.choose(Some(Priority::P3), None, None).unwrap();
    let created = utc(2026, 6, 1, 8, 0);
    let history = [
        opened(created),
        Moment { at: utc(2026, 6, 1, 9, 0), status: Some(Status::PendingCustomer), agent_reply: true },
    ];
    let clocks = clocks(&history, &chosen, utc(2026, 6, 9, 0, 0));
    let resolution = clock(&clocks, Target::Resolution);
    assert_eq!((resolution.state, resolution.due_at, resolution.breached), (ClockState::Paused, None, false));
    assert!(promise(&clocks).waiting_for_you);
    assert!(due_steps(&clocks, &[], utc(2026, 6, 9, 0, 0)).iter().all(|step| step.percent < 10));
}

#[test]
fn stored_events_become_moments() {
    use crate::workflow::{EventDetails, FieldChange};
    let at = utc(2026, 6, 1, 8, 0);
    let bare = EventDetails::default();
    assert_eq!(Moment::from_event(EventKind::Created, &bare, at, false), Some(opened(at)));
    assert_eq!(Moment::from_event(EventKind::Note, &bare, at, true), None);
    assert_eq!(
        Moment::from_event(EventKind::Reply, &bare, at, false),
        None,
        "a customer's reply is no answer"
    );
    assert_eq!(Moment::from_event(EventKind::Reply, &bare, at, true), Some(reply(at)));
    let pending = EventDetails {
        changes: vec![FieldChange {
            field: "status".into(),
            before: Some("open".into()),
            after: Some("pending_customer".into()),
        }],
        ..EventDetails::default()
    };
    assert_eq!(
        Moment::from_event(EventKind::Reply, &pending, at, true),
        Some(Moment { at, status: Some(Status::PendingCustomer), agent_reply: true })
    );
}

#[test]
fn resolved_then_closed_stops_the_resolution_clock_at_the_resolution() {
    let settings = SlaSettings::default();
    let chosen = settings.choose(Some(Priority::P3), None, None).unwrap();
    let created = utc(2026, 6, 1, 8, 0);
    let resolved = utc(2026, 6, 1, 10, 0);
    let history =
        [opened(created), status(resolved, Status::Resolved), status(utc(2026, 6, 8, 10, 0), Status::Closed)];
    let resolution = clock(&clocks(&history, &chosen, utc(2026, 6, 9, 0, 0)), Target::Resolution);
    assert_eq!((resolution.state, resolution.stopped_at), (ClockState::Stopped, Some(resolved)));
    assert_eq!((resolution.elapsed_seconds, resolution.pauses.len()), (2 * 3600, 0));
    assert!(!resolution.breached);
}

#[test]
fn reports_count_each_resolution_of_a_reopened_ticket_once() {
    let settings = SlaSettings::default();
    // P2: 90 minutes to respond, 8 hours to resolve, around the clock.
    let chosen = settings.choose(Some(Priority::P2), None, None).unwrap();
    let created = utc(2026, 11, 4, 8, 0);
    let at = |minutes: i64| created + Duration::minutes(minutes);
    let mut history = vec![
        opened(created),
        reply(at(120)),
        status(at(300), Status::Resolved),
        status(at(1200), Status::Open),
        status(at(1500), Status::Resolved),
    ];
    let results = |history: &[Moment], now| {
        clocks(history, &chosen, now)
            .iter()
            .flat_map(Clock::results)
            .map(|r| (r.cycle, r.minutes, r.breached, r.reopened))
            .collect::<Vec<_>>()
    };
    // The response breached (120 of 90); the first resolution took 300 minutes and was
    // reopened; the second 300 + 300, the 900 minutes resolved not counted.
    assert_eq!(
        results(&history, at(1600)),
        vec![(0, 120, true, false), (0, 300, false, true), (1, 600, true, false)]
    );
    assert_eq!(
        clock(&clocks(&history, &chosen, at(1600)), Target::Resolution).earlier_resolutions[0].at,
        at(300)
    );
    // While reopened, only the earlier resolution counts.
    history.pop();
    assert_eq!(results(&history, at(1300)), vec![(0, 120, true, false), (0, 300, false, true)]);
    // Never resolved: the response only.
    assert_eq!(results(&history[..2], at(200)), vec![(0, 120, true, false)]);
}

#[test]
fn holiday_dates_are_checked() {
    let mut calendar = office(christmas());
    calendar.holidays[0].date = "2026-02-30".into();
    assert_eq!(calendar.schedule("c").unwrap_err().field.as_deref(), Some("c.holidays[0].date"));
    calendar.holidays[0].date = "24/12/2026".into();
    assert!(calendar.schedule("c").is_err());
    calendar.holidays[0].date = "2026-12-24".into();
    assert!(calendar.schedule("c").is_ok());
}

#[test]
fn next_update_runs_from_each_agent_reply() {
    let mut settings = SlaSettings::default();
    settings.policies[0].next_update_minutes = Some(30);
    let chosen = settings.choose(Some(Priority::P1), None, None).unwrap();
    let created = utc(2026, 6, 1, 8, 0);
    let history = [opened(created), reply(utc(2026, 6, 1, 8, 10)), reply(utc(2026, 6, 1, 8, 30))];
    let update = clock(&clocks(&history, &chosen, utc(2026, 6, 1, 8, 45)), Target::NextUpdate);
    assert_eq!((update.cycle, update.due_at), (2, Some(utc(2026, 6, 1, 9, 0))));
}

#[test]
fn priority_changes_recompute_from_the_same_history() {
    let settings = SlaSettings::default();
    let created = utc(2026, 6, 1, 8, 0);
    let history = [opened(created)];
    let due = |priority| {
        let chosen = settings.choose(Some(priority), None, None).unwrap();
        clock(&clocks(&history, &chosen, utc(2026, 6, 1, 8, 30)), Target::FirstResponse).due_at
    };
    assert_eq!(due(Priority::P4), Some(utc(2026, 6, 1, 11, 0)));
    assert_eq!(due(Priority::P1), Some(utc(2026, 6, 1, 9, 0)));
}

#[test]
fn steps_come_due_once_and_stopped_clocks_record_nothing_late() {
    let settings = SlaSettings::default();
    let chosen = settings.choose(Some(Priority::P1), None, None).unwrap();
    let created = utc(2026, 6, 1, 8, 0);
    let history = [opened(created)];
    let now = utc(2026, 6, 1, 8, 46);
    let clocks_now = clocks(&history, &chosen, now);
    let due = due_steps(&clocks_now, &[], now);
    let response: Vec<u32> =
        due.iter().filter(|s| s.target == Target::FirstResponse).map(|s| s.percent).collect();
    assert_eq!(response, [50, 75]);
    assert_eq!(due[0].at, utc(2026, 6, 1, 8, 30));
    let progress = progress(&clocks_now, &due);
    assert_eq!(progress.next_step_at, Some(utc(2026, 6, 1, 8, 54)));
    assert_eq!(progress.badge.unwrap().level, 75);
    assert_eq!(progress.badge.unwrap().tone(), Tone::Warning);
    assert_eq!(clock(&clocks_now, Target::FirstResponse).tone(), Tone::Warning);
    assert_eq!(clock(&clocks_now, Target::Resolution).tone(), Tone::Calm);
    assert!(due_steps(&clocks_now, &due, now).is_empty());
    let answered = [opened(created), reply(utc(2026, 6, 1, 8, 50))];
    let later = utc(2026, 6, 1, 9, 30);
    let clocks_later = clocks(&answered, &chosen, later);
    assert!(due_steps(&clocks_later, &due, later).iter().all(|step| step.target == Target::Resolution));
}

#[test]
fn a_breach_escalates_notifies_and_pages_l3_for_p1() {
    let settings = SlaSettings::default();
    let chosen = settings.choose(Some(Priority::P1), None, None).unwrap();
    let created = utc(2026, 6, 1, 8, 0);
    let now = utc(2026, 6, 1, 9, 0);
    let clocks = clocks(&[opened(created)], &chosen, now);
    let due = due_steps(&clocks, &[], now);
    let mut state = TicketState::reported(5, TicketKind::Request, "Printer");
    state.priority = Some(Priority::P1);
    state.assignee = Some(Named { id: 12, name: "Lena".into() });
    let response = respond(&state, &clocks, &due, &settings.on_breach);
    assert_eq!(
        (response.state.tier, response.state.assignee.clone(), response.state.version),
        (Tier::L2, None, 2)
    );
    let breach = response.breach.unwrap();
    assert_eq!(breach.kind, EventKind::SlaBreached);
    assert_eq!(breach.details.sla, [Reached { target: Target::FirstResponse, percent: BREACH }]);
    let audiences: Vec<Audience> = response.notices.iter().map(|notice| notice.audience).collect();
    assert_eq!(
        audiences,
        [Audience::Agent(12), Audience::Supervisors, Audience::Tier(Tier::L2), Audience::Tier(Tier::L3)]
    );
    assert!(response.warnings.is_empty(), "the breach supersedes the warnings reached with it");
}

#[test]
fn warnings_notify_the_assignee_only() {
    let settings = SlaSettings::default();
    let chosen = settings.choose(Some(Priority::P3), None, None).unwrap();
    let created = utc(2026, 6, 1, 8, 0);
    let now = utc(2026, 6, 1, 9, 0);
    let clocks = clocks(&[opened(created)], &chosen, now);
    let due = due_steps(&clocks, &[], now);
    let mut state = TicketState::reported(5, TicketKind::Incident, "VPN");
    let unassigned = respond(&state, &clocks, &due, &settings.on_breach);
    assert_eq!(unassigned.state, state);
    assert_eq!(unassigned.warnings.len(), 1);
    assert_eq!(unassigned.warnings[0].details.sla, [Reached { target: Target::FirstResponse, percent: 50 }]);
    assert!(unassigned.notices.is_empty());
    state.assignee = Some(Named { id: 12, name: "Lena".into() });
    let assigned = respond(&state, &clocks, &due, &settings.on_breach);
    let audiences: Vec<Audience> = assigned.notices.iter().map(|notice| notice.audience).collect();
    assert_eq!(audiences, [Audience::Agent(12)]);
}

/// A random history: created, then status changes and replies at random gaps.
fn random_history(random: &mut Random, created: DateTime<Utc>) -> Vec<Moment> {
    let statuses = [
        Status::Open,
        Status::InProgress,
        Status::PendingCustomer,
        Status::PendingThirdParty,
        Status::Resolved,
    ];
    let mut at = created;
    let mut history = vec![opened(created)];
    for _ in 0..random.below(8) {
        at += Duration::minutes(random.below(600) + 1);
        let status = statuses[random.below(statuses.len() as u64) as usize];
        history.push(Moment { at, status: Some(status), agent_reply: random.below(3) == 0 });
    }
    history
}

fn random_settings(random: &mut Random) -> SlaSettings {
    if random.below(2) == 0 {
        SlaSettings::default()
    } else {
        settings_in(office(christmas()))
    }
}

fn random_start(random: &mut Random) -> DateTime<Utc> {
    // Anywhere in 2026, which holds both DST changes and the Christmas holidays.
    utc(2026, 1, 1, 0, 0) + Duration::minutes(random.below(365 * 24 * 60))
}

#[test]
fn property_pausing_never_makes_a_deadline_earlier() {
    let mut random = Random(0x5EED_0001);
    for _ in 0..400 {
        let settings = random_settings(&mut random);
        let chosen = settings.choose(Some(Priority::ALL[random.below(4) as usize]), None, None).unwrap();
        let created = random_start(&mut random);
        let pause_at = created + Duration::minutes(random.below(300));
        let resume_at = pause_at + Duration::minutes(random.below(3000) + 1);
        let now = resume_at + Duration::minutes(1);
        let plain = [opened(created)];
        let paused =
            [opened(created), status(pause_at, Status::PendingCustomer), status(resume_at, Status::Open)];
        let before = clock(&clocks(&plain, &chosen, now), Target::Resolution).due_at.unwrap();
        let after = clock(&clocks(&paused, &chosen, now), Target::Resolution);
        let moved = after.due_at.unwrap() - before;
        assert!(moved >= Duration::zero(), "{created} {pause_at} {resume_at}");
        // …and by exactly the open calendar time inside the pause, when the pause ends
        // before the original deadline.
        if resume_at <= before {
            assert_eq!(
                chosen.schedule.open_millis(before, after.due_at.unwrap()),
                after.paused_seconds * 1000
            );
        }
    }
}

#[test]
fn property_business_deadlines_fall_inside_opening_hours_never_in_a_holiday() {
    let mut random = Random(0x5EED_0002);
    let settings = settings_in(office(christmas()));
    let holidays = [utc(2026, 12, 24, 11, 0), utc(2026, 12, 26, 23, 0)];
    for _ in 0..400 {
        let chosen = settings.choose(Some(Priority::ALL[random.below(4) as usize]), None, None).unwrap();
        let start = random_start(&mut random);
        let history = random_history(&mut random, start);
        let now = history.last().unwrap().at + Duration::minutes(random.below(100));
        for clock in clocks(&history, &chosen, now) {
            for at in clock.due_at.into_iter().chain(clock.steps.iter().map(|step| step.at)) {
                assert!(chosen.schedule.is_open_at(at), "{at} outside opening hours");
                assert!(!(holidays[0] < at && at < holidays[1]), "{at} inside Christmas");
                let local = chosen.schedule.zone.to_local(at);
                assert!(local.format("%H:%M").to_string().as_str() >= "08:00");
            }
        }
    }
}

#[test]
fn property_deadlines_are_monotone_in_the_target() {
    let mut random = Random(0x5EED_0003);
    for _ in 0..400 {
        let settings = random_settings(&mut random);
        let chosen = settings.choose(Some(Priority::P4), None, None).unwrap();
        let from = random_start(&mut random);
        let shorter = random.below(5000);
        let longer = shorter + random.below(5000);
        let schedule = &chosen.schedule;
        assert!(
            schedule.after(from, shorter * 60_000).unwrap() <= schedule.after(from, longer * 60_000).unwrap()
        );
    }
}

#[test]
fn property_replaying_the_same_history_gives_the_same_clocks() {
    let mut random = Random(0x5EED_0004);
    for _ in 0..200 {
        let settings = random_settings(&mut random);
        let chosen = settings.choose(Some(Priority::ALL[random.below(4) as usize]), None, None).unwrap();
        let start = random_start(&mut random);
        let history = random_history(&mut random, start);
        let now = history.last().unwrap().at + Duration::minutes(random.below(3000));
        let replayed: Vec<Moment> = serde_json::from_str(&serde_json::to_string(&history).unwrap()).unwrap();
        assert_eq!(clocks(&history, &chosen, now), clocks(&replayed, &chosen, now));
    }
}

#[test]
fn property_a_ticket_reopened_in_time_does_not_breach_at_once() {
    let mut random = Random(0x5EED_0005);
    for _ in 0..400 {
        let settings = random_settings(&mut random);
        let chosen = settings.choose(Some(Priority::ALL[random.below(4) as usize]), None, None).unwrap();
        let created = random_start(&mut random);
        let target = i64::from(chosen.policy.resolution_minutes);
        let resolved_at =
            chosen.schedule.after(created, random.below(target as u64 * 60_000 - 60_000)).unwrap();
        let reopened_at = resolved_at + Duration::minutes(random.below(20_000) + 1);
        let history =
            [opened(created), status(resolved_at, Status::Resolved), status(reopened_at, Status::Open)];
        let clocks = clocks(&history, &chosen, reopened_at);
        let resolution = clock(&clocks, Target::Resolution);
        assert_eq!(resolution.state, ClockState::Running);
        assert!(!resolution.breached);
        assert!(resolution.due_at.unwrap() > reopened_at);
        assert!(due_steps(&clocks, &[], reopened_at).iter().all(|step| step.percent < BREACH));
    }
}
