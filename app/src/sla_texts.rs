//! The words of service levels: badges, the ticket's SLA panel, the customer's promise and
//! the admin settings, in the same two languages as [`crate::i18n`].

use edgedesk_domain::sla::calendar::Hours;
use edgedesk_domain::sla::{ClockState, PauseReason, Target};

use crate::i18n::{I18n, Lang};

pub struct SlaTexts {
    pub column: &'static str,
    pub target_first_response: &'static str,
    pub target_next_update: &'static str,
    pub target_resolution: &'static str,
    pub left: &'static str,
    pub overdue: &'static str,
    pub paused: &'static str,
    pub running: &'static str,
    pub met: &'static str,
    pub missed: &'static str,
    pub panel_heading: &'static str,
    pub policy: &'static str,
    pub due: &'static str,
    pub used: &'static str,
    pub pauses: &'static str,
    pub waiting_on_customer: &'static str,
    pub waiting_on_third_party: &'static str,
    pub resolved_until_reopened: &'static str,
    pub until_now: &'static str,
    pub steps: &'static str,
    pub step_used: &'static str,
    pub step_breached: &'static str,
    pub no_steps: &'static str,
    pub promise_heading: &'static str,
    pub promise_respond: &'static str,
    pub promise_resolve: &'static str,
    pub promise_late: &'static str,
    pub promise_paused: &'static str,
    pub settings_title: &'static str,
    pub settings_intro: &'static str,
    pub warnings_label: &'static str,
    pub warnings_hint: &'static str,
    pub breach_heading: &'static str,
    pub breach_escalate: &'static str,
    pub breach_notify_assignee: &'static str,
    pub breach_notify_supervisors: &'static str,
    pub breach_raise_priority: &'static str,
    pub policies_heading: &'static str,
    pub col_name: &'static str,
    pub col_priority: &'static str,
    pub col_category: &'static str,
    pub col_organisation: &'static str,
    pub col_response: &'static str,
    pub col_update: &'static str,
    pub col_resolution: &'static str,
    pub col_calendar: &'static str,
    pub any: &'static str,
    pub minutes_hint: &'static str,
    pub add_policy: &'static str,
    pub remove: &'static str,
    pub calendars_heading: &'static str,
    pub calendar_name: &'static str,
    pub zone: &'static str,
    pub around_the_clock: &'static str,
    pub hours_heading: &'static str,
    pub day: &'static str,
    pub opens: &'static str,
    pub closes: &'static str,
    pub add_hours: &'static str,
    pub holidays_heading: &'static str,
    pub holiday_date: &'static str,
    pub holiday_name: &'static str,
    pub closed_from: &'static str,
    pub closed_until: &'static str,
    pub add_holiday: &'static str,
    pub add_calendar: &'static str,
    pub remove_calendar: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub conflict: &'static str,
    pub runs_heading: &'static str,
    pub run_scheduled: &'static str,
    pub run_examined: &'static str,
    pub run_warnings: &'static str,
    pub run_breaches: &'static str,
    pub run_conflicts: &'static str,
    pub run_error: &'static str,
    pub run_ok: &'static str,
    pub no_runs: &'static str,
    pub weekdays: [&'static str; 7],
    pub weekdays_short: [&'static str; 7],
    pub hour_unit: &'static str,
    pub minute_unit: &'static str,
    pub target_length: &'static str,
    pub business_hours: &'static str,
    pub all_hours: &'static str,
}

impl SlaTexts {
    pub fn target(&self, target: Target) -> &'static str {
        match target {
            Target::FirstResponse => self.target_first_response,
            Target::NextUpdate => self.target_next_update,
            Target::Resolution => self.target_resolution,
        }
    }

    pub fn pause(&self, reason: PauseReason) -> &'static str {
        match reason {
            PauseReason::WaitingOnCustomer => self.waiting_on_customer,
            PauseReason::WaitingOnThirdParty => self.waiting_on_third_party,
            PauseReason::Resolved => self.resolved_until_reopened,
        }
    }

    /// "45 min", "2 h", "2 h 10 min" (Danish "2 t 10 min").
    pub fn duration(&self, seconds: i64) -> String {
        let minutes = seconds.max(0) / 60;
        let (hour, minute) = (self.hour_unit, self.minute_unit);
        match (minutes / 60, minutes % 60) {
            (0, minutes) => format!("{minutes} {minute}"),
            (hours, 0) => format!("{hours} {hour}"),
            (hours, minutes) => format!("{hours} {hour} {minutes} {minute}"),
        }
    }

