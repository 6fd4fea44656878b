use chrono::TimeZone;

use super::*;
use crate::call::CallChannel;
use crate::testing::Random;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap()
}

fn fresh(kind: TicketKind) -> TicketState {
    TicketState::reported(42, kind, "VPN drops")
}

fn agent(id: i64, tier: Tier) -> Actor {
    Actor::Agent { user_id: id, name: format!("Agent {id}"), tier }
}

fn customer() -> Actor {
    Actor::Customer { user_id: Some(1), name: "Ada".into() }
}

fn run(state: &TicketState, actor: &Actor, command: Command) -> Result<Decision, ApiError> {
    decide(state, actor, &command, &Facts::default(), &Rules::default(), now())
}

fn triage(impact: Level, urgency: Level) -> Command {
    Command::Triage { kind: TicketKind::Incident, category_id: None, impact, urgency }
}

#[test]
fn triage_sets_the_matrix_priority_and_opens_the_ticket() {
    let decision =
        run(&fresh(TicketKind::Incident), &agent(3, Tier::L1), triage(Level::Medium, Level::High)).unwrap();
    assert_eq!(decision.state.priority, Some(Priority::P2));
    assert_eq!(decision.state.status, Status::Open);
    assert_eq!(decision.state.version, 2);
    assert_eq!(decision.event.kind, EventKind::Triaged);
    let fields: Vec<_> = decision.event.details.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["status", "impact", "urgency", "priority"]);
}

#[test]
fn a_p1_incident_goes_to_l3_and_the_supervisors() {
    let decision =
        run(&fresh(TicketKind::Incident), &agent(3, Tier::L1), triage(Level::High, Level::High)).unwrap();
    assert_eq!(decision.state.tier, Tier::L3);
    let audiences: Vec<_> = decision.notices.iter().map(|n| n.audience).collect();
    assert_eq!(audiences, [Audience::Supervisors, Audience::Tier(Tier::L3)]);
    // A P1 request is urgent but not an incident: it stays in its queue.
    let request = Command::Triage {
        kind: TicketKind::Request,
        category_id: None,
        impact: Level::High,
        urgency: Level::High,
    };
    assert_eq!(run(&fresh(TicketKind::Request), &agent(3, Tier::L1), request).unwrap().state.tier, Tier::L1);
}

#[test]
fn overriding_the_priority_needs_a_reason_that_is_kept() {
    let state =
        run(&fresh(TicketKind::Incident), &agent(3, Tier::L1), triage(Level::Low, Level::Low)).unwrap().state;
    let blank =
        run(&state, &agent(3, Tier::L1), Command::SetPriority { priority: Priority::P2, reason: " ".into() });
    assert_eq!(blank.unwrap_err().field.as_deref(), Some("reason"));
    let decision = run(
        &state,
        &agent(3, Tier::L1),
        Command::SetPriority { priority: Priority::P2, reason: "CEO's laptop".into() },
    )
    .unwrap();
    assert_eq!(decision.state.priority, Some(Priority::P2));
    assert_eq!(decision.event.details.text.as_deref(), Some("CEO's laptop"));
    assert_eq!(decision.event.details.changes[0].before.as_deref(), Some("P4"));
}

#[test]
fn escalation_moves_the_queue_and_clears_the_owner() {
    let taken = run(&fresh(TicketKind::Incident), &agent(3, Tier::L1), Command::Take).unwrap().state;
    assert_eq!(taken.status, Status::InProgress);
    let escalate = Command::Escalate { tier: Tier::L2, reason: "Needs a network specialist".into() };
    let decision = run(&taken, &agent(3, Tier::L1), escalate).unwrap();
    assert_eq!(decision.state.tier, Tier::L2);
    assert_eq!(decision.state.assignee, None);
    assert_eq!(decision.notices[0].audience, Audience::Tier(Tier::L2));
    // L1 cannot take an L2 ticket; L2 can.
    assert_eq!(
        run(&decision.state, &agent(3, Tier::L1), Command::Take).unwrap_err().code,
        ErrorCode::Forbidden
    );
    assert!(run(&decision.state, &agent(4, Tier::L2), Command::Take).is_ok());
}

