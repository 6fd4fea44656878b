//! Mail that reaches the desk's address: whether the desk takes it at all ([`screen`]),
//! which ticket it continues ([`Reference`], [`continues`], [`plan`]), and what it says
//! ([`reply_text`] takes quoted history and signatures off a reply; [`new_ticket`] turns a
//! first mail into a report). Pure: the Worker reads the MIME into a [`Mail`] and brings
//! the stored tickets.
//!
//! Every message the desk sends about a ticket carries a Message-ID of the form
//! `<edgedesk.{ticket}.{message}@{domain}>` and names `<edgedesk.{ticket}@{domain}>` in
//! `In-Reply-To` and `References`, so mail clients thread the conversation and an answer
//! names its ticket in headers the customer never sees.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::lifecycle::Status;
use crate::message::Language;
use crate::ticket::{Channel, NewTicket, DESCRIPTION, NAME, TITLE};
use crate::validation::TextRule;
use crate::workflow::{Rules, TicketState, BODY, REASON};

/// Larger mail is refused at the door with a polite reason (attachments are not kept yet,
/// and the text of a ticket is far smaller than this).
pub const MAX_MAIL_BYTES: u64 = 10 * 1024 * 1024;

/// How much of a message's text is kept as received, beside the ticket.
pub const ORIGINAL: TextRule =
    TextRule { field: "original", label: "Original", max_chars: 100_000, multiline: true };

/// Why a message is refused at the door (the sender's server gets the reason back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    TooLarge,
    TooMany,
    /// The desk could not store it just now; the sender's server may try again.
    TryLater,
}

/// What the desk reads of one received message (the Worker decodes the MIME: charsets,
/// quoted-printable, base64, HTML turned into text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mail {
    /// The `From` address.
    pub from: String,
    /// The display name in `From`, if any.
    pub from_name: Option<String>,
    /// The SMTP envelope sender: empty for bounces (`MAIL FROM:<>`).
    pub envelope_from: String,
    pub subject: String,
    /// Without angle brackets, as are the two lists below.
    pub message_id: Option<String>,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    pub auto_submitted: Option<String>,
    pub precedence: Option<String>,
    /// `X-Autoreply` or `X-Autorespond` present (older vacation responders).
    pub autoreply_header: bool,
    /// `multipart/report`: a delivery status notification.
    pub is_report: bool,
    pub content_language: Option<String>,
    /// The readable text: the plain-text part, or the HTML part turned into text.
    pub text: String,
}

/// What became of a received message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A first mail, or one that may not continue the ticket it names: a new ticket.
    Opened,
    /// A reply to a closed ticket: a new ticket.
    OpenedFollowUp,
    Replied,
    /// A reply that reopened its resolved ticket.
    Reopened,
    /// Vacation replies and other machine-written mail (`Auto-Submitted`, `Precedence`).
    IgnoredAutoReply,
    /// A delivery failure report.
    IgnoredBounce,
    /// Our own mail come back (a forwarding loop).
    IgnoredLoop,
    /// No usable sender to answer.
    IgnoredNoSender,
}

impl Outcome {
    pub const ALL: [Outcome; 8] = [
        Outcome::Opened,
        Outcome::OpenedFollowUp,
        Outcome::Replied,
        Outcome::Reopened,
        Outcome::IgnoredAutoReply,
        Outcome::IgnoredBounce,
        Outcome::IgnoredLoop,
        Outcome::IgnoredNoSender,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Opened => "opened",
            Outcome::OpenedFollowUp => "opened_follow_up",
            Outcome::Replied => "replied",
            Outcome::Reopened => "reopened",
            Outcome::IgnoredAutoReply => "ignored_auto_reply",
            Outcome::IgnoredBounce => "ignored_bounce",
            Outcome::IgnoredLoop => "ignored_loop",
            Outcome::IgnoredNoSender => "ignored_no_sender",
        }
    }

    pub fn parse(text: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|outcome| outcome.as_str() == text)
    }
}

/// One received message, as admins see it (`GET /api/admin/inbox`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedMail {
    pub id: i64,
    pub message_id: Option<String>,
    pub sender: String,
    pub subject: String,
    pub received_at: DateTime<Utc>,
    pub outcome: Outcome,
    pub ticket_id: Option<i64>,
    /// `INC-000042`, when it opened or continued a ticket.
    pub ticket_number: Option<String>,
}

/// The desk's received mail, newest first, and the address it is received at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub address: String,
    pub items: Vec<ReceivedMail>,
    pub next_cursor: Option<String>,
}