    /// "around the clock (Europe/Copenhagen)" or "business hours Mon–Fri 08:00–16:00 (…)".
    pub fn hours(&self, hours: &Hours) -> String {
        if hours.days.is_empty() {
            return format!("{} ({})", self.all_hours, hours.zone);
        }
        let clock = |minutes: u32| format!("{:02}:{:02}", minutes / 60, minutes % 60);
        let days: Vec<String> = hours
            .days
            .iter()
            .map(|run| {
                let day =
                    |index: u8| self.weekdays_short.get(usize::from(index)).copied().unwrap_or_default();
                let days = if run.first == run.last {
                    day(run.first).to_string()
                } else {
                    format!("{}–{}", day(run.first), day(run.last))
                };
                let spans: Vec<String> =
                    run.spans.iter().map(|(from, to)| format!("{}–{}", clock(*from), clock(*to))).collect();
                format!("{days} {}", spans.join(", "))
            })
            .collect();
        format!("{} {} ({})", self.business_hours, days.join("; "), hours.zone)
    }

    pub fn state(&self, state: ClockState, breached: bool) -> &'static str {
        match (state, breached) {
            (ClockState::Running, false) => self.running,
            (ClockState::Running, true) => self.overdue,
            (ClockState::Paused, _) => self.paused,
            (ClockState::Stopped, false) => self.met,
            (ClockState::Stopped, true) => self.missed,
        }
    }
}

impl I18n {
    /// The service-level texts of the current language (reactive).
    pub fn s(&self) -> &'static SlaTexts {
        match self.lang() {
            Lang::En => &EN,
            Lang::Da => &DA,
        }
    }
}

pub static EN: SlaTexts = SlaTexts {
    column: "SLA",
    target_first_response: "Response",
    target_next_update: "Next update",
    target_resolution: "Resolution",
    left: "left",
    overdue: "Overdue",
    paused: "Paused",
    running: "Running",
    met: "Met",
    missed: "Missed",
    panel_heading: "Service level",
    policy: "Policy",
    due: "Due",
    used: "used",
    pauses: "Pauses",
    waiting_on_customer: "waiting on the customer",
    waiting_on_third_party: "waiting on a third party",
    resolved_until_reopened: "resolved until reopened",
    until_now: "until now",
    steps: "Warnings and breaches",
    step_used: "used",
    step_breached: "Target breached",
    no_steps: "None yet",
    promise_heading: "What we promise",
    promise_respond: "We will respond by",
    promise_resolve: "Expected resolution by",
    promise_late: "Our answer is overdue; the ticket has been flagged to the team.",
    promise_paused: "Paused: waiting for your reply",
    settings_title: "SLA settings",
    settings_intro: "Targets by priority (optionally for one category or organisation), measured in a calendar. The most specific policy applies; every priority needs a general one.",
    warnings_label: "Warning steps",
    warnings_hint: "Percent of each target, ascending, comma-separated (e.g. 50, 75, 90)",
    breach_heading: "On breach",
    breach_escalate: "Escalate to the next tier",
    breach_notify_assignee: "Notify the assignee",
    breach_notify_supervisors: "Notify the supervisors",
    breach_raise_priority: "Raise the priority one step",
    policies_heading: "Policies",
    col_name: "Name",
    col_priority: "Priority",
    col_category: "Category",
    col_organisation: "Organisation",
    col_response: "First response (min)",
    col_update: "Next update (min, optional)",
    col_resolution: "Resolution (min)",
    col_calendar: "Calendar",
    any: "Any",
    minutes_hint: "none",
    add_policy: "Add policy",
    remove: "Remove",
    calendars_heading: "Calendars",
    calendar_name: "Calendar name",
    zone: "Time zone",
    around_the_clock: "Open around the clock",
    hours_heading: "Opening hours",
    day: "Day",
    opens: "Opens",
    closes: "Closes",
    add_hours: "Add opening hours",
    holidays_heading: "Holidays",
    holiday_date: "Date",
    holiday_name: "Holiday",
    closed_from: "Closed from",
    closed_until: "Closed until",
    add_holiday: "Add holiday",
    add_calendar: "Add calendar",
    remove_calendar: "Remove calendar",
    save: "Save SLA settings",
    saved: "Saved. Deadlines follow the new settings at once.",
    conflict: "Someone else changed the SLA settings meanwhile; this is what is stored now.",
    runs_heading: "Recent sweeps",
    run_scheduled: "Scheduled for",
    run_examined: "Tickets due",
    run_warnings: "Warnings",
    run_breaches: "Breaches",
    run_conflicts: "Retried later",
    run_error: "Error",
    run_ok: "OK",
    no_runs: "No sweep has run yet.",
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    weekdays_short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    hour_unit: "h",
    minute_unit: "min",
    target_length: "Target",
    business_hours: "business hours",
    all_hours: "around the clock",
};

