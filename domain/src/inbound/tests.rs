use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::ticket::TicketKind;

const DESK: &str = "support@desk.example";

fn mail(from: &str, subject: &str, text: &str) -> Mail {
    Mail {
        from: from.to_string(),
        envelope_from: from.to_string(),
        subject: subject.to_string(),
        message_id: Some("abc@client.example".to_string()),
        text: text.to_string(),
        ..Mail::default()
    }
}

#[test]
fn an_ordinary_mail_is_taken() {
    assert_eq!(screen(&mail("mette@firma.dk", "Printer", "Hej"), DESK), Ok(()));
}

#[test]
fn machine_written_mail_is_never_answered() {
    let base = mail("mette@firma.dk", "Out of office", "Away");
    let vacation = Mail { auto_submitted: Some("auto-replied".into()), ..base.clone() };
    assert_eq!(screen(&vacation, DESK), Err(Outcome::IgnoredAutoReply));
    let explicit_no = Mail { auto_submitted: Some("No".into()), ..base.clone() };
    assert_eq!(screen(&explicit_no, DESK), Ok(()));
    let bulk = Mail { precedence: Some("bulk".into()), ..base.clone() };
    assert_eq!(screen(&bulk, DESK), Err(Outcome::IgnoredAutoReply));
    let old_style = Mail { autoreply_header: true, ..base.clone() };
    assert_eq!(screen(&old_style, DESK), Err(Outcome::IgnoredAutoReply));
}

#[test]
fn bounces_are_ignored() {
    let base = mail("mette@firma.dk", "Undelivered", "…");
    assert_eq!(
        screen(&Mail { envelope_from: "<>".into(), ..base.clone() }, DESK),
        Err(Outcome::IgnoredBounce)
    );
    assert_eq!(screen(&Mail { is_report: true, ..base.clone() }, DESK), Err(Outcome::IgnoredBounce));
    let daemon = mail("MAILER-DAEMON@mx.firma.dk", "Undelivered", "…");
    assert_eq!(screen(&daemon, DESK), Err(Outcome::IgnoredBounce));
}

#[test]
fn our_own_mail_coming_back_is_a_loop() {
    assert_eq!(screen(&mail("Support@Desk.example", "x", "y"), DESK), Err(Outcome::IgnoredLoop));
    let forwarded_back =
        Mail { message_id: Some("edgedesk.42.7@desk.example".into()), ..mail("mette@firma.dk", "x", "y") };
    assert_eq!(screen(&forwarded_back, DESK), Err(Outcome::IgnoredLoop));
}

#[test]
fn a_mail_without_a_usable_sender_is_ignored() {
    assert_eq!(screen(&mail("", "x", "y"), DESK), Err(Outcome::IgnoredNoSender));
    assert_eq!(screen(&mail("not an address", "x", "y"), DESK), Err(Outcome::IgnoredNoSender));
}

#[test]
fn message_ids_round_trip_to_their_ticket() {
    let id = message_id(Some(42), 7, "desk.example");
    assert_eq!(id, "<edgedesk.42.7@desk.example>");
    assert_eq!(ours(&id, "desk.example"), Some(42));
    assert_eq!(ours(&thread_root(42, "desk.example"), "DESK.example"), Some(42));
    assert_eq!(ours(&id, "other.example"), None, "another desk's ids are not ours");
    assert_eq!(ours("edgedesk.mail.7@desk.example", "desk.example"), None);
    assert_eq!(ours("edgedesk.-3@desk.example", "desk.example"), None);
    assert_eq!(ours("edgedesk.99999999999999999999@desk.example", "desk.example"), None);
}

#[test]
fn the_reference_lists_the_answered_message_first() {
    let reply = Mail {
        in_reply_to: vec!["<edgedesk.9.30@desk.example>".into()],
        references: vec![
            "first@client.example".into(),
            "edgedesk.5@desk.example".into(),
            "edgedesk.9.30@desk.example".into(),
        ],
        ..mail("mette@firma.dk", "Re: [INC-000005] Received: Printer", "ok")
    };
    let reference = reference(&reply, "desk.example");
    assert_eq!(reference.tickets, vec![9, 5]);
    assert_eq!(reference.foreign, vec!["first@client.example".to_string()]);
    assert_eq!(reference.subject_ticket, Some(5));
}