#[test]
fn assignment_respects_the_tier() {
    let state = fresh(TicketKind::Incident);
    let facts = Facts { agent: Some((Named { id: 4, name: "Lars".into() }, Tier::L2)), ..Facts::default() };
    let refused = decide(
        &state,
        &agent(3, Tier::L1),
        &Command::Assign { agent_id: 4 },
        &facts,
        &Rules::default(),
        now(),
    );
    assert_eq!(refused.unwrap_err().field.as_deref(), Some("agent_id"));
    let facts = Facts { agent: Some((Named { id: 5, name: "Liv".into() }, Tier::L1)), ..Facts::default() };
    let decision = decide(
        &state,
        &agent(3, Tier::L1),
        &Command::Assign { agent_id: 5 },
        &facts,
        &Rules::default(),
        now(),
    )
    .unwrap();
    assert_eq!(decision.state.assignee.map(|a| a.id), Some(5));
    assert_eq!(decision.notices[0].audience, Audience::Agent(5));
}

#[test]
fn auto_assignment_prefers_the_least_loaded_then_the_longest_waiting() {
    let candidate = |id, open, last| Candidate {
        agent: Named { id, name: format!("{id}") },
        open_tickets: open,
        last_assigned_at: last,
    };
    let pool = [candidate(1, 3, None), candidate(2, 1, Some(50)), candidate(3, 1, Some(10))];
    assert_eq!(pick_assignee(&pool).unwrap().agent.id, 3);
    assert_eq!(pick_assignee(&[]), None);
}

#[test]
fn customer_replies_reopen_pending_tickets_and_staff_replies_count_as_first_response() {
    let state =
        run(&fresh(TicketKind::Incident), &agent(3, Tier::L1), triage(Level::Low, Level::Low)).unwrap().state;
    let asked = run(
        &state,
        &agent(3, Tier::L1),
        Command::Reply { body: "Which version?".into(), wait_for_customer: true, set_status: None },
    )
    .unwrap();
    assert_eq!(asked.state.status, Status::PendingCustomer);
    assert_eq!(asked.state.first_response_at, Some(now()));
    assert_eq!(asked.notices[0].audience, Audience::Reporter);
    let answered = run(
        &asked.state,
        &customer(),
        Command::Reply { body: "4.2".into(), wait_for_customer: false, set_status: None },
    )
    .unwrap();
    assert_eq!(answered.state.status, Status::Open);
    assert_eq!(answered.notices[0].audience, Audience::Tier(Tier::L1));
    // A note is internal and is not a response.
    let noted =
        run(&state, &agent(3, Tier::L1), Command::Note { body: "Probably the proxy".into() }).unwrap();
    assert_eq!(noted.state.first_response_at, None);
    assert!(noted.notices.is_empty());
    assert!(!noted.event.kind.is_public());
}

#[test]
fn customers_cannot_do_staff_work_and_staff_cannot_confirm_for_them() {
    let state = fresh(TicketKind::Incident);
    for command in [Command::Take, Command::Note { body: "x".into() }, triage(Level::Low, Level::Low)] {
        assert_eq!(run(&state, &customer(), command).unwrap_err().code, ErrorCode::Forbidden);
    }
    assert_eq!(run(&state, &agent(3, Tier::L1), Command::Confirm).unwrap_err().code, ErrorCode::Forbidden);
}

#[test]
fn resolve_confirm_and_rate() {
    let state = fresh(TicketKind::Incident);
    let resolve = Command::Resolve {
        code: ResolutionCode::Fixed,
        notes: "Replaced the cable".into(),
        resolve_linked: false,
    };
    let resolved = run(&state, &agent(3, Tier::L1), resolve).unwrap().state;
    assert_eq!(resolved.status, Status::Resolved);
    assert_eq!(resolved.resolved_at, Some(now()));
    let closed = run(&resolved, &customer(), Command::Confirm).unwrap().state;
    assert_eq!(closed.status, Status::Closed);
    // Closed is read-only, except for the rating the customer may still give.
    let reply = Command::Reply { body: "hi".into(), wait_for_customer: false, set_status: None };
    assert_eq!(run(&closed, &customer(), reply).unwrap_err().code, ErrorCode::TicketClosed);
    let rated =
        run(&closed, &customer(), Command::Rate { score: 5, comment: Some("Quick!".into()) }).unwrap().state;
    assert_eq!(rated.rating, Some(Rating { score: 5, comment: Some("Quick!".into()) }));
    let again = run(&rated, &customer(), Command::Rate { score: 4, comment: None });
    assert_eq!(again.unwrap_err().code, ErrorCode::AlreadyRated);
    assert_eq!(
        run(&resolved, &customer(), Command::Rate { score: 0, comment: None }).unwrap_err().field.as_deref(),
        Some("score")
    );
}