pub static DA: SlaTexts = SlaTexts {
    column: "SLA",
    target_first_response: "Svar",
    target_next_update: "Næste opdatering",
    target_resolution: "Løsning",
    left: "tilbage",
    overdue: "Overskredet",
    paused: "Sat på pause",
    running: "Kører",
    met: "Overholdt",
    missed: "Overskredet",
    panel_heading: "Serviceniveau",
    policy: "Politik",
    due: "Frist",
    used: "brugt",
    pauses: "Pauser",
    waiting_on_customer: "venter på kunden",
    waiting_on_third_party: "venter på tredjepart",
    resolved_until_reopened: "løst indtil genåbnet",
    until_now: "indtil nu",
    steps: "Advarsler og brud",
    step_used: "brugt",
    step_breached: "Frist overskredet",
    no_steps: "Ingen endnu",
    promise_heading: "Det lover vi",
    promise_respond: "Vi svarer senest",
    promise_resolve: "Forventet løst senest",
    promise_late: "Vores svar er forsinket; sagen er markeret for teamet.",
    promise_paused: "Sat på pause: venter på dit svar",
    settings_title: "SLA-indstillinger",
    settings_intro: "Frister efter prioritet (evt. for én kategori eller organisation), målt i en kalender. Den mest specifikke politik gælder; hver prioritet skal have en generel.",
    warnings_label: "Advarselstrin",
    warnings_hint: "Procent af hver frist, stigende, kommasepareret (fx 50, 75, 90)",
    breach_heading: "Ved brud",
    breach_escalate: "Eskalér til næste niveau",
    breach_notify_assignee: "Giv den ansvarlige besked",
    breach_notify_supervisors: "Giv supervisorerne besked",
    breach_raise_priority: "Hæv prioriteten ét trin",
    policies_heading: "Politikker",
    col_name: "Navn",
    col_priority: "Prioritet",
    col_category: "Kategori",
    col_organisation: "Organisation",
    col_response: "Første svar (min)",
    col_update: "Næste opdatering (min, valgfri)",
    col_resolution: "Løsning (min)",
    col_calendar: "Kalender",
    any: "Alle",
    minutes_hint: "ingen",
    add_policy: "Tilføj politik",
    remove: "Fjern",
    calendars_heading: "Kalendere",
    calendar_name: "Kalendernavn",
    zone: "Tidszone",
    around_the_clock: "Åben døgnet rundt",
    hours_heading: "Åbningstider",
    day: "Dag",
    opens: "Åbner",
    closes: "Lukker",
    add_hours: "Tilføj åbningstid",
    holidays_heading: "Helligdage",
    holiday_date: "Dato",
    holiday_name: "Helligdag",
    closed_from: "Lukket fra",
    closed_until: "Lukket til",
    add_holiday: "Tilføj helligdag",
    add_calendar: "Tilføj kalender",
    remove_calendar: "Fjern kalender",
    save: "Gem SLA-indstillinger",
    saved: "Gemt. Fristerne følger de nye indstillinger med det samme.",
    conflict: "En anden har ændret SLA-indstillingerne imens; her er det, der er gemt nu.",
    runs_heading: "Seneste kørsler",
    run_scheduled: "Planlagt til",
    run_examined: "Sager med frist",
    run_warnings: "Advarsler",
    run_breaches: "Brud",
    run_conflicts: "Prøves igen",
    run_error: "Fejl",
    run_ok: "OK",
    no_runs: "Ingen kørsler endnu.",
    weekdays: ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"],
    weekdays_short: ["man", "tir", "ons", "tor", "fre", "lør", "søn"],
    hour_unit: "t",
    minute_unit: "min",
    target_length: "Mål",
    business_hours: "åbningstid",
    all_hours: "døgnet rundt",
};
