use chrono::{NaiveDate, TimeZone};

use super::*;
use crate::sla::zone::Zone;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, day, hour, 0, 0).unwrap()
}

fn opened(aware_at: DateTime<Utc>) -> BreachState {
    let new = NewBreachCase {
        title: "Payroll export mailed to the wrong customer".into(),
        aware_at,
        reported_by: "Mette (L1)".into(),
        reported_via: ReportedVia::Incident,
        incident_ids: vec![7],
    };
    new.open("Mette", aware_at + Duration::minutes(5)).unwrap()
}

fn assessed(case: &BreachState, risk: Risk) -> BreachState {
    let assessment = Assessment {
        nature: "Payslips of 40 employees sent to another customer".into(),
        risk: Some(risk),
        risk_reasoning: "Salaries and CPR numbers".into(),
        approx_subjects: Some(40),
        ..Assessment::default()
    };
    case.apply(BreachCommand::Assess { assessment }, "Lea", case.opened_at).unwrap()
}

fn authority(at: DateTime<Utc>, phase: Phase, delay_reason: &str) -> BreachCommand {
    BreachCommand::RecordNotification {
        notification: NewNotification {
            recipient: Recipient::Authority,
            at,
            phase: Some(phase),
            reference: "2026-441-0042".into(),
            channel: None,
            count: None,
            text: String::new(),
            delay_reason: delay_reason.into(),
        },
    }
}

#[test]
fn the_clock_runs_72_calendar_hours_across_the_change_from_summer_time() {
    // Aware Saturday 24 October 2026 at 12:00 in Copenhagen (CEST, UTC+2); summer time
    // ends the next night, so 72 hours later the wall clock shows 11:00, not 12:00.
    let zone = Zone::find("Europe/Copenhagen").unwrap();
    let local = |day, hour| NaiveDate::from_ymd_opt(2026, 10, day).unwrap().and_hms_opt(hour, 0, 0).unwrap();
    let case = opened(zone.from_local(local(24, 12)));
    assert_eq!(case.deadline() - case.aware_at, Duration::hours(72));
    assert_eq!(zone.to_local(case.deadline()), local(27, 11));
    // The steps are calendar hours too: the 24-hour warning comes at 11:00 local on Sunday.
    assert_eq!(zone.to_local(case.aware_at + Duration::hours(STEPS[0])), local(25, 11));
}

#[test]
fn warnings_and_the_escalation_come_once_each_as_the_sweep_records_them() {
    let case = opened(at(5, 9));
    assert_eq!(case.due_steps(&[], at(6, 8)), Vec::<i64>::new());
    assert_eq!(case.next_step_at(&[]), Some(at(6, 9)));
    assert_eq!(case.due_steps(&[], at(6, 9)), vec![24]);
    // A second, overlapping run that read the same state would record 24 again: the store
    // refuses it (a primary key), and once recorded the domain no longer offers it.
    assert_eq!(case.due_steps(&[24], at(6, 10)), Vec::<i64>::new());
    assert_eq!(case.next_step_at(&[24]), Some(at(7, 9)));
    // A sweep that was down for two days catches up on every step it missed, once.
    assert_eq!(case.due_steps(&[24], at(8, 10)), vec![48, 66, 72]);
    assert_eq!(case.next_step_at(&[24, 48, 66, 72]), None);
    assert_eq!(case.due_steps(&[24, 48, 66, 72], at(20, 0)), Vec::<i64>::new());
}

#[test]
fn notifying_the_authority_or_deciding_not_to_stops_the_clock() {
    let case = opened(at(5, 9));
    let notified = case.apply(authority(at(6, 9), Phase::Initial, ""), "Lea", at(6, 10)).unwrap();
    assert!(notified.clock_stopped());
    assert_eq!((notified.due_steps(&[24], at(9, 0)), notified.next_step_at(&[24])), (vec![], None));
    // Deciding to notify is not notifying: the clock runs on.
    let decided = case
        .apply(
            BreachCommand::DecideAuthority { choice: AuthorityChoice::Notify, reason: String::new() },
            "Lea",
            at(6, 0),
        )
        .unwrap();
    assert_eq!(decided.due_steps(&[], at(8, 10)), vec![24, 48, 66, 72]);
    let declined =
        BreachCommand::DecideAuthority { choice: AuthorityChoice::DoNotNotify, reason: String::new() };
    assert_eq!(case.apply(declined, "Lea", at(6, 0)).unwrap_err().field.as_deref(), Some("reason"));
    let declined = BreachCommand::DecideAuthority {
        choice: AuthorityChoice::DoNotNotify,
        reason: "Encrypted laptop, key not lost".into(),
    };
    assert!(case.apply(declined, "Lea", at(6, 0)).unwrap().clock_stopped());
}

