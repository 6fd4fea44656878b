use chrono::{Duration, TimeZone, Utc};
use serde_json::json;

use super::*;

fn trigger(key: &str) -> Value {
    json!({
        "routing_key": "edt_x",
        "event_action": "trigger",
        "dedup_key": key,
        "payload": {
            "summary": "Disk 95% full on db-1",
            "source": "db-1.internal",
            "severity": "critical",
            "component": "Payroll database",
            "group": "prod",
            "class": "disk",
            "custom_details": { "free_gb": 2.1 }
        }
    })
}

fn alertmanager(alerts: Value) -> Value {
    json!({
        "version": "4", "groupKey": "{}:{alertname=\"HighLatency\"}", "truncatedAlerts": 0,
        "status": "firing", "receiver": "edgedesk", "groupLabels": {}, "commonLabels": {},
        "commonAnnotations": {}, "externalURL": "http://alertmanager:9093", "alerts": alerts
    })
}

#[test]
fn a_pagerduty_trigger_reads_into_one_signal() {
    let signals = read(&trigger("disk-db-1"), "generated").unwrap();
    assert_eq!(signals.len(), 1);
    let signal = &signals[0];
    assert_eq!(signal.dedup_key, "disk-db-1");
    assert_eq!(signal.action, AlertAction::Trigger);
    assert_eq!(signal.severity, Severity::Critical);
    assert_eq!(signal.component.as_deref(), Some("Payroll database"));
    assert_eq!(signal.title(), "Disk 95% full on db-1");
    assert!(signal.description().starts_with("Disk 95% full on db-1\n\n"));
    assert!(signal.description().contains("\"free_gb\": 2.1"));
    assert!(!signal.description().contains("severity"), "facts are values for the reader's language");
}

#[test]
fn a_trigger_without_a_key_gets_the_generated_one_but_resolve_needs_one() {
    let mut body = trigger("x");
    body.as_object_mut().unwrap().remove("dedup_key");
    assert_eq!(read(&body, "generated").unwrap()[0].dedup_key, "generated");
    let resolve = json!({ "routing_key": "edt_x", "event_action": "resolve" });
    let error = read(&resolve, "generated").unwrap_err();
    assert_eq!((error.code, error.field.as_deref()), (ErrorCode::Required, Some("dedup_key")));
    let resolve = json!({ "routing_key": "edt_x", "event_action": "resolve", "dedup_key": "x" });
    assert_eq!(read(&resolve, "generated").unwrap()[0].action, AlertAction::Resolve);
}

#[test]
fn bad_pagerduty_events_name_the_field() {
    let cases = [
        (
            json!({ "routing_key": "k", "event_action": "explode", "dedup_key": "x" }),
            ErrorCode::InvalidValue,
            "event_action",
        ),
        (json!({ "routing_key": "k", "event_action": "trigger" }), ErrorCode::Required, "payload"),
        (json!({ "event_action": "trigger", "payload": {} }), ErrorCode::Required, "routing_key"),
        (
            json!({ "routing_key": "k", "event_action": "trigger", "payload": { "source": "a", "severity": "info" } }),
            ErrorCode::Required,
            "payload.summary",
        ),
        (
            json!({ "routing_key": "k", "event_action": "trigger", "payload": { "summary": "s", "source": "a", "severity": "loud" } }),
            ErrorCode::InvalidValue,
            "payload.severity",
        ),
        (
            json!({ "routing_key": "k", "event_action": "trigger", "payload": { "summary": " ", "source": "a", "severity": "info" } }),
            ErrorCode::Required,
            "payload.summary",
        ),
        (
            json!({ "routing_key": "k", "event_action": "trigger", "payload": { "summary": "s", "source": "a", "severity": "info", "colour": "red" } }),
            ErrorCode::InvalidJson,
            "payload.colour",
        ),
        (
            json!({ "routing_key": "k", "event_action": "trigger", "dedup_key": "k".repeat(256), "payload": {} }),
            ErrorCode::TooLong,
            "dedup_key",
        ),
        (json!({ "routing_key": "k", "event_action": 7 }), ErrorCode::InvalidJson, ""),
        (json!({ "title": "not an alert" }), ErrorCode::Required, "event_action"),
    ];
    for (body, code, field) in cases {
        let error = read(&body, "g").unwrap_err();
        assert_eq!(error.code, code, "{body}");
        assert_eq!(error.field.as_deref().unwrap_or(""), field, "{body}");
    }
    assert_eq!(read(&json!([]), "g").unwrap_err().code, ErrorCode::InvalidJson);
}

