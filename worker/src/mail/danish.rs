use edgedesk_domain::call::{CallChannel, NewCall};
use edgedesk_domain::message::Message;
use edgedesk_domain::outbox::NUMBER;
use edgedesk_domain::sla::Target;

use super::{place, Words};

pub struct Danish;

impl Words for Danish {
    fn message(&self, message: &Message) -> (String, String) {
        let n = NUMBER;
        let (headline, body) = match message {
            Message::Received { name, status_url } => (
                "Vi har modtaget din henvendelse",
                format!(
                    "Tak, {name}. Din sag har nummer {n}. Følg den og svar på {status_url}\n\n\
                     Hold linket for dig selv: alle med linket kan læse sagens offentlige historik."
                ),
            ),
            Message::AssignedToYou { by } => ("Tildelt dig", format!("{by} har tildelt dig {n}.")),
            Message::Escalated { by, tier, reason } => (
                "Eskaleret til din kø",
                format!("{by} har flyttet {n} til {}: {reason}", tier.as_str().to_uppercase()),
            ),
            Message::SupervisorWanted { by, reason } => {
                ("Har brug for en supervisor", format!("{by} beder om en supervisor på {n}: {reason}"))
            }
            Message::WaitingForYou => {
                ("Vi mangler dit svar", format!("Vi venter på oplysninger fra dig om {n}."))
            }
            Message::AgentReplied { body } => ("Nyt svar", body.clone()),
            Message::WiderIncidentUpdate { body } => ("Opdatering om en større hændelse", body.clone()),
            Message::CustomerReplied { by, body } => {
                ("Kunden har svaret", format!("{by} skrev på {n}:\n\n{body}"))
            }
            Message::CallScheduled { by, call } => {
                ("Opkald aftalt", format!("{by} har aftalt et opkald med dig: {}", self.call(call)))
            }
            Message::CallReminder { call } => ("Påmindelse: opkald om 30 minutter", self.call(call)),
            Message::Resolved { notes, reopen_days } => (
                "Løst",
                format!(
                    "{notes}\n\nVirker det igen? Bekræft eller genåbn inden for {reopen_days} dage; derefter \
                     lukkes sagen. Du kan også bedømme vores hjælp."
                ),
            ),
            Message::WiderIncidentResolved { notes } => ("Løst", notes.clone()),
            Message::PasswordReset { link, valid_minutes } => (
                "Vælg en ny adgangskode",
                format!(
                    "Nogen, forhåbentlig dig, har bedt om at vælge en ny adgangskode til din Edgedesk-konto. \
                     Åbn dette link inden for {valid_minutes} minutter for at gøre det:\n\n{link}\n\nVar det \
                     ikke dig, så se bort fra denne besked; din adgangskode forbliver den samme."
                ),
            ),
            Message::ConfirmSignUp { link, valid_hours } => (
                "Bekræft din adresse",
                format!(
                    "Nogen, forhåbentlig dig, har bedt om en Edgedesk-konto med denne adresse. Åbn dette \
                     link inden for {valid_hours} timer for at oprette den:\n\n{link}\n\nVar det ikke dig, \
                     så se bort fra denne besked; der oprettes ingen konto."
                ),
            ),
            Message::AlreadyRegistered { sign_in, reset } => (
                "Du har allerede en konto",
                format!(
                    "Nogen, forhåbentlig dig, har bedt om en ny Edgedesk-konto med denne adresse, men den har \
                     allerede en. Log ind her:\n\n{sign_in}\n\nHar du glemt din adgangskode? Vælg en ny \
                     her:\n\n{reset}\n\nVar det ikke dig, så se bort fra denne besked; intet er ændret."
                ),
            ),
            Message::BreachClock { case, hours, deadline, link } => {
                let deadline = deadline.format("%d-%m-%Y kl. %H:%M UTC");
                let headline = if *hours >= 72 { "Brudsag over fristen" } else { "Brudsagens frist" };
                let left = 72 - hours;
                let body = if *hours >= 72 {
                    format!(
                        "Der er gået {hours} timer, siden desken blev bekendt med brud på persondatasikkerheden \
                         {case}, og tilsynsmyndigheden er ikke underrettet, og ingen har registreret en beslutning \
                         om ikke at anmelde. Fristen var {deadline}. En sen anmeldelse skal begrunde \
                         forsinkelsen.\n\n{link}"
                    )
                } else {
                    format!(
                        "Der er gået {hours} timer, siden desken blev bekendt med brud på persondatasikkerheden \
                         {case}: der er {left} timer tilbage til at anmelde bruddet til tilsynsmyndigheden \
                         (senest {deadline}) eller registrere hvorfor ikke.\n\n{link}"
                    )
                };
                (headline, body)
            }
            Message::ServiceDisruption { service } => (
                "Kendt driftsforstyrrelse",
                format!(
                    "Vi har opdaget et problem med {service} og arbejder på at løse det. Du behøver ikke at \
                     melde det. Har du en åben sag om det, giver vi dig besked dér."
                ),
            ),
            Message::Reopened { by, reason } => ("Genåbnet", format!("{by} har genåbnet {n}: {reason}")),
            Message::MajorDeclared { by } => {
                ("Større hændelse erklæret", format!("{by} har erklæret {n} for en større hændelse."))
            }
            Message::CriticalWaiting => {
                ("P1-hændelse", format!("{n} er en P1-hændelse og venter i L3-køen."))
            }
            Message::CriticalInYourQueue => {
                ("P1-hændelse i din kø", format!("{n} er en P1-hændelse. Tag den nu."))
            }
            Message::SlaWarning { target, percent } => {
                ("SLA-advarsel", format!("{n}: {percent} % af målet for {} er brugt.", self.target(*target)))
            }
            Message::SlaBreached { targets } => {
                ("SLA overskredet", format!("{n}: målet for {} er overskredet.", self.targets(targets)))
            }
            Message::EscalatedAfterBreach { tier, targets } => (
                "Eskaleret til din kø efter et SLA-brud",
                format!(
                    "{n} er flyttet til {}: målet for {} blev overskredet.",
                    tier.as_str().to_uppercase(),
                    self.targets(targets)
                ),
            ),
            Message::CriticalBreached { targets } => {
                ("P1-SLA-brud", format!("{n}: målet for {} er overskredet.", self.targets(targets)))
            }
        };
        (headline.to_string(), body)
    }

    fn target(&self, target: Target) -> &'static str {
        match target {
            Target::FirstResponse => "første svar",
            Target::NextUpdate => "næste opdatering",
            Target::Resolution => "løsning",
        }
    }

    fn and(&self) -> &'static str {
        "og"
    }

    fn call(&self, call: &NewCall) -> String {
        let kind = match call.channel {
            CallChannel::Phone => "Telefonopkald",
            CallChannel::Video => "Videomøde",
        };
        let at = call.starts_at.format("%d-%m-%Y kl. %H:%M UTC");
        format!("{kind} den {at} ({} min.) på {}", call.minutes, place(call))
    }
}
