use edgedesk_domain::call::{CallChannel, NewCall};
use edgedesk_domain::message::Message;
use edgedesk_domain::outbox::NUMBER;
use edgedesk_domain::sla::Target;

use super::{place, Words};

pub struct English;

impl Words for English {
    fn message(&self, message: &Message) -> (String, String) {
        let n = NUMBER;
        let (headline, body) = match message {
            Message::Received { name, status_url } => (
                "We received your report",
                format!(
                    "Thank you, {name}. Your ticket is {n}. Follow it and reply at {status_url}\n\n\
                     Keep this link to yourself: anyone with it can read the ticket's public history."
                ),
            ),
            Message::AssignedToYou { by } => ("Assigned to you", format!("{by} assigned {n} to you.")),
            Message::Escalated { by, tier, reason } => (
                "Escalated to your queue",
                format!("{by} moved {n} to {}: {reason}", tier.as_str().to_uppercase()),
            ),
            Message::SupervisorWanted { by, reason } => {
                ("Needs a supervisor", format!("{by} asks for a supervisor on {n}: {reason}"))
            }
            Message::WaitingForYou => {
                ("We need your reply", format!("We are waiting for information from you on {n}."))
            }
            Message::AgentReplied { body } => ("New reply", body.clone()),
            Message::WiderIncidentUpdate { body } => ("Update on a wider incident", body.clone()),
            Message::CustomerReplied { by, body } => {
                ("The customer replied", format!("{by} wrote on {n}:\n\n{body}"))
            }
            Message::CallScheduled { by, call } => {
                ("Call scheduled", format!("{by} scheduled a call with you: {}", self.call(call)))
            }
            Message::CallReminder { call } => ("Reminder: call in 30 minutes", self.call(call)),
            Message::Resolved { notes, reopen_days } => (
                "Resolved",
                format!(
                    "{notes}\n\nDoes it work again? Confirm or reopen within {reopen_days} days; after that \
                     the ticket closes. You can also rate our help."
                ),
            ),
            Message::WiderIncidentResolved { notes } => ("Resolved", notes.clone()),
            Message::PasswordReset { link, valid_minutes } => (
                "Choose a new password",
                format!(
                    "Someone, hopefully you, asked to choose a new password for your Edgedesk account. \
                     Open this link within {valid_minutes} minutes to do so:\n\n{link}\n\nIf it was not \
                     you, ignore this message; your password stays as it is."
                ),
            ),
            Message::ConfirmSignUp { link, valid_hours } => (
                "Confirm your address",
                format!(
                    "Someone, hopefully you, asked for an Edgedesk account with this address. Open this \
                     link within {valid_hours} hours to create it:\n\n{link}\n\nIf it was not you, ignore \
                     this message; no account is created."
                ),
            ),
            Message::AlreadyRegistered { sign_in, reset } => (
                "You already have an account",
                format!(
                    "Someone, hopefully you, asked for a new Edgedesk account with this address, but it has \
                     one already. Sign in here:\n\n{sign_in}\n\nForgot your password? Choose a new one \
                     here:\n\n{reset}\n\nIf it was not you, ignore this message; nothing has changed."
                ),
            ),
            Message::BreachClock { case, hours, deadline, link } => {
                let deadline = deadline.format("%Y-%m-%d %H:%M UTC");
                let headline = if *hours >= 72 { "Breach case overdue" } else { "Breach case clock" };
                let left = 72 - hours;
                let body = if *hours >= 72 {
                    format!(
                        "{hours} hours have passed since the desk became aware of data-breach case {case}, and \
                         the supervisory authority has not been notified, nor has anyone recorded a decision \
                         not to notify. The deadline was {deadline}. A late notification must give the reasons \
                         for the delay.\n\n{link}"
                    )
                } else {
                    format!(
                        "{hours} hours have passed since the desk became aware of data-breach case {case}: \
                         {left} hours are left to notify the supervisory authority (by {deadline}) or to record \
                         why not.\n\n{link}"
                    )
                };
                (headline, body)
            }
            Message::ServiceDisruption { service } => (
                "Known disruption",
                format!(
                    "We have detected a problem with {service} and are working on it. You do not need to \
                     report it. If you have an open ticket about it, we will update you there."
                ),
            ),
            Message::Reopened { by, reason } => ("Reopened", format!("{by} reopened {n}: {reason}")),
            Message::MajorDeclared { by } => {
                ("Major incident declared", format!("{by} declared {n} a major incident."))
            }
            Message::CriticalWaiting => {
                ("P1 incident", format!("{n} is a P1 incident and waits in the L3 queue."))
            }
            Message::CriticalInYourQueue => {
                ("P1 incident in your queue", format!("{n} is a P1 incident. Take it now."))
            }
            Message::SlaWarning { target, percent } => {
                ("SLA warning", format!("{n}: {percent} % of the {} target used.", self.target(*target)))
            }
            Message::SlaBreached { targets } => {
                ("SLA breached", format!("{n}: the {} target was breached.", self.targets(targets)))
            }
            Message::EscalatedAfterBreach { tier, targets } => (
                "Escalated to your queue after an SLA breach",
                format!(
                    "{n} moved to {}: the {} target was breached.",
                    tier.as_str().to_uppercase(),
                    self.targets(targets)
                ),
            ),
            Message::CriticalBreached { targets } => {
                ("P1 SLA breach", format!("{n}: the {} target was breached.", self.targets(targets)))
            }
        };
        (headline.to_string(), body)
    }

    fn target(&self, target: Target) -> &'static str {
        match target {
            Target::FirstResponse => "response",
            Target::NextUpdate => "next update",
            Target::Resolution => "resolution",
        }
    }

    fn and(&self) -> &'static str {
        "and"
    }

    fn call(&self, call: &NewCall) -> String {
        let kind = match call.channel {
            CallChannel::Phone => "Phone call",
            CallChannel::Video => "Video call",
        };
        let at = call.starts_at.format("%Y-%m-%d %H:%M UTC");
        format!("{kind} on {at} ({} min) at {}", call.minutes, place(call))
    }
}
