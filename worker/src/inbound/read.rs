//! A raw MIME message read into the domain's [`Mail`] with `mail-parser`: charsets,
//! quoted-printable and base64 decoded, HTML-only mail turned into text.

use edgedesk_domain::inbound::Mail;
use mail_parser::{HeaderValue, MessageParser, MimeHeaders};

/// `None` when the bytes are no message at all.
pub fn read(raw: &[u8], envelope_from: &str) -> Option<Mail> {
    let message = MessageParser::default().parse(raw)?;
    let from = message.from().and_then(|from| from.first());
    let header = |name: &str| message.header_raw(name).map(|value| value.trim().to_string());
    // Every text part in order (a mail client may split text around an inline image).
    let text = (0..message.text_body_count())
        .filter_map(|part| message.body_text(part))
        .collect::<Vec<_>>()
        .join("\n");
    let is_report = message.content_type().is_some_and(|kind| {
        kind.ctype().eq_ignore_ascii_case("multipart") && kind.subtype() == Some("report")
    });
    Some(Mail {
        from: from.and_then(|from| from.address()).unwrap_or_default().to_string(),
        from_name: from.and_then(|from| from.name()).map(str::to_string),
        envelope_from: envelope_from.to_string(),
        subject: message.subject().unwrap_or_default().to_string(),
        message_id: message.message_id().map(str::to_string),
        in_reply_to: ids(message.in_reply_to()),
        references: ids(message.references()),
        auto_submitted: header("Auto-Submitted"),
        precedence: header("Precedence"),
        autoreply_header: header("X-Autoreply").is_some() || header("X-Autorespond").is_some(),
        is_report,
        content_language: message.content_language().as_text().map(str::to_string),
        text,
    })
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    value.as_text_list().map(|ids| ids.iter().map(|id| id.to_string()).collect()).unwrap_or_default()
}
