//! Outgoing mail in its recipient's language: the domain decides what a notice says (a
//! [`Message`] of codes and values); this module words it in English or Danish.

mod danish;
mod english;

use edgedesk_domain::call::NewCall;
use edgedesk_domain::inbound::Refusal;
use edgedesk_domain::message::{Language, Message};
use edgedesk_domain::outbox::NUMBER;
use edgedesk_domain::sla::Target;
use edgedesk_domain::workflow::Notice;
use worker::Env;

/// A notice worded for one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub subject: String,
    pub body: String,
}

/// How one language words every message.
trait Words {
    /// The subject's headline and the body.
    fn message(&self, message: &Message) -> (String, String);
    fn target(&self, target: Target) -> &'static str;
    /// "response and resolution" / "første svar og løsning".
    fn and(&self) -> &'static str;
    fn call(&self, call: &NewCall) -> String;

    fn targets(&self, targets: &[Target]) -> String {
        let names: Vec<&str> = targets.iter().map(|target| self.target(*target)).collect();
        match names.split_last() {
            Some((last, [])) => (*last).to_string(),
            Some((last, rest)) => format!("{} {} {last}", rest.join(", "), self.and()),
            None => String::new(),
        }
    }
}

fn words(language: Language) -> &'static dyn Words {
    match language {
        Language::En => &english::English,
        Language::Da => &danish::Danish,
    }
}

/// `notice` as a mail in `language`; the ticket number is filled in when it is sent.
pub fn write(notice: &Notice, language: Language) -> Mail {
    let (headline, body) = words(language).message(&notice.message);
    match notice.message {
        // Not about a ticket of the recipient's: no number they could not look up.
        Message::ServiceDisruption { .. } => Mail { subject: format!("{headline}: {}", notice.title), body },
        _ => Mail { subject: format!("[{NUMBER}] {headline}: {}", notice.title), body },
    }
}

/// A message about the recipient's own account (a password reset), not about a ticket.
pub fn personal(message: &Message, language: Language) -> Mail {
    let (subject, body) = words(language).message(message);
    Mail { subject, body }
}

/// The reason a refused message's sender reads in the bounce. SMTP replies are ASCII, so
/// the Danish is worded without æ, ø and å.
pub fn refusal(refusal: Refusal, language: Language) -> &'static str {
    match (refusal, language) {
        (Refusal::TooLarge, Language::En) => {
            "Message too large: the service desk takes mail of up to 10 MB. Please send a shorter message or use the portal."
        }
        (Refusal::TooLarge, Language::Da) => {
            "Beskeden er for stor: servicedesken tager imod mails op til 10 MB. Send en kortere besked eller brug portalen."
        }
        (Refusal::TooMany, Language::En) => "Too many messages from this address; please wait an hour and send again.",
        (Refusal::TooMany, Language::Da) => "For mange beskeder fra denne adresse; vent en time og send igen.",
        (Refusal::TryLater, Language::En) => {
            "The service desk could not take the message just now; please send it again later."
        }
        (Refusal::TryLater, Language::Da) => {
            "Servicedesken kunne ikke tage imod beskeden lige nu; send den igen senere."
        }
    }
}

/// The desk's own mail address (`DESK_ADDRESS`): where customers write, the sender of
/// what the desk mails, and the domain of its Message-IDs.
pub fn desk_address(env: &Env) -> String {
    env.var("DESK_ADDRESS")
        .map(|value| value.to_string().trim().to_string())
        .ok()
        .filter(|value| value.contains('@'))
        .unwrap_or_else(|| "support@edgedesk.localhost".to_string())
}

/// The language of what goes to the whole desk (the team chat): `DESK_LANGUAGE`, else English.
pub fn desk_language(env: &Env) -> Language {
    env.var("DESK_LANGUAGE").ok().and_then(|value| Language::parse(&value.to_string())).unwrap_or_default()
}

/// Where a call takes place: the number for a phone call, the link for a video call.
fn place(call: &NewCall) -> &str {
    call.phone.as_deref().or(call.link.as_deref()).unwrap_or_default()
}