/// Whether the desk takes this message. Machine-written mail is never answered (answering
/// it is how two robots mail each other forever), nor is our own.
pub fn screen(mail: &Mail, desk_address: &str) -> Result<(), Outcome> {
    let from = mail.from.trim();
    if crate::validation::email("from", from).is_err() {
        return Err(Outcome::IgnoredNoSender);
    }
    if from.eq_ignore_ascii_case(desk_address.trim()) {
        return Err(Outcome::IgnoredLoop);
    }
    let domain = domain_of(desk_address);
    if mail.message_id.as_deref().is_some_and(|id| ours(id, domain).is_some()) {
        return Err(Outcome::IgnoredLoop);
    }
    let local = from.split('@').next().unwrap_or_default();
    let daemon = ["mailer-daemon", "postmaster"].iter().any(|name| local.eq_ignore_ascii_case(name));
    if mail.is_report || daemon || mail.envelope_from.trim().trim_matches(['<', '>']).is_empty() {
        return Err(Outcome::IgnoredBounce);
    }
    let automatic =
        mail.auto_submitted.as_deref().is_some_and(|value| !value.trim().eq_ignore_ascii_case("no"));
    let bulk = mail.precedence.as_deref().is_some_and(|value| {
        ["bulk", "junk", "auto_reply", "list"].iter().any(|kind| value.trim().eq_ignore_ascii_case(kind))
    });
    if automatic || bulk || mail.autoreply_header {
        return Err(Outcome::IgnoredAutoReply);
    }
    Ok(())
}

/// The domain of an address (`support@example.com` → `example.com`).
pub fn domain_of(address: &str) -> &str {
    address.rsplit_once('@').map_or("", |(_, domain)| domain.trim())
}

/// The Message-ID of one message the desk sends about `ticket_id` (`message` is the
/// outbox row, unique per message).
pub fn message_id(ticket_id: Option<i64>, message: i64, domain: &str) -> String {
    match ticket_id {
        Some(ticket) => format!("<edgedesk.{ticket}.{message}@{domain}>"),
        None => format!("<edgedesk.mail.{message}@{domain}>"),
    }
}

/// The id every message about `ticket_id` answers, so clients keep them in one thread.
pub fn thread_root(ticket_id: i64, domain: &str) -> String {
    format!("<edgedesk.{ticket_id}@{domain}>")
}

/// The ticket one of our Message-IDs (root or message) names, if `id` is ours.
fn ours(id: &str, domain: &str) -> Option<i64> {
    let (local, at) = id.trim().trim_matches(['<', '>']).rsplit_once('@')?;
    if domain.is_empty() || !at.eq_ignore_ascii_case(domain) {
        return None;
    }
    let ticket = local.strip_prefix("edgedesk.")?.split('.').next()?;
    ticket.parse::<i64>().ok().filter(|id| *id > 0)
}

/// What a message says about the ticket it continues.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reference {
    /// Tickets named by our own Message-IDs in `In-Reply-To` and `References`, the
    /// message answered first.
    pub tickets: Vec<i64>,
    /// Other Message-IDs it answers: the sender's own earlier mail to the desk.
    pub foreign: Vec<String>,
    /// The ticket whose number (`[INC-000042]`) the subject carries.
    pub subject_ticket: Option<i64>,
}

/// At most this many Message-IDs are looked up: a long thread names its whole history.
const MAX_REFERENCES: usize = 20;

pub fn reference(mail: &Mail, domain: &str) -> Reference {
    let mut reference = Reference::default();
    // In-Reply-To is the message answered; References lists the thread, newest last.
    let named = mail.in_reply_to.iter().chain(mail.references.iter().rev()).take(MAX_REFERENCES);
    for id in named {
        let id = id.trim().trim_matches(['<', '>']);
        match ours(id, domain) {
            Some(ticket) if !reference.tickets.contains(&ticket) => reference.tickets.push(ticket),
            Some(_) => {}
            None if !id.is_empty() && !reference.foreign.iter().any(|known| known == id) => {
                reference.foreign.push(id.to_string())
            }
            None => {}
        }
    }
    reference.subject_ticket = subject_ticket(&mail.subject);
    reference
}

/// The id in the first `[INC-000042]` or `[REQ-000042]` of a subject. Either prefix names
/// the same ticket: triage may have changed its kind since the mail was sent.
pub fn subject_ticket(subject: &str) -> Option<i64> {
    subject.match_indices('[').find_map(|(start, _)| number_token(&subject[start..]).map(|(id, _)| id))
}

