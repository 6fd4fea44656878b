//! Personal service: a phone or video call an L2/L3 agent arranges with the customer, and
//! the `.ics` invitation the customer downloads (RFC 5545).

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode, FieldError};
use crate::validation::{self, TextRule};

pub const NOTE: TextRule = TextRule { field: "note", label: "Note", max_chars: 1000, multiline: true };
pub const LINK_MAX_CHARS: usize = 500;
pub const MINUTES: std::ops::RangeInclusive<u32> = 5..=240;
/// How far ahead a call can be booked. Far enough for any real appointment, and it keeps
/// the `.ics` date within the four-digit years iCalendar allows.
pub const BOOKABLE_DAYS_AHEAD: i64 = 366;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallChannel {
    Phone,
    Video,
}

impl CallChannel {
    pub fn as_str(self) -> &'static str {
        match self {
            CallChannel::Phone => "phone",
            CallChannel::Video => "video",
        }
    }

    pub fn parse(text: &str) -> Option<CallChannel> {
        [CallChannel::Phone, CallChannel::Video].into_iter().find(|channel| channel.as_str() == text)
    }
}

/// A call as requested (`"action": "schedule_call"`), and once validated, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCall {
    pub starts_at: DateTime<Utc>,
    pub minutes: u32,
    pub channel: CallChannel,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

fn invalid(field: &str, message: &str) -> ApiError {
    ApiError::new(ErrorCode::InvalidValue, message).with_field(field)
}

impl NewCall {
    /// A call in the future, of sensible length, with a number for phone calls and an
    /// https meeting link for video calls.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<NewCall, ApiError> {
        if self.starts_at <= now {
            return Err(invalid("starts_at", "The call must start in the future"));
        }
        if self.starts_at > now + Duration::days(BOOKABLE_DAYS_AHEAD) {
            return Err(invalid("starts_at", "A call can be booked at most a year ahead"));
        }
        if !MINUTES.contains(&self.minutes) {
            return Err(invalid("minutes", "A call lasts from 5 to 240 minutes"));
        }
        let phone = validation::optional_phone("phone", self.phone.as_deref())?;
        let link = self.link.as_deref().map(str::trim).filter(|link| !link.is_empty());
        let (phone, link) = match self.channel {
            CallChannel::Phone => (Some(phone.ok_or_else(|| required("phone", "A phone number"))?), None),
            CallChannel::Video => {
                let link = link.ok_or_else(|| required("link", "A meeting link"))?;
                let well_formed = link.starts_with("https://")
                    && link.len() <= LINK_MAX_CHARS
                    && link.len() > "https://".len()
                    && !link.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"'`".contains(c));
                if !well_formed {
                    return Err(invalid("link", "Enter the meeting link as an https:// address"));
                }
                (None, Some(link.to_string()))
            }
        };
        let note = NOTE.optional(self.note.as_deref())?;
        Ok(NewCall {
            starts_at: self.starts_at,
            minutes: self.minutes,
            channel: self.channel,
            phone,
            link,
            note,
        })
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + Duration::minutes(i64::from(self.minutes))
    }
}

fn required(field: &str, what: &str) -> ApiError {
    ApiError::from(FieldError {
        field: field.into(),
        code: ErrorCode::Required,
        message: format!("{what} is required"),
    })
}

/// A scheduled call as the portal and the console show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub id: i64,
    #[serde(flatten)]
    pub call: NewCall,
    pub scheduled_by: String,
}