#[test]
fn an_earlier_awareness_moves_the_clock_and_keeps_why() {
    let case = opened(at(5, 9));
    let change = |aware_at, reason: &str| BreachCommand::SetAwareness { aware_at, reason: reason.into() };
    assert_eq!(
        case.apply(change(at(4, 9), ""), "Lea", at(5, 10)).unwrap_err().field.as_deref(),
        Some("reason")
    );
    assert_eq!(
        case.apply(change(at(6, 9), "x"), "Lea", at(5, 10)).unwrap_err().field.as_deref(),
        Some("aware_at")
    );
    let moved =
        case.apply(change(at(4, 9), "The processor told us a day earlier"), "Lea", at(5, 10)).unwrap();
    assert_eq!(moved.deadline(), at(7, 9));
    assert_eq!(moved.due_steps(&[], at(5, 10)), vec![24]);
    assert_eq!(moved.awareness_changes[0].from, at(5, 9));
    assert_eq!(moved.awareness_changes[0].reason, "The processor told us a day earlier");
}

#[test]
fn a_late_first_notice_to_the_authority_gives_its_reasons() {
    let case = opened(at(5, 9));
    let late = case.apply(authority(at(8, 10), Phase::Initial, ""), "Lea", at(8, 11)).unwrap_err();
    assert_eq!(late.field.as_deref(), Some("delay_reason"));
    let late = case
        .apply(
            authority(at(8, 10), Phase::Initial, "The processor answered only on day three"),
            "Lea",
            at(8, 11),
        )
        .unwrap();
    // A follow-up after the deadline needs no reasons: the first notice gave them.
    assert!(late.apply(authority(at(9, 10), Phase::FollowUp, ""), "Lea", at(9, 11)).is_ok());
    let follow_up_first =
        case.apply(authority(at(6, 10), Phase::FollowUp, ""), "Lea", at(6, 11)).unwrap_err();
    assert_eq!(follow_up_first.field.as_deref(), Some("phase"));
    let future = case.apply(authority(at(7, 10), Phase::Initial, ""), "Lea", at(6, 11)).unwrap_err();
    assert_eq!(future.field.as_deref(), Some("at"));
}

#[test]
fn people_are_told_in_plain_words_with_how_and_how_many() {
    let case = assessed(&opened(at(5, 9)), Risk::High);
    let tell = |channel, count, text: &str| BreachCommand::RecordNotification {
        notification: NewNotification {
            recipient: Recipient::Subjects,
            at: at(6, 9),
            phase: None,
            reference: String::new(),
            channel,
            count,
            text: text.into(),
            delay_reason: String::new(),
        },
    };
    let missing = case.apply(tell(None, None, ""), "Lea", at(6, 10)).unwrap_err();
    let fields: Vec<_> = missing.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["channel", "count", "text"]);
    let told = case.apply(
        tell(Some(Channel::Email), Some(40), "Your payslip was sent to the wrong company."),
        "Lea",
        at(6, 10),
    );
    assert_eq!(told.unwrap().subjects_notified_at(), Some(at(6, 9)));
    assert!(case
        .apply(tell(Some(Channel::Public), None, "Notice on our website."), "Lea", at(6, 10))
        .is_ok());
    // With a high risk, "not high risk" is no answer.
    let dodge = BreachCommand::DecideSubjects { choice: SubjectsChoice::NotHighRisk, reason: "x".into() };
    assert_eq!(case.apply(dodge, "Lea", at(6, 10)).unwrap_err().field.as_deref(), Some("choice"));
}