#[test]
fn subject_numbers_are_read_strictly() {
    assert_eq!(subject_ticket("Re: [INC-000042] Received: Printer"), Some(42));
    assert_eq!(subject_ticket("SV: [req-000042] Løst"), Some(42), "either prefix, any case");
    assert_eq!(subject_ticket("[INC-] x"), None);
    assert_eq!(subject_ticket("[INC-00004x] x"), None);
    assert_eq!(subject_ticket("[INC-000000] x"), None);
    assert_eq!(subject_ticket("[INC-9999999999999] x"), None, "no overflow");
    assert_eq!(subject_ticket("[note] [INC-000007] second"), Some(7));
    assert_eq!(subject_ticket("Printer [INC-000042"), None);
}

#[test]
fn only_the_reporter_continues_a_ticket() {
    let thread = Thread {
        id: 42,
        reporter_email: "mette@firma.dk".into(),
        customer: Some((7, "mette.hansen@firma.dk".into())),
    };
    let found = [thread];
    assert_eq!(continues("Mette@Firma.dk", &[42], &found), Continues::Ticket { id: 42, customer: None });
    assert_eq!(
        continues("mette.hansen@firma.dk", &[42], &found),
        Continues::Ticket { id: 42, customer: Some(7) }
    );
    assert_eq!(continues("eve@evil.example", &[42], &found), Continues::Refused { named: 42 });
    assert_eq!(continues("mette@firma.dk", &[43], &found), Continues::Nothing, "no such ticket");
    assert_eq!(continues("mette@firma.dk", &[], &found), Continues::Nothing);
}

#[test]
fn the_first_named_ticket_the_sender_reported_wins() {
    let theirs = Thread { id: 5, reporter_email: "mette@firma.dk".into(), customer: None };
    let other = Thread { id: 9, reporter_email: "ole@firma.dk".into(), customer: None };
    let found = [other, theirs];
    assert_eq!(continues("mette@firma.dk", &[9, 5], &found), Continues::Ticket { id: 5, customer: None });
}

fn state(status: Status, resolved_days_ago: Option<i64>, now: DateTime<Utc>) -> TicketState {
    TicketState {
        status,
        resolved_at: resolved_days_ago.map(|days| now - Duration::days(days)),
        ..TicketState::reported(1, TicketKind::Incident, "Printer")
    }
}

#[test]
fn a_reply_appends_reopens_or_starts_over() {
    let now = Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap();
    let rules = Rules::default();
    assert_eq!(plan(&state(Status::InProgress, None, now), &rules, now), Plan::Append);
    assert_eq!(plan(&state(Status::PendingCustomer, None, now), &rules, now), Plan::Append);
    assert_eq!(plan(&state(Status::Resolved, Some(2), now), &rules, now), Plan::ReopenAndAppend);
    assert_eq!(plan(&state(Status::Resolved, Some(8), now), &rules, now), Plan::NewTicket);
    assert_eq!(plan(&state(Status::Closed, Some(1), now), &rules, now), Plan::NewTicket);
    assert_eq!(plan(&state(Status::Cancelled, None, now), &rules, now), Plan::NewTicket);
}

#[test]
fn gmail_history_and_signature_come_off() {
    let text = "Thanks, that fixed it.\n\nMette\n-- \nMette Hansen\nFirma ApS\n\nOn Thu, 3 Dec 2026 at 10:15, Support <support@desk.example> wrote:\n> Please restart the printer.\n>\n> Kind regards";
    assert_eq!(reply_text(text), "Thanks, that fixed it.\n\nMette");
}

#[test]
fn a_wrapped_attribution_line_is_found() {
    let text = "Still broken.\n\nOn Thu, 3 Dec 2026 at 10:15, Edgedesk Support\n<support@desk.example> wrote:\n> old";
    assert_eq!(reply_text(text), "Still broken.");
}

