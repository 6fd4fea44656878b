use chrono::TimeZone;

use super::*;

fn step(kind: EventKind, text: Option<&str>) -> NewEvent {
    NewEvent {
        kind,
        details: crate::workflow::EventDetails { text: text.map(str::to_string), ..Default::default() },
    }
}

#[test]
fn a_step_announces_an_update_and_what_it_was() {
    let names =
        |events: Vec<(WebhookEvent, Value)>| events.into_iter().map(|(event, _)| event).collect::<Vec<_>>();
    let note = step_events(&step(EventKind::Note, Some("internal: the CFO's laptop")), true);
    assert_eq!(
        note,
        vec![(WebhookEvent::TicketUpdated, json!({ "event": "note" }))],
        "a note's text never leaves"
    );
    let reply = step_events(&step(EventKind::Reply, Some("Try again")), false);
    assert_eq!(names(reply.clone()), vec![WebhookEvent::TicketUpdated, WebhookEvent::ReplyAdded]);
    assert_eq!(reply[1].1, json!({ "reply": { "text": "Try again", "author": "customer" } }));
    assert_eq!(
        names(step_events(&step(EventKind::Resolved, Some("Restarted")), true)),
        vec![WebhookEvent::TicketUpdated, WebhookEvent::TicketResolved]
    );
    assert_eq!(
        names(step_events(&step(EventKind::Confirmed, None), false)),
        vec![WebhookEvent::TicketUpdated, WebhookEvent::TicketClosed]
    );
    assert_eq!(
        sla_event(&step(EventKind::SlaBreached, None)).map(|(event, _)| event),
        Some(WebhookEvent::SlaBreach)
    );
    assert_eq!(sla_event(&step(EventKind::Note, None)), None);
}

#[test]
fn event_names_are_the_documented_ones() {
    for event in WebhookEvent::ALL {
        assert_eq!(serde_json::to_value(event).unwrap(), event.as_str());
    }
}

#[test]
fn public_https_targets_are_taken() {
    for url in [
        "https://hooks.example.com/edgedesk",
        "https://203.0.113.9.nip.io/x",
        "https://[2606:4700::1111]/x",
        "https://example.com:8443",
        "https://cafe.be/x",
    ] {
        assert_eq!(target(url, false), Ok(()), "{url}");
    }
}

#[test]
fn private_loopback_and_link_local_targets_are_refused() {
    for url in [
        "https://localhost/x",
        "https://api.localhost/x",
        "https://127.0.0.1/x",
        "https://127.1.2.3:8443/x",
        "https://10.0.0.5/x",
        "https://172.16.0.1/x",
        "https://192.168.1.1/x",
        "https://169.254.169.254/latest/meta-data",
        "https://100.64.0.1/x",
        "https://0.0.0.0/x",
        "https://[::1]/x",
        "https://[fe80::1]/x",
        "https://[fd00::1]/x",
        "https://[::ffff:127.0.0.1]/x",
        "https://2130706433/x",
        "https://0x7f000001/x",
        "https://127.1/x",
        "https://0x7f.0.0.1/x",
        "https://intranet/x",
        "https://printer.local/x",
        "https://db.internal/x",
        "https://user:pw@example.com/x",
        "http://example.com/x",
        "ftp://example.com/x",
        "example.com",
        "https:///x",
    ] {
        assert!(target(url, false).is_err(), "{url} should be refused");
    }
}

#[test]
fn development_may_use_a_receiver_on_this_machine() {
    assert_eq!(target("http://127.0.0.1:9999/hook", true), Ok(()));
    assert!(target("ftp://127.0.0.1/hook", true).is_err());
}

#[test]
fn a_subscription_needs_a_url_and_an_event() {
    let valid = NewWebhook {
        url: "https://hooks.example.com/x".into(),
        events: vec![WebhookEvent::TicketCreated, WebhookEvent::TicketCreated],
        description: " CRM ".into(),
    }
    .validate(false)
    .unwrap();
    assert_eq!(valid.events, vec![WebhookEvent::TicketCreated]);
    assert_eq!(valid.description, "CRM");
    let none = NewWebhook { url: "https://hooks.example.com/x".into(), ..NewWebhook::default() };
    assert_eq!(none.validate(false).unwrap_err().field.as_deref(), Some("events"));
    let private = NewWebhook {
        url: "https://10.1.1.1/x".into(),
        events: vec![WebhookEvent::SlaBreach],
        ..NewWebhook::default()
    };
    assert_eq!(private.validate(false).unwrap_err().field.as_deref(), Some("url"));
}

#[test]
fn a_change_may_not_leave_a_subscription_deaf() {
    let deaf = WebhookChange { version: 1, active: None, events: Some(Vec::new()) };
    assert_eq!(deaf.validate().unwrap_err().field.as_deref(), Some("events"));
    assert!(WebhookChange { version: 1, active: Some(false), events: None }.validate().is_ok());
}

#[test]
fn secrets_round_trip_and_signatures_follow_the_convention() {
    let secret = secret(&[7u8; 24]);
    assert!(secret.starts_with("whsec_"));
    assert_eq!(secret_key(&secret), Some(vec![7u8; 24]));
    assert_eq!(secret_key("nope"), None);
    assert_eq!(signed_content("msg_1", 1_700_000_000, "{}"), "msg_1.1700000000.{}");
    assert_eq!(signature(&[0xff, 0x00]), "v1,/wA=");
}

#[test]
fn attempts_back_off_then_give_up_and_410_stops() {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 12, 0, 0).unwrap();
    assert_eq!(after_attempt(Some(204), 1, now), Attempt::Delivered);
    assert_eq!(after_attempt(Some(500), 1, now), Attempt::Retry(now + Duration::minutes(1)));
    assert_eq!(after_attempt(None, 2, now), Attempt::Retry(now + Duration::minutes(5)));
    assert_eq!(after_attempt(Some(503), 6, now), Attempt::Retry(now + Duration::minutes(600)));
    assert_eq!(after_attempt(Some(500), ATTEMPTS, now), Attempt::GaveUp);
    assert_eq!(after_attempt(Some(410), 1, now), Attempt::Gone);
    assert_eq!(
        after_attempt(Some(301), 1, now),
        Attempt::Retry(now + Duration::minutes(1)),
        "redirects are not followed"
    );
}

#[test]
fn a_long_failure_streak_stops_the_subscription() {
    let since = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    assert!(!stops(since, since + Duration::days(2)));
    assert!(stops(since, since + Duration::days(3)));
}