/// `[INC-000042]…` at the start of `text`: the id and the token's length in bytes.
fn number_token(text: &str) -> Option<(i64, usize)> {
    let rest = text.strip_prefix('[')?;
    let digits = ["INC-", "REQ-"].iter().find_map(|prefix| {
        rest.get(..prefix.len())
            .filter(|head| head.eq_ignore_ascii_case(prefix))
            .map(|_| &rest[prefix.len()..])
    })?;
    let end = digits.find(']')?;
    let number = &digits[..end];
    if number.is_empty() || number.len() > 12 || !number.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let id = number.parse::<i64>().ok().filter(|id| *id > 0)?;
    Some((id, 1 + 4 + end + 1))
}

/// A ticket a message may continue, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thread {
    pub id: i64,
    pub reporter_email: String,
    /// The owning customer account, if any, and its address.
    pub customer: Option<(i64, String)>,
}

/// Where a message goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Continues {
    /// A reply by the ticket's reporter (`customer` when it is the owning account's address).
    Ticket { id: i64, customer: Option<i64> },
    /// It names tickets, but its sender is none of their reporters: it starts a ticket of
    /// its own and touches none of them (anyone can put a number in a subject).
    Refused { named: i64 },
    /// A new conversation.
    Nothing,
}

/// The ticket a message from `sender` continues: the first of `named` (headers first, then
/// the subject's number) that exists and that the sender reported.
pub fn continues(sender: &str, named: &[i64], found: &[Thread]) -> Continues {
    let sender = sender.trim();
    let mut refused = None;
    for id in named {
        let Some(thread) = found.iter().find(|thread| thread.id == *id) else { continue };
        if let Some((customer_id, _)) =
            thread.customer.as_ref().filter(|(_, email)| email.eq_ignore_ascii_case(sender))
        {
            return Continues::Ticket { id: *id, customer: Some(*customer_id) };
        }
        if thread.reporter_email.eq_ignore_ascii_case(sender) {
            return Continues::Ticket { id: *id, customer: None };
        }
        refused.get_or_insert(*id);
    }
    refused.map_or(Continues::Nothing, |named| Continues::Refused { named })
}

/// What a reply does to the ticket it continues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    Append,
    /// A reply to a resolved ticket within the reopen window reopens it, as in the portal.
    ReopenAndAppend,
    /// Closed, cancelled, or resolved too long ago: the reply starts a new ticket.
    NewTicket,
}

pub fn plan(state: &TicketState, rules: &Rules, now: DateTime<Utc>) -> Plan {
    match state.status {
        Status::Closed | Status::Cancelled => Plan::NewTicket,
        Status::Resolved if state.resolved_at.is_some_and(|at| now > rules.closes_at(at)) => Plan::NewTicket,
        Status::Resolved => Plan::ReopenAndAppend,
        _ => Plan::Append,
    }
}