#[test]
fn danish_clients_are_understood() {
    let apple = "Det virker nu, tak!\n\nSendt fra min iPhone\n\nDen 3. dec. 2026 kl. 10.15 skrev Support <support@desk.example>:\n> Prøv at genstarte.";
    assert_eq!(reply_text(apple), "Det virker nu, tak!");
    let outlook = "Printeren kører igen.\r\n\r\nFra: Support <support@desk.example>\r\nSendt: 3. december 2026 10:15\r\nTil: Mette\r\nEmne: [INC-000042] Løst\r\n\r\nPrøv at genstarte.";
    assert_eq!(reply_text(outlook), "Printeren kører igen.");
    let rule = "Ja.\n\n-----Oprindelig meddelelse-----\nFra: Support\nold";
    assert_eq!(reply_text(rule), "Ja.");
}

#[test]
fn outlook_underscore_rule_starts_the_history() {
    let text = "Done.\n\n________________________________\nFrom: Support\nSent: Thursday\n\nold";
    assert_eq!(reply_text(text), "Done.");
}

#[test]
fn inline_answers_between_quotes_are_kept() {
    let text = "> Which printer?\nThe one on floor 2.\n> Since when?\nMonday.";
    assert_eq!(reply_text(text), text);
}

#[test]
fn a_reply_that_is_only_quotes_keeps_everything() {
    let text = "> Please restart the printer.";
    assert_eq!(reply_text(text), text);
}

#[test]
fn a_line_merely_starting_with_on_is_not_history() {
    let text = "On Monday the printer broke.\nIt still is.";
    assert_eq!(reply_text(text), text);
}

#[test]
fn subjects_lose_prefixes_and_numbers() {
    assert_eq!(clean_subject("Re: SV: [INC-000042] Received: Printer"), "Received: Printer");
    assert_eq!(clean_subject("VS: Fwd: Løn mangler"), "Løn mangler");
    assert_eq!(clean_subject("Meeting: Tuesday"), "Meeting: Tuesday");
    assert_eq!(clean_subject("  "), "");
}

#[test]
fn a_first_mail_becomes_a_report() {
    let first = Mail {
        from_name: Some("Mette Hansen".into()),
        ..mail(
            "mette@firma.dk",
            "Fwd: Lønsedlen mangler",
            "---------- Forwarded message ---------\nFrom: HR\n\nDin lønseddel er klar.",
        )
    };
    let report = new_ticket(&first, Language::En);
    assert_eq!(report.name, "Mette Hansen");
    assert_eq!(report.email, "mette@firma.dk");
    assert_eq!(report.title, "Lønsedlen mangler");
    assert!(report.description.contains("Din lønseddel er klar."), "the forwarded message is the report");
    assert_eq!(report.channel, Some(Channel::Email));
    assert_eq!(report.language, Some(Language::Da), "Danish letters");
    assert!(report.validate().is_ok());
}

#[test]
fn a_mail_without_subject_or_name_still_makes_a_valid_report() {
    let bare = mail("ole@firma.dk", "", "\n\n  Printer is jammed\nagain");
    let report = new_ticket(&bare, Language::Da);
    assert_eq!(report.title, "Printer is jammed");
    assert_eq!(report.name, "ole");
    assert_eq!(report.language, Some(Language::Da), "the desk's language");
    assert!(report.validate().is_ok());
    let empty = new_ticket(&mail("ole@firma.dk", "", ""), Language::En);
    assert!(empty.validate().is_ok());
}

#[test]
fn long_and_odd_text_fits_the_rules() {
    let long = Mail {
        subject: "x".repeat(400),
        text: format!("a\u{0}b\u{7}\r\n{}", "word ".repeat(3000)),
        ..mail("ole@firma.dk", "", "")
    };
    let report = new_ticket(&long, Language::En);
    assert!(report.validate().is_ok());
    assert!(report.description.ends_with('…'));
    assert!(report.description.starts_with("ab\n"), "control characters go");
    let (body, reason) = reply_body(&Mail { text: "y".repeat(20_000), ..long });
    assert_eq!(body.chars().count(), BODY.max_chars);
    assert!(reason.chars().count() <= REASON.max_chars);
}

#[test]
fn content_language_wins() {
    let english = Mail { content_language: Some("en-GB".into()), ..mail("a@b.dk", "Løn", "æøå") };
    assert_eq!(language(&english, Language::Da), Language::En);
}

#[test]
fn outcomes_round_trip() {
    for outcome in Outcome::ALL {
        assert_eq!(Outcome::parse(outcome.as_str()), Some(outcome));
        assert_eq!(serde_json::to_value(outcome).unwrap(), outcome.as_str());
    }
}
