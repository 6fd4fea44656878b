//! SLA policies: which targets a ticket gets, chosen by priority and optionally narrowed
//! by category or organisation, measured in one of the desk's calendars.

use serde::{Deserialize, Serialize};

use super::calendar::{Calendar, OpeningHours, Schedule};
use crate::error::{ApiError, ErrorCode};
use crate::priority::Priority;

/// The longest target a policy may set: a year.
pub const MAX_TARGET_MINUTES: u32 = 366 * 24 * 60;
/// Untriaged tickets are measured against this priority's policy until someone sets one.
pub const UNSET_PRIORITY: Priority = Priority::P3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaPolicy {
    pub id: String,
    pub name: String,
    pub priority: Priority,
    #[serde(default)]
    pub category_id: Option<i64>,
    #[serde(default)]
    pub organisation_id: Option<i64>,
    pub first_response_minutes: u32,
    /// How long a ticket may go without a public update once answered; `None` = no target.
    #[serde(default)]
    pub next_update_minutes: Option<u32>,
    pub resolution_minutes: u32,
    /// The id of the calendar the targets are measured in.
    pub calendar: String,
}

/// What a breach does besides being recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachActions {
    /// Move the ticket to the next tier's queue (L1 → L2 → L3).
    pub escalate: bool,
    pub notify_assignee: bool,
    pub notify_supervisors: bool,
    /// Raise the priority one step (P4 → P3 …).
    pub raise_priority: bool,
}

/// Everything admins configure about SLAs, saved as one versioned document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaSettings {
    pub calendars: Vec<Calendar>,
    pub policies: Vec<SlaPolicy>,
    /// Warning steps in percent of each target, ascending.
    pub warnings: Vec<u32>,
    pub on_breach: BreachActions,
}

/// The settings as the API serves them: with their version and the zones admins may pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSlaSettings {
    #[serde(flatten)]
    pub settings: SlaSettings,
    pub version: i64,
    #[serde(default)]
    pub zones: Vec<String>,
}

/// A policy with its calendar, ready for the clock.
#[derive(Debug, Clone)]
pub struct Chosen<'a> {
    pub policy: &'a SlaPolicy,
    pub schedule: Schedule,
    pub warnings: &'a [u32],
}

fn invalid(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidValue, message).with_field(field)
}

fn default_policy(priority: Priority, response_hours: f32, resolution_hours: u32) -> SlaPolicy {
    SlaPolicy {
        id: priority.as_str().to_lowercase(),
        name: priority.as_str().to_string(),
        priority,
        category_id: None,
        organisation_id: None,
        first_response_minutes: (response_hours * 60.0) as u32,
        next_update_minutes: None,
        resolution_minutes: resolution_hours * 60,
        calendar: "always".into(),
    }
}

impl Default for SlaSettings {
    /// The source document's promise: a first response within 1–3 hours by priority and
    /// resolution within 24 hours on average (4/8/24/40 h: 23.6 h for a 10/20/40/30 % mix).
    /// The default names are symbols, not words: admins rename them in their own language.
    fn default() -> SlaSettings {
        let office_hours =
            |day: &str| OpeningHours { day: day.into(), opens: "08:00".into(), closes: "16:00".into() };
        SlaSettings {
            calendars: vec![
                Calendar {
                    id: "always".into(),
                    name: "24/7".into(),
                    zone: "Europe/Copenhagen".into(),
                    hours: None,
                    holidays: Vec::new(),
                },
                Calendar {
                    id: "office".into(),
                    name: "08–16".into(),
                    zone: "Europe/Copenhagen".into(),
                    hours: Some(["mon", "tue", "wed", "thu", "fri"].into_iter().map(office_hours).collect()),
                    holidays: Vec::new(),
                },
            ],
            policies: vec![
                default_policy(Priority::P1, 1.0, 4),
                default_policy(Priority::P2, 1.5, 8),
                default_policy(Priority::P3, 2.0, 24),
                default_policy(Priority::P4, 3.0, 40),
            ],
            warnings: vec![50, 75, 90],
            on_breach: BreachActions {
                escalate: true,
                notify_assignee: true,
                notify_supervisors: true,
                raise_priority: false,
            },
        }
    }
}