/// The calendar invitation for a call (`text/calendar`). `host` makes the UID globally
/// unique; `stamp` is when the call was scheduled, so the file is the same on every download.
pub fn ics(call: &Call, ticket_number: &str, title: &str, host: &str, stamp: DateTime<Utc>) -> String {
    let time = |at: DateTime<Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
    let mut description = format!("{ticket_number}: {title}");
    if let Some(note) = &call.call.note {
        description.push_str("\n\n");
        description.push_str(note);
    }
    let location = call.call.phone.as_deref().or(call.call.link.as_deref()).unwrap_or_default();
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Edgedesk//Service desk//EN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:call-{}@{}", call.id, escape(host)),
        format!("DTSTAMP:{}", time(stamp)),
        format!("DTSTART:{}", time(call.call.starts_at)),
        format!("DTEND:{}", time(call.call.ends_at())),
        format!("SUMMARY:{}", escape(&format!("Call about {ticket_number} with {}", call.scheduled_by))),
        format!("DESCRIPTION:{}", escape(&description)),
        format!("LOCATION:{}", escape(location)),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    lines.iter().map(|line| fold(line)).collect::<Vec<_>>().join("")
}

/// RFC 5545 TEXT escaping: a newline in a note can never start a new property.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Lines longer than 75 octets continue on the next line after CRLF and a space, never
/// splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(c);
        width += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap()
    }

    fn phone_call() -> NewCall {
        NewCall {
            starts_at: now() + Duration::hours(2),
            minutes: 30,
            channel: CallChannel::Phone,
            phone: Some(" +45 12 34 56 78 ".into()),
            link: Some("https://ignored.example".into()),
            note: Some("".into()),
        }
    }

    #[test]
    fn a_phone_call_keeps_the_number_and_drops_the_link() {
        let call = phone_call().validate(now()).unwrap();
        assert_eq!(call.phone.as_deref(), Some("+45 12 34 56 78"));
        assert_eq!(call.link, None);
        assert_eq!(call.note, None);
    }

    #[test]
    fn bad_calls_name_the_field() {
        let cases = [
            (NewCall { starts_at: now(), ..phone_call() }, "starts_at"),
            (
                NewCall { starts_at: now() + Duration::days(BOOKABLE_DAYS_AHEAD + 1), ..phone_call() },
                "starts_at",
            ),
            (NewCall { minutes: 500, ..phone_call() }, "minutes"),
            (NewCall { phone: None, ..phone_call() }, "phone"),
            (NewCall { channel: CallChannel::Video, link: None, ..phone_call() }, "link"),
            (
                NewCall {
                    channel: CallChannel::Video,
                    link: Some("javascript:alert(1)".into()),
                    ..phone_call()
                },
                "link",
            ),
            (
                NewCall {
                    channel: CallChannel::Video,
                    link: Some("https://x.example/\"><b>".into()),
                    ..phone_call()
                },
                "link",
            ),
        ];
        for (call, field) in cases {
            assert_eq!(call.validate(now()).unwrap_err().field.as_deref(), Some(field), "{call:?}");
        }
    }

    #[test]
    fn the_invitation_is_valid_icalendar_and_hostile_text_stays_inside_its_property() {
        let mut call = phone_call().validate(now()).unwrap();
        call.note = Some("Bring logs;\nEND:VEVENT\nBEGIN:VEVENT, ok\\".into());
        let call = Call { id: 7, call, scheduled_by: "Lars L2".into() };
        let ics = ics(&call, "INC-000042", &"VPN drops ".repeat(12), "desk.example", now());
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        let unfolded = ics.replace("\r\n ", "");
        let properties: Vec<&str> = unfolded.split("\r\n").collect();
        assert_eq!(properties.iter().filter(|line| line.starts_with("BEGIN:VEVENT")).count(), 1);
        assert!(ics.contains("DTSTART:20261128T110000Z\r\n"));
        assert!(ics.contains("DTEND:20261128T113000Z\r\n"));
        assert!(ics.contains("UID:call-7@desk.example\r\n"));
        assert!(unfolded.contains("Bring logs\\;\\nEND:VEVENT\\nBEGIN:VEVENT\\, ok\\\\"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
    }

    #[test]
    fn folding_never_splits_a_character() {
        let folded = fold(&format!("SUMMARY:{}", "æ".repeat(80)));
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75);
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), format!("SUMMARY:{}", "æ".repeat(80)));
    }
}
