//! Notifications wait in an outbox written in the same D1 batch as the change they report;
//! a delivery step sends them later and retries with backoff until they go through.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::base64::base64;

/// Where a message goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxChannel {
    Email,
    /// A chat webhook (Slack/Teams-style incoming webhook).
    Chat,
}

/// One outgoing message, as the dev mailbox shows it (`GET /api/admin/outbox`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: i64,
    pub ticket_id: Option<i64>,
    pub channel: OutboxChannel,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// Not sent before this time (reminders, and retries after a failure).
    pub send_after: DateTime<Utc>,
    pub attempts: i64,
    pub delivered_at: Option<DateTime<Utc>>,
    /// Where it went: the adapter that accepted it ("http", "webhook", "dev-mailbox").
    pub delivered_via: Option<String>,
    pub last_error: Option<String>,
    /// The Message-ID mail clients thread by (`<edgedesk.{ticket}.{id}@{domain}>`).
    pub message_id: String,
    /// The ticket's thread root, sent as `In-Reply-To` and `References`: an answer names
    /// its ticket even if a transport replaces the Message-ID.
    pub in_reply_to: Option<String>,
}

/// `message` as raw MIME from `from`, for transports that take whole messages: UTF-8 text,
/// base64 (no line of the body can break the format), the subject as an encoded word.
/// `Auto-Submitted` keeps vacation responders from answering the desk's mail.
pub fn mime(message: &OutboxMessage, from: &str, date: DateTime<Utc>) -> String {
    let mut headers = vec![
        format!("From: {}", one_line(from)),
        format!("To: {}", one_line(&message.recipient)),
        format!("Subject: {}", encoded_word(&message.subject)),
        format!("Date: {}", date.to_rfc2822()),
        format!("Message-ID: {}", one_line(&message.message_id)),
    ];
    if let Some(root) = &message.in_reply_to {
        headers.push(format!("In-Reply-To: {}", one_line(root)));
        headers.push(format!("References: {}", one_line(root)));
    }
    headers.extend([
        "Auto-Submitted: auto-generated".to_string(),
        "MIME-Version: 1.0".to_string(),
        "Content-Type: text/plain; charset=utf-8".to_string(),
        "Content-Transfer-Encoding: base64".to_string(),
    ]);
    let body = base64(message.body.as_bytes());
    let lines: Vec<&str> =
        body.as_bytes().chunks(76).map(|line| std::str::from_utf8(line).unwrap_or_default()).collect();
    format!("{}\r\n\r\n{}\r\n", headers.join("\r\n"), lines.join("\r\n"))
}

/// A header value on one line: a value can never start a header of its own.
fn one_line(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).collect()
}

/// ASCII text as it is; anything else as RFC 2047 encoded words of whole characters, each
/// short enough for a header line.
fn encoded_word(text: &str) -> String {
    let text = one_line(text);
    if text.is_ascii() {
        return text;
    }
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in text.chars() {
        if chunk.len() + c.len_utf8() > 39 {
            words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
    }
    words.join("\r\n ")
}

/// How long to wait after the `attempts`-th failure: 1 min, 2, 4 … capped at 6 hours.
/// Messages are never dropped; a failing one stays visible with its last error.
pub fn retry_delay(attempts: i64) -> Duration {
    let exponent = attempts.clamp(1, 20) - 1;
    Duration::minutes(1i64 << exponent).min(Duration::hours(6))
}

/// Stands for the ticket number in notices; filled in when a message is read or sent, so a
/// notice can be written in the same batch that creates its ticket (before the id exists).
pub const NUMBER: &str = "{number}";

/// Messages handed to delivery per sweep run, so one slow mail API cannot stall the cron.
pub const DELIVERY_BATCH: i64 = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(retry_delay(1), Duration::minutes(1));
        assert_eq!(retry_delay(2), Duration::minutes(2));
        assert_eq!(retry_delay(5), Duration::minutes(16));
        assert_eq!(retry_delay(12), Duration::hours(6));
        assert_eq!(retry_delay(1000), Duration::hours(6));
        for attempts in 1..40 {
            assert!(retry_delay(attempts + 1) >= retry_delay(attempts));
        }
    }

    fn message(subject: &str, body: &str) -> OutboxMessage {
        let at = DateTime::from_timestamp(1_796_300_000, 0).unwrap();
        OutboxMessage {
            id: 17,
            ticket_id: Some(42),
            channel: OutboxChannel::Email,
            recipient: "mette@firma.dk".into(),
            subject: subject.into(),
            body: body.into(),
            created_at: at,
            send_after: at,
            attempts: 0,
            delivered_at: None,
            delivered_via: None,
            last_error: None,
            message_id: "<edgedesk.42.17@desk.example>".into(),
            in_reply_to: Some("<edgedesk.42@desk.example>".into()),
        }
    }

    #[test]
    fn mime_carries_the_thread_and_encodes_danish() {
        let raw = mime(
            &message("[INC-000042] Løst: Printer", "Hej\nDet virker."),
            "support@desk.example",
            DateTime::from_timestamp(1_796_300_000, 0).unwrap(),
        );
        let (head, body) = raw.split_once("\r\n\r\n").unwrap();
        assert!(head.contains("Message-ID: <edgedesk.42.17@desk.example>"));
        assert!(head.contains("In-Reply-To: <edgedesk.42@desk.example>"));
        assert!(head.contains("References: <edgedesk.42@desk.example>"));
        assert!(head.contains("Auto-Submitted: auto-generated"));
        assert!(head.contains("Subject: =?UTF-8?B?"), "{head}");
        assert!(raw.is_ascii());
        assert_eq!(body.trim_end(), base64("Hej\nDet virker.".as_bytes()));
    }

    #[test]
    fn no_value_can_start_a_header_of_its_own() {
        let mut hostile = message("Hi\r\nBcc: eve@evil.example", "x");
        hostile.recipient = "a@b.dk\nBcc: eve@evil.example".into();
        let raw = mime(&hostile, "support@desk.example", hostile.created_at);
        let head = raw.split_once("\r\n\r\n").unwrap().0;
        assert!(head.lines().all(|line| !line.starts_with("Bcc")), "{head}");
    }

    #[test]
    fn long_subjects_fold_into_short_encoded_words() {
        let raw = mime(&message(&"æ".repeat(100), "x"), "s@d.dk", DateTime::from_timestamp(0, 0).unwrap());
        let head = raw.split_once("\r\n\r\n").unwrap().0;
        assert!(head.split("\r\n").all(|line| line.len() <= 998));
        let subject: Vec<&str> = head
            .split("\r\n")
            .skip_while(|line| !line.starts_with("Subject:"))
            .take_while(|line| line.starts_with("Subject:") || line.starts_with(' '))
            .collect();
        assert!(subject.len() > 1 && subject.iter().all(|line| line.len() <= 78), "{subject:?}");
    }
}