#[test]
fn reopening_is_possible_only_within_the_window() {
    let resolve =
        Command::Resolve { code: ResolutionCode::Fixed, notes: "Done".into(), resolve_linked: false };
    let resolved = run(&fresh(TicketKind::Incident), &agent(3, Tier::L1), resolve).unwrap().state;
    let reopen = Command::Reopen { reason: "Still broken".into() };
    let reopened = run(&resolved, &customer(), reopen.clone()).unwrap().state;
    assert_eq!(reopened.status, Status::Open);
    assert_eq!(reopened.resolution, None);
    let rules = Rules::default();
    let late = now() + Duration::days(rules.reopen_days) + Duration::seconds(1);
    let refused = decide(&resolved, &customer(), &reopen, &Facts::default(), &rules, late).unwrap_err();
    assert_eq!(refused.code, ErrorCode::ReopenWindowPassed);
    assert_eq!(rules.closes_at(now()), now() + Duration::days(7));
}

#[test]
fn only_requests_can_be_cancelled() {
    let cancel = Command::Cancel { reason: "No longer needed".into() };
    assert_eq!(
        run(&fresh(TicketKind::Incident), &customer(), cancel.clone()).unwrap_err().code,
        ErrorCode::InvalidTransition
    );
    let cancelled = run(&fresh(TicketKind::Request), &customer(), cancel).unwrap().state;
    assert_eq!((cancelled.status, cancelled.closed_at), (Status::Cancelled, Some(now())));
}

#[test]
fn calls_are_for_l2_and_l3_and_get_a_reminder() {
    let call = Command::ScheduleCall(NewCall {
        starts_at: now() + Duration::hours(3),
        minutes: 30,
        channel: CallChannel::Video,
        phone: None,
        link: Some("https://meet.example/abc".into()),
        note: None,
    });
    assert_eq!(
        run(&fresh(TicketKind::Incident), &agent(3, Tier::L1), call.clone()).unwrap_err().code,
        ErrorCode::Forbidden
    );
    let decision = run(&fresh(TicketKind::Incident), &agent(4, Tier::L2), call).unwrap();
    assert!(decision.call.is_some());
    assert_eq!(decision.notices.len(), 2);
    assert_eq!(decision.notices[1].send_at, Some(now() + Duration::minutes(150)));
    assert!(decision.event.kind.is_public());
}

#[test]
fn major_incidents_broadcast_and_resolve_their_children() {
    let l3 = agent(5, Tier::L3);
    assert_eq!(
        run(&fresh(TicketKind::Incident), &agent(3, Tier::L1), Command::MarkMajor).unwrap_err().code,
        ErrorCode::Forbidden
    );
    let major = run(&fresh(TicketKind::Incident), &l3, Command::MarkMajor).unwrap().state;
    assert!(major.is_major);
    let child = TicketState { id: 43, ..fresh(TicketKind::Incident) };
    let facts = Facts { major: Some(major.clone()), ..Facts::default() };
    let linked = decide(
        &child,
        &agent(3, Tier::L1),
        &Command::LinkToMajor { major_id: 42 },
        &facts,
        &Rules::default(),
        now(),
    )
    .unwrap();
    assert_eq!(linked.state.major_id, Some(42));
    let not_major = Facts { major: Some(child.clone()), ..Facts::default() };
    let refused = decide(
        &fresh(TicketKind::Incident),
        &l3,
        &Command::LinkToMajor { major_id: 43 },
        &not_major,
        &Rules::default(),
        now(),
    );
    assert_eq!(refused.unwrap_err().field.as_deref(), Some("major_id"));
    let update = run(
        &major,
        &l3,
        Command::Reply { body: "We are on it".into(), wait_for_customer: false, set_status: None },
    )
    .unwrap();
    assert_eq!(update.linked, LinkedEffect::Broadcast("We are on it".into()));
    let resolve = Command::Resolve {
        code: ResolutionCode::Fixed,
        notes: "Router replaced".into(),
        resolve_linked: true,
    };
    let resolved = run(&major, &l3, resolve).unwrap();
    assert!(matches!(resolved.linked, LinkedEffect::Resolve(Resolution { code: ResolutionCode::Fixed, .. })));
}