#[test]
fn an_alertmanager_webhook_reads_one_signal_per_alert() {
    let body = alertmanager(json!([
        {
            "status": "firing",
            "labels": { "alertname": "HighLatency", "severity": "page", "service": "VPN", "instance": "vpn-2:9100" },
            "annotations": { "summary": "VPN p99 latency above 2 s" },
            "startsAt": "2026-12-03T08:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "http://prometheus/graph", "fingerprint": "c0ffee"
        },
        { "status": "resolved", "labels": { "alertname": "DiskFull", "job": "node" }, "annotations": {} }
    ]));
    let signals = read(&body, "unused").unwrap();
    assert_eq!(signals.len(), 2);
    assert_eq!((signals[0].action, signals[0].severity), (AlertAction::Trigger, Severity::Critical));
    assert_eq!(signals[0].dedup_key, "c0ffee");
    assert_eq!(signals[0].summary, "VPN p99 latency above 2 s");
    assert_eq!(signals[0].component.as_deref(), Some("VPN"));
    assert_eq!(signals[0].source.as_deref(), Some("vpn-2:9100"));
    // No fingerprint: the label set is the key, the same every time.
    assert_eq!(signals[1].action, AlertAction::Resolve);
    assert_eq!(signals[1].summary, "DiskFull");
    assert_eq!(signals[1].severity, Severity::Warning);
    assert!(signals[1].dedup_key.starts_with("labels:"));
    assert_eq!(signals[1].dedup_key, read(&body, "unused").unwrap()[1].dedup_key);
}

#[test]
fn bad_alertmanager_webhooks_name_the_alert_and_field() {
    let error =
        read(&json!({ "version": "3", "groupKey": "g", "status": "firing", "alerts": [] }), "g").unwrap_err();
    assert_eq!(error.field.as_deref(), Some("version"));
    let error = read(&alertmanager(json!([{ "status": "firing", "labels": {} }])), "g").unwrap_err();
    assert_eq!(
        (error.code, error.field.as_deref()),
        (ErrorCode::Required, Some("alerts[0].labels.alertname"))
    );
    let error = read(&alertmanager(json!([{ "status": "pending", "labels": { "alertname": "A" } }])), "g")
        .unwrap_err();
    assert_eq!(error.field.as_deref(), Some("alerts[0].status"));
    let error = read(&alertmanager(json!([{ "labels": { "alertname": "A" } }])), "g").unwrap_err();
    assert_eq!(error.field.as_deref(), Some("alerts[0].status"));
    let many =
        vec![json!({ "status": "firing", "labels": { "alertname": "A" } }); MAX_ALERTS_PER_REQUEST + 1];
    assert_eq!(read(&alertmanager(json!(many)), "g").unwrap_err().field.as_deref(), Some("alerts"));
}

#[test]
fn long_summaries_make_short_titles() {
    let mut body = trigger("k");
    body["payload"]["summary"] = json!("x".repeat(MAX_SUMMARY_CHARS));
    let title = read(&body, "g").unwrap()[0].title();
    assert_eq!(title.chars().count(), TITLE.max_chars);
    assert!(title.ends_with('…'));
}

#[test]
fn severities_map_to_priorities() {
    let policy = AlertPolicy::default();
    let mapped = Severity::ALL.map(|severity| policy.priority(severity));
    assert_eq!(mapped, [Priority::P1, Priority::P2, Priority::P3, Priority::P4]);
    let mut priorities = policy.priorities;
    priorities.set(Severity::Info, Priority::P3);
    assert_eq!(
        (priorities.get(Severity::Info), priorities.get(Severity::Warning)),
        (Priority::P3, Priority::P3)
    );
}

#[test]
fn what_each_signal_does() {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
    let policy = AlertPolicy::default();
    let open = |status, worked| Known { ticket_id: 1, ticket_status: status, resolved_at: None, worked };
    let resolved = |ago: i64, status| Known {
        ticket_id: 1,
        ticket_status: status,
        resolved_at: Some(now - Duration::minutes(ago)),
        worked: false,
    };
    let route = |action, known: Option<Known>| route(action, known.as_ref(), &policy, now);
    use AlertAction::*;
    assert_eq!(route(Trigger, None), Outcome::Opened);
    assert_eq!(route(Trigger, Some(open(Status::New, false))), Outcome::Repeated);
    assert_eq!(route(Trigger, Some(resolved(10, Status::Resolved))), Outcome::Reopened);
    assert_eq!(route(Trigger, Some(resolved(30, Status::Resolved))), Outcome::Reopened);
    assert_eq!(route(Trigger, Some(resolved(31, Status::Resolved))), Outcome::Opened);
    assert_eq!(route(Trigger, Some(resolved(5, Status::Closed))), Outcome::Opened);
    assert_eq!(route(Resolve, Some(open(Status::New, false))), Outcome::Resolved);
    assert_eq!(route(Resolve, Some(open(Status::InProgress, true))), Outcome::RecoveryNoted);
    assert_eq!(route(Resolve, Some(open(Status::Resolved, true))), Outcome::RecoveryNoted);
    assert_eq!(route(Resolve, Some(resolved(1, Status::Resolved))), Outcome::Ignored);
    assert_eq!(route(Resolve, None), Outcome::Ignored);
    assert_eq!(route(Acknowledge, Some(open(Status::New, false))), Outcome::Acknowledged);
    assert_eq!(route(Acknowledge, None), Outcome::Ignored);
}

