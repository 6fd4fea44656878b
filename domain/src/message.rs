//! What a notification says, as codes and values. The Worker words each message in its
//! recipient's language when it queues the mail, so no sentence is fixed here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::Tier;
use crate::call::NewCall;
use crate::sla::Target;

/// The languages the desk speaks to people in (the SPA and outgoing mail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    En,
    Da,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Da];

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Da => "da",
        }
    }

    /// "da", "da-DK", "en-GB" … by their primary subtag.
    pub fn parse(code: &str) -> Option<Language> {
        let primary = code.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Language::ALL.into_iter().find(|language| language.code() == primary)
    }
}

/// One notification's content; the notice carrying it names the ticket and its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Message {
    /// To the reporter of a new ticket, with the link that follows it.
    Received {
        name: String,
        status_url: String,
    },
    AssignedToYou {
        by: String,
    },
    Escalated {
        by: String,
        tier: Tier,
        reason: String,
    },
    SupervisorWanted {
        by: String,
        reason: String,
    },
    /// The desk set the ticket to wait for the customer.
    WaitingForYou,
    AgentReplied {
        body: String,
    },
    /// A public update on a major incident, to the reporters of its linked tickets.
    WiderIncidentUpdate {
        body: String,
    },
    CustomerReplied {
        by: String,
        body: String,
    },
    CallScheduled {
        by: String,
        call: NewCall,
    },
    CallReminder {
        call: NewCall,
    },
    Resolved {
        notes: String,
        reopen_days: i64,
    },
    WiderIncidentResolved {
        notes: String,
    },
    Reopened {
        by: String,
        reason: String,
    },
    MajorDeclared {
        by: String,
    },
    /// A P1 incident now waits in L3 (to supervisors).
    CriticalWaiting,
    /// A P1 incident now waits in L3 (to L3).
    CriticalInYourQueue,
    SlaWarning {
        target: Target,
        percent: u32,
    },
    SlaBreached {
        targets: Vec<Target>,
    },
    EscalatedAfterBreach {
        tier: Tier,
        targets: Vec<Target>,
    },
    CriticalBreached {
        targets: Vec<Target>,
    },
    /// A link to choose a new password, valid for `valid_minutes`; the account's holder asked.
    PasswordReset {
        link: String,
        valid_minutes: i64,
    },
    /// A link that creates the account asked for at sign-up, valid for `valid_hours`.
    ConfirmSignUp {
        link: String,
        valid_hours: i64,
    },
    /// Someone asked for an account with an address that has one: how to get back in.
    AlreadyRegistered {
        sign_in: String,
        reset: String,
    },
    /// Monitoring found a problem with a service the recipient reported on recently: they
    /// hear of it before they notice. Names the service only, never the alert's text.
    ServiceDisruption {
        service: String,
    },
    /// A data-breach case's 72-hour clock reached `hours` without a notification to the
    /// authority or a decision not to notify (to privacy leads and supervisors). Names the
    /// case only: its facts are need-to-know.
    BreachClock {
        case: String,
        hours: i64,
        deadline: DateTime<Utc>,
        link: String,
    },
}