#[test]
fn customers_see_public_events_without_internal_fields() {
    let details = EventDetails {
        text: Some("Needs L2".into()),
        changes: vec![
            FieldChange { field: "status".into(), before: Some("new".into()), after: Some("open".into()) },
            FieldChange { field: "tier".into(), before: Some("l1".into()), after: Some("l2".into()) },
        ],
        ..EventDetails::default()
    };
    let (kind, shown) = customer_view(EventKind::Escalated, &details).unwrap();
    assert_eq!(kind, EventKind::StatusChanged);
    assert_eq!(shown.text, None);
    assert_eq!(shown.changes.len(), 1);
    assert_eq!(
        customer_view(
            EventKind::Note,
            &EventDetails { text: Some("secret".into()), ..EventDetails::default() }
        ),
        None
    );
    let (_, reply) =
        customer_view(EventKind::Reply, &EventDetails { text: Some("hi".into()), ..EventDetails::default() })
            .unwrap();
    assert_eq!(reply.text.as_deref(), Some("hi"));
}

#[test]
fn commands_parse_from_the_wire_shape() {
    let command: Command =
        serde_json::from_str(r#"{"action":"escalate","tier":"l2","reason":"why"}"#).unwrap();
    assert_eq!(command, Command::Escalate { tier: Tier::L2, reason: "why".into() });
    let command: Command = serde_json::from_str(
        r#"{"action":"schedule_call","starts_at":"2026-12-01T10:00:00Z","minutes":30,"channel":"phone","phone":"+45 11 22 33 44"}"#,
    )
    .unwrap();
    assert!(matches!(command, Command::ScheduleCall(_)));
    assert!(!Command::Note { body: String::new() }.needs_version());
    assert!(Command::Take.needs_version());
    for kind in EventKind::ALL {
        assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
    }
}

fn random_command(random: &mut Random) -> Command {
    let level = |r: &mut Random| r.pick(&Level::ALL);
    match random.next() % 20 {
        19 => Command::SetCategory { category_id: random.pick(&[None, Some(1)]) },
        0 => Command::Triage {
            kind: random.pick(&[TicketKind::Incident, TicketKind::Request]),
            category_id: None,
            impact: level(random),
            urgency: level(random),
        },
        1 => Command::SetPriority { priority: random.pick(&Priority::ALL), reason: "r".into() },
        2 => Command::Take,
        3 => Command::Assign { agent_id: random.pick(&[10, 11, 12]) },
        4 => Command::Escalate { tier: random.pick(&Tier::ALL), reason: "r".into() },
        5 => Command::NotifySupervisor { reason: "r".into() },
        6 => Command::SetStatus { status: random.pick(&Status::ALL) },
        7 => Command::Reply {
            body: "b".into(),
            wait_for_customer: random.next().is_multiple_of(2),
            set_status: None,
        },
        8 => Command::Note { body: "n".into() },
        9 => Command::Resolve {
            code: random.pick(&ResolutionCode::ALL),
            notes: "n".into(),
            resolve_linked: random.next().is_multiple_of(2),
        },
        10 | 11 => Command::Confirm,
        12 => Command::Reopen { reason: "r".into() },
        13 => Command::Rate { score: (random.next() % 7) as u8, comment: None },
        14 => Command::Cancel { reason: "r".into() },
        15 => Command::MarkMajor,
        16 => Command::LinkToMajor { major_id: 7 },
        17 => Command::AutoAssign,
        _ => Command::ScheduleCall(NewCall {
            starts_at: now() + Duration::hours(1),
            minutes: 30,
            channel: CallChannel::Phone,
            phone: Some("+45 11 22 33 44".into()),
            link: None,
            note: None,
        }),
    }
}

#[test]
fn no_sequence_of_commands_reaches_an_invalid_state() {
    let agents = [(10, Tier::L1), (11, Tier::L2), (12, Tier::L3)];
    let actors = [
        agent(10, Tier::L1),
        agent(11, Tier::L2),
        agent(12, Tier::L3),
        Actor::Lead { user_id: 20, name: "Sam".into() },
        customer(),
        Actor::Customer { user_id: None, name: "Link holder".into() },
        Actor::System,
    ];
    let major = TicketState { id: 7, is_major: true, status: Status::Open, ..fresh(TicketKind::Incident) };
    let mut accepted = 0;
    for seed in 1..=3000u64 {
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut state = fresh(random.pick(&[TicketKind::Incident, TicketKind::Request]));
        let mut clock = now();
        for _ in 0..40 {
            clock += Duration::hours((random.next() % 72) as i64);
            let actor = random.pick(&actors);
            let command = random_command(&mut random);
            let agent = match &command {
                Command::Assign { agent_id } => agents.iter().find(|(id, _)| id == agent_id),
                Command::AutoAssign => agents.iter().find(|(_, tier)| *tier == state.tier),
                _ => None,
            }
            .map(|(id, tier)| (Named { id: *id, name: format!("Agent {id}") }, *tier));
            let category = Some(Named { id: 1, name: "Network".into() });
            let facts = Facts { agent, major: Some(major.clone()), category };
            let Ok(decision) = decide(&state, &actor, &command, &facts, &Rules::default(), clock) else {
                continue;
            };
            accepted += 1;
            let next = &decision.state;
            let context = format!("seed {seed}: {command:?} by {actor:?} on {state:?}");
            assert_eq!(next.version, state.version + 1, "{context}");
            assert!(
                next.status == state.status || state.status.may_become(next.status, state.kind),
                "{context}"
            );
            assert!(!state.status.is_final() || matches!(command, Command::Rate { .. }), "{context}");
            // A resolution stays with the ticket once it closes; reopening removes it.
            let resolved = matches!(next.status, Status::Resolved | Status::Closed);
            assert_eq!(resolved, next.resolution.is_some(), "{context}");
            assert_eq!(resolved, next.resolved_at.is_some(), "{context}");
            assert_eq!(next.status.is_final(), next.closed_at.is_some(), "{context}");
            assert!(next.status != Status::Cancelled || next.kind == TicketKind::Request, "{context}");
            assert!(!(next.is_major && next.major_id.is_some()), "{context}");
            assert!(!next.is_major || next.kind == TicketKind::Incident, "{context}");
            assert!(next.rating.as_ref().is_none_or(|rating| (1..=5).contains(&rating.score)), "{context}");
            if let Some(assignee) = &next.assignee {
                if let Some((_, tier)) = agents.iter().find(|(id, _)| *id == assignee.id) {
                    assert_eq!(*tier, next.tier, "{context}");
                }
            }
            if matches!(command, Command::Triage { .. } | Command::SetPriority { .. })
                && next.kind == TicketKind::Incident
                && next.priority == Some(Priority::P1)
                && !(state.kind == TicketKind::Incident && state.priority == Some(Priority::P1))
            {
                assert_eq!(next.tier, Tier::L3, "{context}");
            }
            assert_eq!(decision.event.details.changes, diff(&state, next), "{context}");
            state = decision.state;
        }
    }
    assert!(accepted > 10_000, "only {accepted} commands were accepted; the generator is too weak");
}

#[test]
fn only_assignment_status_and_category_work_in_bulk() {
    assert!(allowed_in_bulk(&Command::AutoAssign));
    assert!(allowed_in_bulk(&Command::SetCategory { category_id: None }));
    assert!(!allowed_in_bulk(&Command::Resolve {
        code: ResolutionCode::Fixed,
        notes: "x".into(),
        resolve_linked: false
    }));
    let facts = Facts { category: Some(Named { id: 2, name: "VPN".into() }), ..Facts::default() };
    let decision = decide(
        &fresh(TicketKind::Incident),
        &agent(3, Tier::L1),
        &Command::SetCategory { category_id: Some(2) },
        &facts,
        &Rules::default(),
        now(),
    )
    .unwrap();
    assert_eq!(decision.event.kind, EventKind::Categorised);
    assert_eq!(decision.event.details.changes[0].after.as_deref(), Some("VPN"));
}

#[test]
fn a_report_whose_answers_make_it_a_p1_incident_opens_in_l3() {
    let report = crate::ticket::NewTicket {
        name: "Ada".into(),
        email: "ada@example.com".into(),
        title: "Everything is down".into(),
        description: "Nobody can work".into(),
        people_affected: Some(crate::priority::PeopleAffected::Everyone),
        work_impact: Some(crate::priority::WorkImpact::Stopped),
        ..crate::ticket::NewTicket::default()
    }
    .validate()
    .unwrap();
    let (state, notices) = open(&report, &Rules::default(), "https://desk.example/status/x");
    assert_eq!((state.priority, state.tier, state.status), (Some(Priority::P1), Tier::L3, Status::New));
    assert_eq!(notices[0].audience, Audience::Reporter);
    assert_eq!(
        notices[0].message,
        Message::Received { name: report.name.clone(), status_url: "https://desk.example/status/x".into() }
    );
    assert!(notices.iter().any(|notice| notice.audience == Audience::Supervisors));
}

#[test]
fn a_reply_can_set_a_working_status_but_not_resolve() {
    let l1 = agent(3, Tier::L1);
    let ticket = run(&fresh(TicketKind::Incident), &l1, triage(Level::Low, Level::Low)).unwrap().state;
    let reply = |status| Command::Reply {
        body: "Sent to the vendor".into(),
        wait_for_customer: false,
        set_status: Some(status),
    };
    let decision = run(&ticket, &l1, reply(Status::PendingThirdParty)).unwrap();
    assert_eq!(decision.state.status, Status::PendingThirdParty);
    assert_eq!(decision.event.kind, EventKind::Reply);
    let error = run(&ticket, &l1, reply(Status::Resolved)).unwrap_err();
    assert_eq!(error.field.as_deref(), Some("set_status"));
    let error = run(&ticket, &customer(), reply(Status::Open)).unwrap_err();
    assert_eq!((error.code, error.field.as_deref()), (ErrorCode::InvalidValue, Some("set_status")));
}

#[test]
fn monitoring_resolves_reopens_and_groups_its_incidents_and_nothing_else() {
    let monitoring = Actor::Monitoring { token_id: 7, name: "Prometheus".into() };
    let resolve = |code| Command::Resolve { code, notes: "Disk 95% full".into(), resolve_linked: false };
    let incident = fresh(TicketKind::Incident);
    let resolved = run(&incident, &monitoring, resolve(ResolutionCode::ResolvedByMonitoring)).unwrap();
    assert_eq!(resolved.state.status, Status::Resolved);
    assert_eq!(resolved.event.kind, EventKind::Resolved);
    let reopened =
        run(&resolved.state, &monitoring, Command::Reopen { reason: "Fired again".into() }).unwrap();
    assert_eq!(reopened.state.status, Status::Open);
    assert!(run(&incident, &monitoring, Command::MarkMajor).unwrap().state.is_major);
    for command in [Command::Take, Command::Note { body: "x".into() }, triage(Level::Low, Level::Low)] {
        assert_eq!(run(&incident, &monitoring, command).unwrap_err().code, ErrorCode::Forbidden);
    }
    // Only the monitoring may say it saw the service recover.
    let error =
        run(&incident, &agent(3, Tier::L1), resolve(ResolutionCode::ResolvedByMonitoring)).unwrap_err();
    assert_eq!((error.code, error.field.as_deref()), (ErrorCode::InvalidValue, Some("code")));
    assert_eq!(monitoring.label(), "token:7");
}