impl SlaSettings {
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut ids: Vec<&str> = Vec::new();
        for (index, calendar) in self.calendars.iter().enumerate() {
            let at = format!("calendars[{index}]");
            if calendar.id.trim().is_empty() || ids.contains(&calendar.id.as_str()) {
                return Err(invalid(&format!("{at}.id"), "Each calendar needs its own id"));
            }
            if calendar.name.trim().is_empty() {
                return Err(invalid(&format!("{at}.name"), "Calendar needs a name"));
            }
            ids.push(&calendar.id);
            calendar.schedule(&at)?;
        }
        let mut policy_ids: Vec<&str> = Vec::new();
        for (index, policy) in self.policies.iter().enumerate() {
            let at = format!("policies[{index}]");
            if policy.id.trim().is_empty() || policy_ids.contains(&policy.id.as_str()) {
                return Err(invalid(&format!("{at}.id"), "Each policy needs its own id"));
            }
            policy_ids.push(&policy.id);
            if policy.name.trim().is_empty() {
                return Err(invalid(&format!("{at}.name"), "Policy needs a name"));
            }
            if !ids.contains(&policy.calendar.as_str()) {
                return Err(invalid(
                    &format!("{at}.calendar"),
                    format!("No calendar \"{}\"", policy.calendar),
                ));
            }
            let targets = [
                ("first_response_minutes", Some(policy.first_response_minutes)),
                ("next_update_minutes", policy.next_update_minutes),
                ("resolution_minutes", Some(policy.resolution_minutes)),
            ];
            for (name, minutes) in targets {
                if minutes.is_some_and(|minutes| minutes == 0 || minutes > MAX_TARGET_MINUTES) {
                    return Err(invalid(&format!("{at}.{name}"), "Targets are between 1 minute and a year"));
                }
            }
            if policy.first_response_minutes > policy.resolution_minutes {
                return Err(invalid(
                    &format!("{at}.first_response_minutes"),
                    "The response target cannot be longer than the resolution target",
                ));
            }
        }
        for priority in Priority::ALL {
            let general = self
                .policies
                .iter()
                .any(|p| p.priority == priority && p.category_id.is_none() && p.organisation_id.is_none());
            if !general {
                return Err(invalid(
                    "policies",
                    format!("{} needs a policy for every category and organisation", priority.as_str()),
                ));
            }
        }
        let ascending = self.warnings.windows(2).all(|pair| pair[0] < pair[1]);
        if self.warnings.len() > 5 || !ascending || self.warnings.iter().any(|p| !(1..=99).contains(p)) {
            return Err(invalid("warnings", "Up to five warning steps, ascending, between 1 and 99 %"));
        }
        Ok(())
    }

    /// The most specific policy for a ticket: organisation and category beat organisation,
    /// which beats category, which beats the priority's general policy.
    pub fn choose(
        &self,
        priority: Option<Priority>,
        category_id: Option<i64>,
        organisation_id: Option<i64>,
    ) -> Option<Chosen<'_>> {
        let priority = priority.unwrap_or(UNSET_PRIORITY);
        let fits = |wanted: Option<i64>, actual: Option<i64>| wanted.is_none() || wanted == actual;
        let policy = self
            .policies
            .iter()
            .filter(|p| {
                p.priority == priority
                    && fits(p.category_id, category_id)
                    && fits(p.organisation_id, organisation_id)
            })
            .max_by_key(|p| {
                (p.organisation_id.is_some(), p.category_id.is_some(), std::cmp::Reverse(p.id.clone()))
            })?;
        let calendar = self.calendars.iter().find(|calendar| calendar.id == policy.calendar)?;
        let schedule = calendar.schedule("calendar").ok()?;
        Some(Chosen { policy, schedule, warnings: &self.warnings })
    }
}