#[test]
fn customers_hear_of_critical_and_error_alerts_only_by_service_name() {
    let policy = AlertPolicy::default();
    let told = Severity::ALL.map(|severity| policy.tells_customers(severity));
    assert_eq!(told, [true, true, false, false]);
    let notice = disruption_notice("VPN");
    assert_eq!((notice.audience, notice.title.as_str()), (Audience::ServiceReporters, "VPN"));
    assert_eq!(notice.message, Message::ServiceDisruption { service: "VPN".into() });
}

#[test]
fn many_incidents_for_one_service_are_a_storm() {
    let policy = AlertPolicy::default();
    assert_eq!(storm(None, &[1, 2, 3], &policy), Storm::Calm);
    assert_eq!(storm(None, &[1, 2, 3, 4], &policy), Storm::Declare { link: vec![1, 2, 3, 4] });
    assert_eq!(storm(Some(9), &[1, 2, 3, 4], &policy), Storm::Join { major_id: 9 });
    assert_eq!(storm(Some(9), &[], &policy), Storm::Join { major_id: 9 });
}

#[test]
fn admins_set_the_policy_within_bounds() {
    let policy = AlertPolicy::default();
    assert!(policy.validate().is_ok());
    let cases = [
        (AlertPolicy { reopen_within_minutes: -1, ..policy.clone() }, "reopen_within_minutes"),
        (AlertPolicy { storm_incidents: 1, ..policy.clone() }, "storm_incidents"),
        (AlertPolicy { storm_within_minutes: 0, ..policy.clone() }, "storm_within_minutes"),
    ];
    for (bad, field) in cases {
        assert_eq!(bad.validate().unwrap_err().field.as_deref(), Some(field));
    }
    let quiet = AlertPolicy {
        priorities: SeverityPriorities { critical: Priority::P2, ..policy.priorities },
        tell_customers_from: None,
        ..policy.clone()
    };
    assert_eq!(quiet.priority(Severity::Critical), Priority::P2);
    assert!(!quiet.tells_customers(Severity::Critical));
    let chatty = AlertPolicy { tell_customers_from: Some(Severity::Info), ..policy };
    assert!(chatty.tells_customers(Severity::Info));
}

#[test]
fn an_integration_sets_its_own_priorities_and_reopen_window_but_not_the_desks_storms() {
    let desk = AlertPolicy { storm_incidents: 7, tell_customers_from: None, ..AlertPolicy::default() };
    assert_eq!(desk.clone().for_integration(None), desk);
    let own = IntegrationPolicy {
        priorities: SeverityPriorities { warning: Priority::P2, ..desk.priorities },
        reopen_within_minutes: 0,
    };
    let policy = desk.clone().for_integration(Some(&own));
    assert_eq!(policy.priority(Severity::Warning), Priority::P2);
    assert_eq!(policy.priority(Severity::Critical), Priority::P1);
    assert_eq!((policy.storm_incidents, policy.tell_customers_from), (7, None));
    // Reopen window 0: a flapping check of this integration opens a new incident each time.
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
    let known = Known {
        ticket_id: 1,
        ticket_status: Status::Resolved,
        resolved_at: Some(now - Duration::minutes(1)),
        worked: false,
    };
    assert_eq!(route(AlertAction::Trigger, Some(&known), &policy, now), Outcome::Opened);
    assert_eq!(route(AlertAction::Trigger, Some(&known), &desk, now), Outcome::Reopened);
    assert_eq!(IntegrationPolicy::from(&desk).priorities, desk.priorities);
    let bad = IntegrationPolicy { reopen_within_minutes: 1441, ..own };
    assert_eq!(bad.validate().unwrap_err().field.as_deref(), Some("reopen_within_minutes"));
}