#[test]
fn a_case_closes_only_after_its_decisions_and_is_read_only_then() {
    let case = opened(at(5, 9));
    let close = |case: &BreachState| case.apply(BreachCommand::Close, "Lea", at(6, 12));
    let fields = |error: ApiError| error.errors.into_iter().map(|e| e.field).collect::<Vec<_>>();
    assert_eq!(fields(close(&case).unwrap_err()), ["risk", "authority"]);
    let case = assessed(&case, Risk::High);
    let case = case
        .apply(
            BreachCommand::DecideAuthority { choice: AuthorityChoice::Notify, reason: String::new() },
            "Lea",
            at(6, 0),
        )
        .unwrap();
    assert_eq!(fields(close(&case).unwrap_err()), ["authority_notification", "subjects"]);
    assert_eq!(close(&case).unwrap_err().code, ErrorCode::DecisionRequired);
    let case = case.apply(authority(at(6, 9), Phase::Initial, ""), "Lea", at(6, 10)).unwrap();
    let exception = BreachCommand::DecideSubjects {
        choice: SubjectsChoice::Protected,
        reason: "The file was encrypted (AES-256); the key stayed with us".into(),
    };
    let case = case.apply(exception, "Lea", at(6, 11)).unwrap();
    let closed = close(&case).unwrap();
    assert_eq!(closed.closed_at, Some(at(6, 12)));
    assert!(closed.clock_stopped());
    assert_eq!(close(&closed).unwrap_err().code, ErrorCode::CaseClosed);
    let entry = closed.register_entry();
    assert_eq!(
        (entry.risk, entry.authority, entry.subjects),
        (Some(Risk::High), Some(AuthorityChoice::Notify), Some(SubjectsChoice::Protected))
    );
    assert_eq!((entry.authority_notified_at, entry.closed_at), (Some(at(6, 9)), Some(at(6, 12))));
}

#[test]
fn no_risk_closes_with_the_register_entry_alone() {
    let case = assessed(&opened(at(5, 9)), Risk::None);
    let declined = BreachCommand::DecideAuthority {
        choice: AuthorityChoice::DoNotNotify,
        reason: "A misaddressed mail, deleted unread".into(),
    };
    let case = case.apply(declined, "Lea", at(5, 12)).unwrap();
    assert!(case.apply(BreachCommand::Close, "Lea", at(5, 13)).is_ok());
}

#[test]
fn bad_input_names_its_field() {
    let mut new = NewBreachCase {
        title: " ".into(),
        aware_at: at(9, 0),
        reported_by: String::new(),
        reported_via: ReportedVia::Staff,
        incident_ids: vec![],
    };
    let error = new.clone().open("Lea", at(5, 0)).unwrap_err();
    let fields: Vec<_> = error.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["title", "reported_by", "aware_at"]);
    new.title = "Laptop stolen".into();
    new.reported_by = "Ole".into();
    new.aware_at = at(4, 0);
    let case = new.open("Lea", at(5, 0)).unwrap();
    let bad = Assessment { approx_subjects: Some(-1), risk: Some(Risk::Risk), ..Assessment::default() };
    let error = case.apply(BreachCommand::Assess { assessment: bad }, "Lea", at(5, 1)).unwrap_err();
    let fields: Vec<_> = error.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["approx_subjects", "risk_reasoning"]);
    assert_eq!(case_number(42), "BR-000042");
}

#[test]
fn the_register_is_exported_for_whole_days() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let default = RegisterQuery::from_query("", today).unwrap();
    assert_eq!((default.from, default.to, default.csv), (today - Duration::days(365), today, false));
    let read = RegisterQuery::from_query("from=2026-10-01&to=2026-10-31&format=csv&lang=da", today).unwrap();
    assert_eq!(read.period(), (at(1, 0), Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap()));
    assert_eq!((read.csv, read.lang), (true, Language::Da));
    for (query, field) in
        [("from=yesterday", "from"), ("format=xlsx", "format"), ("from=2026-11-01&to=2026-10-01", "from")]
    {
        assert_eq!(RegisterQuery::from_query(query, today).unwrap_err().field.as_deref(), Some(field));
    }
}

#[test]
fn the_badge_counts_whole_hours_to_the_deadline() {
    let deadline = at(8, 9);
    assert_eq!(Clock::of(deadline, false, at(5, 9)), Clock::Running { hours_left: 72 });
    assert_eq!(Clock::of(deadline, false, at(8, 8) + Duration::minutes(1)), Clock::Running { hours_left: 0 });
    assert_eq!(Clock::of(deadline, false, at(8, 11)), Clock::Overdue { hours_over: 2 });
    assert_eq!(Clock::of(deadline, true, at(8, 11)), Clock::Stopped);
    assert!(!Clock::Running { hours_left: 30 }.urgent());
    assert!(Clock::Running { hours_left: 23 }.urgent() && Clock::Overdue { hours_over: 0 }.urgent());
}