/// The reply with the history it quotes and the sender's signature taken off; the whole
/// text if nothing would be left. Inline answers between quoted lines are kept whole.
pub fn reply_text(text: &str) -> String {
    let text = normalise(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut end =
        lines.iter().enumerate().position(|(at, _)| begins_history(&lines, at)).unwrap_or(lines.len());
    // A trailing block of quoted lines (and blanks) is history too.
    while end > 0 && (lines[end - 1].trim().is_empty() || lines[end - 1].trim_start().starts_with('>')) {
        end -= 1;
    }
    if let Some(signature) = lines[..end].iter().rposition(|line| is_signature_start(line)) {
        end = signature;
    }
    let reply = lines[..end].join("\n").trim().to_string();
    if reply.is_empty() {
        text.trim().to_string()
    } else {
        reply
    }
}

/// Whether the quoted history starts at line `at`: an attribution ("On … wrote:", "Den …
/// skrev …:"), an "Original Message" rule, or an Outlook header block (From/Sent, Fra/Sendt).
fn begins_history(lines: &[&str], at: usize) -> bool {
    let line = lines[at].trim();
    let lower = line.to_lowercase();
    let next = lines.get(at + 1).map(|line| line.trim().to_lowercase()).unwrap_or_default();
    let attribution = |opening: &str, verb: &str| {
        lower.starts_with(opening) && (lower.ends_with(verb) || (!next.is_empty() && next.ends_with(verb)))
    };
    if attribution("on ", "wrote:")
        || attribution("den ", ":") && (lower.contains(" skrev") || next.contains("skrev"))
    {
        return true;
    }
    if lower.starts_with("-----")
        && ["original message", "oprindelig meddelelse", "original meddelelse"]
            .iter()
            .any(|rule| lower.contains(rule))
    {
        return true;
    }
    let header = |names: &[&str], line: &str| names.iter().any(|name| line.starts_with(name));
    let from_line = header(&["from:", "fra:"], &lower);
    let underscores = lower.len() >= 10 && lower.chars().all(|c| c == '_');
    let block_follows = lines[at + 1..]
        .iter()
        .take(4)
        .any(|line| header(&["sent:", "sendt:", "date:", "dato:"], &line.trim().to_lowercase()));
    (from_line && block_follows)
        || (underscores
            && lines.get(at + 1).is_some_and(|line| header(&["from:", "fra:"], &line.trim().to_lowercase())))
}

/// `-- ` (the signature delimiter) or a phone's "Sent from my …" line.
fn is_signature_start(line: &str) -> bool {
    let lower = line.trim_end().to_lowercase();
    lower == "--"
        || ["sent from my ", "sendt fra min ", "sendt fra outlook", "get outlook for", "hent outlook til"]
            .iter()
            .any(|phrase| lower.starts_with(phrase))
}

/// CRLF as LF, no control characters but newlines and tabs, at most one blank line in a row.
fn normalise(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned: String = unified.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect();
    let mut out = String::with_capacity(cleaned.len());
    let mut blank_run = 0;
    for line in cleaned.lines() {
        let line = line.trim_end();
        blank_run = if line.is_empty() { blank_run + 1 } else { 0 };
        if blank_run < 2 {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `text` cut to what `rule` allows, marked where it was cut (the original is kept).
pub fn fit(text: &str, rule: &TextRule) -> String {
    let text = normalise(text);
    let text = text.trim();
    if text.chars().count() <= rule.max_chars {
        return text.to_string();
    }
    let kept: String = text.chars().take(rule.max_chars - 2).collect();
    format!("{}\n…", kept.trim_end())
}

/// A subject without reply and forward prefixes (Re, Sv, Aw, Fw, Fwd, Vs) or our numbers.
pub fn clean_subject(subject: &str) -> String {
    let mut rest = subject.trim();
    loop {
        let before = rest;
        if let Some((_, length)) = number_token(rest) {
            rest = rest[length..].trim_start();
        }
        if let Some((prefix, after)) = rest.split_once(':') {
            let prefix = prefix.trim().to_lowercase();
            if ["re", "sv", "aw", "fw", "fwd", "vs", "videresend"].contains(&prefix.as_str()) {
                rest = after.trim_start();
            }
        }
        if rest == before {
            return rest.to_string();
        }
    }
}

/// The language to answer the sender in: the mail's own `Content-Language`, else Danish
/// when the text has Danish letters, else the desk's.
pub fn language(mail: &Mail, desk: Language) -> Language {
    if let Some(language) = mail.content_language.as_deref().and_then(Language::parse) {
        return language;
    }
    let danish = |text: &str| text.chars().any(|c| "æøåÆØÅ".contains(c));
    if danish(&mail.subject) || danish(&mail.text) {
        Language::Da
    } else {
        desk
    }
}

/// The report a first mail makes: the subject as title (the first line of the text when
/// there is none), the whole text as description (a forwarded message is the report).
pub fn new_ticket(mail: &Mail, desk: Language) -> NewTicket {
    let subject = clean_subject(&mail.subject);
    let text = normalise(&mail.text);
    let title_source = if subject.is_empty() {
        text.lines().map(str::trim).find(|line| !line.is_empty()).unwrap_or("…").to_string()
    } else {
        subject
    };
    let sender = mail.from.trim();
    let name = mail
        .from_name
        .as_deref()
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| sender.split('@').next().unwrap_or(sender));
    let description = fit(&text, &DESCRIPTION);
    NewTicket {
        name: fit(name, &NAME).replace('\n', " "),
        email: sender.to_string(),
        title: fit(&title_source, &TITLE).replace('\n', " "),
        description: if description.is_empty() { "…".to_string() } else { description },
        channel: Some(Channel::Email),
        language: Some(language(mail, desk)),
        ..NewTicket::default()
    }
}

/// The name a reply is signed with in the ticket's history.
pub fn sender_name(mail: &Mail) -> String {
    let name = mail.from_name.as_deref().map(str::trim).filter(|name| !name.is_empty());
    fit(name.unwrap_or(mail.from.trim()), &NAME).replace('\n', " ")
}

/// A reply's text as stored on the ticket, and the reason given when it reopens one.
pub fn reply_body(mail: &Mail) -> (String, String) {
    let reply = reply_text(&mail.text);
    let body = fit(&reply, &BODY);
    let reason = fit(&reply, &REASON);
    (
        if body.is_empty() { "…".to_string() } else { body },
        if reason.is_empty() { "…".to_string() } else { reason },
    )
}

#[cfg(test)]
mod tests;
