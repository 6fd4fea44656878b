//! Data-breach cases (GDPR Articles 33 and 34): the 72-hour clock from awareness, the
//! assessment of Article 33(3), the decisions (notify the authority? tell the people
//! affected?) and the notifications, and the register entry every change appends
//! (Article 33(5)). Pure: the Worker brings the case, the actor and the clock.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode, FieldError};
use crate::message::Language;
use crate::paging::query_pairs;
use crate::validation::TextRule;

/// Article 33(1): the authority within 72 hours of becoming aware — calendar hours, never
/// business hours.
pub const NOTIFY_WITHIN_HOURS: i64 = 72;
/// The sweep's steps, in hours from awareness: warnings at 24, 48 and 66, escalation at 72.
pub const STEPS: [i64; 4] = [24, 48, 66, NOTIFY_WITHIN_HOURS];

const TITLE: TextRule = TextRule { field: "title", label: "Title", max_chars: 150, multiline: false };
const REPORTED_BY: TextRule =
    TextRule { field: "reported_by", label: "Reported by", max_chars: 200, multiline: false };
const REASON: TextRule = TextRule { field: "reason", label: "Reason", max_chars: 2000, multiline: true };
const REFERENCE: TextRule =
    TextRule { field: "reference", label: "Reference", max_chars: 100, multiline: false };
const TEXT: TextRule = TextRule { field: "text", label: "Text", max_chars: 10_000, multiline: true };
const DELAY_REASON: TextRule =
    TextRule { field: "delay_reason", label: "Reasons for the delay", max_chars: 4000, multiline: true };
/// Each free-text field of the assessment.
const ASSESSMENT_CHARS: usize = 4000;

/// How the desk heard of the breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportedVia {
    Incident,
    Monitoring,
    Staff,
    Customer,
    Processor,
    Other,
}

/// The risk to people's rights and freedoms: none (register only), a risk (notify the
/// authority), a high risk (tell the people too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    None,
    Risk,
    High,
}

/// The facts of Article 33(3), as the desk knows them now (they may follow in phases).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// (a) the nature of the breach.
    pub nature: String,
    pub data_categories: String,
    pub subject_categories: String,
    pub approx_subjects: Option<i64>,
    pub approx_records: Option<i64>,
    /// (b) the contact point for more information.
    pub contact_point: String,
    /// (c) the likely consequences.
    pub consequences: String,
    /// (d) measures taken and proposed.
    pub measures_taken: String,
    pub measures_proposed: String,
    pub risk: Option<Risk>,
    pub risk_reasoning: String,
}

impl Assessment {
    fn checked(self) -> Result<Assessment, ApiError> {
        let mut errors = Vec::new();
        let mut text = |field: &'static str, value: String| -> String {
            let rule = TextRule { field, label: field, max_chars: ASSESSMENT_CHARS, multiline: true };
            match rule.optional(Some(&value)) {
                Ok(text) => text.unwrap_or_default(),
                Err(error) => {
                    errors.push(error);
                    String::new()
                }
            }
        };
        let checked = Assessment {
            nature: text("nature", self.nature),
            data_categories: text("data_categories", self.data_categories),
            subject_categories: text("subject_categories", self.subject_categories),
            contact_point: text("contact_point", self.contact_point),
            consequences: text("consequences", self.consequences),
            measures_taken: text("measures_taken", self.measures_taken),
            measures_proposed: text("measures_proposed", self.measures_proposed),
            risk_reasoning: text("risk_reasoning", self.risk_reasoning),
            ..self
        };
        for (field, count) in
            [("approx_subjects", checked.approx_subjects), ("approx_records", checked.approx_records)]
        {
            if count.is_some_and(|count| count < 0) {
                errors.push(field_error(field, ErrorCode::InvalidValue, "A number of 0 or more"));
            }
        }
        if checked.risk.is_some() && checked.risk_reasoning.is_empty() {
            errors.push(field_error("risk_reasoning", ErrorCode::Required, "Say why the risk is what it is"));
        }
        match ApiError::from_field_errors(errors) {
            Some(error) => Err(error),
            None => Ok(checked),
        }
    }
}

/// Article 33: notify the supervisory authority, or record why not (no risk to people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorityChoice {
    Notify,
    DoNotNotify,
}

/// Article 34: tell the people affected, or which reason applies not to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectsChoice {
    Tell,
    /// The risk is not high: Article 34 does not apply.
    NotHighRisk,
    /// 34(3)(a): the data was unintelligible to others (encrypted).
    Protected,
    /// 34(3)(b): measures taken since make the high risk no longer likely.
    RiskContained,
    /// 34(3)(c): telling each would take disproportionate effort; a public communication instead.
    PublicCommunication,
}

/// A decision, with who took it, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision<T> {
    pub choice: T,
    pub reason: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    Authority,
    Subjects,
}

/// Article 33(4): information may follow in phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Initial,
    FollowUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Letter,
    Phone,
    Public,
    Other,
}

/// A notification as someone records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewNotification {
    pub recipient: Recipient,
    pub at: DateTime<Utc>,
    /// To the authority: the phase and the authority's reference (journal number).
    #[serde(default)]
    pub phase: Option<Phase>,
    #[serde(default)]
    pub reference: String,
    /// To the people affected: how, how many, and the plain-language text sent.
    #[serde(default)]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub count: Option<i64>,
    #[serde(default)]
    pub text: String,
    /// An initial notice to the authority after 72 hours gives the reasons (33(1)).
    #[serde(default)]
    pub delay_reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    #[serde(flatten)]
    pub notice: NewNotification,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

/// An earlier "aware at", kept with the reason it changed: the clock starts there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwarenessChange {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub reason: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// What a breach case holds, stored as one versioned value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachState {
    pub title: String,
    pub aware_at: DateTime<Utc>,
    pub awareness_changes: Vec<AwarenessChange>,
    pub reported_by: String,
    pub reported_via: ReportedVia,
    pub opened_by: String,
    pub opened_at: DateTime<Utc>,
    pub assessment: Assessment,
    pub authority: Option<Decision<AuthorityChoice>>,
    pub subjects: Option<Decision<SubjectsChoice>>,
    pub notifications: Vec<Notification>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// A breach case as someone opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewBreachCase {
    pub title: String,
    pub aware_at: DateTime<Utc>,
    pub reported_by: String,
    pub reported_via: ReportedVia,
    /// The incidents involved (may be empty: a case opened directly).
    #[serde(default)]
    pub incident_ids: Vec<i64>,
}

impl NewBreachCase {
    /// The case's first state, checked.
    pub fn open(self, by: &str, now: DateTime<Utc>) -> Result<BreachState, ApiError> {
        let mut errors = Vec::new();
        let title = keep(&mut errors, &TITLE, &self.title, true);
        let reported_by = keep(&mut errors, &REPORTED_BY, &self.reported_by, true);
        if self.aware_at > now {
            errors.push(field_error(
                "aware_at",
                ErrorCode::InvalidValue,
                "Awareness cannot be in the future",
            ));
        }
        if self.incident_ids.len() > 50 {
            errors.push(field_error("incident_ids", ErrorCode::InvalidValue, "At most 50 incidents"));
        }
        if let Some(error) = ApiError::from_field_errors(errors) {
            return Err(error);
        }
        Ok(BreachState {
            title,
            aware_at: self.aware_at,
            awareness_changes: Vec::new(),
            reported_by,
            reported_via: self.reported_via,
            opened_by: by.to_string(),
            opened_at: now,
            assessment: Assessment::default(),
            authority: None,
            subjects: None,
            notifications: Vec::new(),
            closed_at: None,
        })
    }
}

/// What may be done to an open case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
pub enum BreachCommand {
    SetAwareness { aware_at: DateTime<Utc>, reason: String },
    Assess { assessment: Assessment },
    DecideAuthority { choice: AuthorityChoice, reason: String },
    DecideSubjects { choice: SubjectsChoice, reason: String },
    RecordNotification { notification: NewNotification },
    Close,
}

impl BreachCommand {
    /// The history's code for it.
    pub fn code(&self) -> &'static str {
        match self {
            BreachCommand::SetAwareness { .. } => "awareness_changed",
            BreachCommand::Assess { .. } => "assessed",
            BreachCommand::DecideAuthority { .. } => "authority_decided",
            BreachCommand::DecideSubjects { .. } => "subjects_decided",
            BreachCommand::RecordNotification { .. } => "notification_recorded",
            BreachCommand::Close => "closed",
        }
    }

    /// Recording a notification adds to the case and edits nothing: it is applied to
    /// whatever version is current, so it never fails because of another change.
    pub fn appends(&self) -> bool {
        matches!(self, BreachCommand::RecordNotification { .. })
    }
}

/// A command with the version it was based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachAction {
    pub version: i64,
    #[serde(flatten)]
    pub command: BreachCommand,
}

impl BreachState {
    /// The authority's deadline: 72 calendar hours after awareness.
    pub fn deadline(&self) -> DateTime<Utc> {
        self.aware_at + Duration::hours(NOTIFY_WITHIN_HOURS)
    }

    fn notified(&self, recipient: Recipient) -> Option<DateTime<Utc>> {
        self.notifications.iter().filter(|n| n.notice.recipient == recipient).map(|n| n.notice.at).min()
    }

    /// When the authority was first notified.
    pub fn authority_notified_at(&self) -> Option<DateTime<Utc>> {
        self.notified(Recipient::Authority)
    }

    pub fn subjects_notified_at(&self) -> Option<DateTime<Utc>> {
        self.notified(Recipient::Subjects)
    }

    /// The clock stops with a notification to the authority or a decision not to notify.
    pub fn clock_stopped(&self) -> bool {
        self.authority_notified_at().is_some()
            || self.authority.as_ref().is_some_and(|d| d.choice == AuthorityChoice::DoNotNotify)
            || self.closed_at.is_some()
    }

    /// The steps (hours) reached by `now` and not yet recorded, while the clock runs.
    pub fn due_steps(&self, recorded: &[i64], now: DateTime<Utc>) -> Vec<i64> {
        if self.clock_stopped() {
            return Vec::new();
        }
        STEPS
            .into_iter()
            .filter(|hours| !recorded.contains(hours) && self.aware_at + Duration::hours(*hours) <= now)
            .collect()
    }

    /// When the sweep should look at the case next; `None` once the clock stopped or every
    /// step is recorded.
    pub fn next_step_at(&self, recorded: &[i64]) -> Option<DateTime<Utc>> {
        if self.clock_stopped() {
            return None;
        }
        STEPS
            .into_iter()
            .find(|hours| !recorded.contains(hours))
            .map(|hours| self.aware_at + Duration::hours(hours))
    }

    /// What still keeps the case open; empty when it may close.
    pub fn missing_for_close(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let risk = self.assessment.risk;
        if risk.is_none() {
            missing.push("risk");
        }
        match self.authority.as_ref().map(|d| d.choice) {
            None => missing.push("authority"),
            Some(AuthorityChoice::Notify) if self.authority_notified_at().is_none() => {
                missing.push("authority_notification")
            }
            Some(_) => {}
        }
        let subjects = self.subjects.as_ref().map(|d| d.choice);
        if risk == Some(Risk::High) {
            match subjects {
                None => missing.push("subjects"),
                Some(SubjectsChoice::Tell | SubjectsChoice::PublicCommunication)
                    if self.subjects_notified_at().is_none() =>
                {
                    missing.push("subjects_notification")
                }
                Some(_) => {}
            }
        }
        missing
    }

    /// The case after `command` by `by` at `now`, checked.
    pub fn apply(
        &self,
        command: BreachCommand,
        by: &str,
        now: DateTime<Utc>,
    ) -> Result<BreachState, ApiError> {
        if self.closed_at.is_some() {
            return Err(ApiError::new(ErrorCode::CaseClosed, "The case is closed; the register keeps it"));
        }
        let mut next = self.clone();
        let decision = |reason: String, required: bool| -> Result<String, ApiError> {
            match REASON.optional(Some(&reason)).map_err(single)? {
                Some(reason) => Ok(reason),
                None if required => Err(single(field_error("reason", ErrorCode::Required, "Say why"))),
                None => Ok(String::new()),
            }
        };
        match command {
            BreachCommand::SetAwareness { aware_at, reason } => {
                if aware_at > now {
                    return Err(single(field_error(
                        "aware_at",
                        ErrorCode::InvalidValue,
                        "Awareness cannot be in the future",
                    )));
                }
                let reason = decision(reason, true)?;
                next.awareness_changes.push(AwarenessChange {
                    from: self.aware_at,
                    to: aware_at,
                    reason,
                    by: by.into(),
                    at: now,
                });
                next.aware_at = aware_at;
            }
            BreachCommand::Assess { assessment } => {
                let assessment = assessment.checked()?;
                // "Not high risk" no longer holds once the risk is assessed as high.
                let outdated =
                    self.subjects.as_ref().is_some_and(|d| d.choice == SubjectsChoice::NotHighRisk);
                if outdated && assessment.risk == Some(Risk::High) {
                    next.subjects = None;
                }
                next.assessment = assessment;
            }
            BreachCommand::DecideAuthority { choice, reason } => {
                let reason = decision(reason, choice == AuthorityChoice::DoNotNotify)?;
                next.authority = Some(Decision { choice, reason, by: by.into(), at: now });
            }
            BreachCommand::DecideSubjects { choice, reason } => {
                if choice == SubjectsChoice::NotHighRisk && self.assessment.risk == Some(Risk::High) {
                    return Err(single(field_error(
                        "choice",
                        ErrorCode::InvalidValue,
                        "The risk is assessed as high: tell the people affected or name the exception",
                    )));
                }
                let reason = decision(reason, choice != SubjectsChoice::Tell)?;
                next.subjects = Some(Decision { choice, reason, by: by.into(), at: now });
            }
            BreachCommand::RecordNotification { notification } => {
                let notice = self.checked_notification(notification, now)?;
                next.notifications.push(Notification { notice, recorded_by: by.into(), recorded_at: now });
            }
            BreachCommand::Close => {
                let errors = self
                    .missing_for_close()
                    .into_iter()
                    .map(|field| {
                        field_error(field, ErrorCode::DecisionRequired, "Decide this before closing")
                    })
                    .collect();
                if let Some(error) = ApiError::from_field_errors(errors) {
                    return Err(error);
                }
                next.closed_at = Some(now);
            }
        }
        Ok(next)
    }

    fn checked_notification(
        &self,
        notice: NewNotification,
        now: DateTime<Utc>,
    ) -> Result<NewNotification, ApiError> {
        let mut errors = Vec::new();
        if notice.at > now {
            errors.push(field_error("at", ErrorCode::InvalidValue, "A notification cannot be in the future"));
        }
        if notice.at < self.aware_at {
            errors.push(field_error("at", ErrorCode::InvalidValue, "A notification comes after awareness"));
        }
        let checked = match notice.recipient {
            Recipient::Authority => {
                let phase = notice.phase.unwrap_or(Phase::Initial);
                let first = self.authority_notified_at().is_none();
                let late = first && notice.at > self.deadline();
                let reference = keep(&mut errors, &REFERENCE, &notice.reference, true);
                let delay_reason = keep(&mut errors, &DELAY_REASON, &notice.delay_reason, late);
                if phase == Phase::FollowUp && first {
                    errors.push(field_error(
                        "phase",
                        ErrorCode::InvalidValue,
                        "A follow-up comes after an initial notification",
                    ));
                }
                NewNotification {
                    phase: Some(phase),
                    reference,
                    delay_reason,
                    channel: None,
                    count: None,
                    text: keep(&mut errors, &TEXT, &notice.text, false),
                    ..notice
                }
            }
            Recipient::Subjects => {
                let channel = notice.channel;
                if channel.is_none() {
                    errors.push(field_error("channel", ErrorCode::Required, "How were they told?"));
                }
                let counted = channel == Some(Channel::Public) || notice.count.is_some_and(|count| count > 0);
                if !counted {
                    errors.push(field_error("count", ErrorCode::Required, "How many people were told?"));
                }
                NewNotification {
                    phase: None,
                    reference: String::new(),
                    delay_reason: String::new(),
                    text: keep(&mut errors, &TEXT, &notice.text, true),
                    ..notice
                }
            }
        };
        match ApiError::from_field_errors(errors) {
            Some(error) => Err(error),
            None => Ok(checked),
        }
    }

    /// The register's row for this state (Article 33(5): facts, effects, remedial action),
    /// appended after every change.
    pub fn register_entry(&self) -> RegisterFacts {
        let a = &self.assessment;
        RegisterFacts {
            title: self.title.clone(),
            aware_at: self.aware_at,
            nature: a.nature.clone(),
            data_categories: a.data_categories.clone(),
            subject_categories: a.subject_categories.clone(),
            approx_subjects: a.approx_subjects,
            approx_records: a.approx_records,
            consequences: a.consequences.clone(),
            measures_taken: a.measures_taken.clone(),
            measures_proposed: a.measures_proposed.clone(),
            risk: a.risk,
            authority: self.authority.as_ref().map(|d| d.choice),
            authority_reason: self.authority.as_ref().map(|d| d.reason.clone()).unwrap_or_default(),
            authority_notified_at: self.authority_notified_at(),
            subjects: self.subjects.as_ref().map(|d| d.choice),
            subjects_notified_at: self.subjects_notified_at(),
            closed_at: self.closed_at,
        }
    }
}

/// One register entry's facts (the Worker adds the case, when and by whom).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterFacts {
    pub title: String,
    pub aware_at: DateTime<Utc>,
    pub nature: String,
    pub data_categories: String,
    pub subject_categories: String,
    pub approx_subjects: Option<i64>,
    pub approx_records: Option<i64>,
    pub consequences: String,
    pub measures_taken: String,
    pub measures_proposed: String,
    pub risk: Option<Risk>,
    pub authority: Option<AuthorityChoice>,
    pub authority_reason: String,
    pub authority_notified_at: Option<DateTime<Utc>>,
    pub subjects: Option<SubjectsChoice>,
    pub subjects_notified_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// A register entry as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterEntry {
    pub id: i64,
    pub case_id: i64,
    pub case_number: String,
    pub recorded_at: DateTime<Utc>,
    pub recorded_by: String,
    /// What changed (a history code).
    pub change: String,
    #[serde(flatten)]
    pub facts: RegisterFacts,
}

/// What `GET /api/breaches/register` exports: the entries recorded from `from` up to and
/// including `to` (whole UTC days), as CSV or JSON, CSV headed in `lang`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub csv: bool,
    pub lang: Language,
}

impl RegisterQuery {
    /// Reads `from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv|json&lang=en|da`; `to` defaults to
    /// `today`, `from` to a year before it.
    pub fn from_query(query: &str, today: NaiveDate) -> Result<RegisterQuery, ApiError> {
        let mut read =
            RegisterQuery { from: today - Duration::days(365), to: today, csv: false, lang: Language::En };
        let bad = |field: &str, message: &str| single(field_error(field, ErrorCode::InvalidValue, message));
        // Years a register can hold; anything beyond could not be a day to add to.
        let date = |field: &str, value: &str| {
            NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .ok()
                .filter(|day| (1970..=9999).contains(&day.year()))
                .ok_or_else(|| bad(field, "A date as YYYY-MM-DD"))
        };
        for (key, value) in query_pairs(query) {
            match key.as_str() {
                "from" => read.from = date("from", &value)?,
                "to" => read.to = date("to", &value)?,
                "format" => {
                    read.csv = match value.as_str() {
                        "csv" => true,
                        "json" => false,
                        _ => return Err(bad("format", "csv or json")),
                    }
                }
                "lang" => read.lang = Language::parse(&value).ok_or_else(|| bad("lang", "en or da"))?,
                _ => {}
            }
        }
        if read.from > read.to {
            return Err(bad("from", "from comes before to"));
        }
        Ok(read)
    }

    /// The period as instants: `[from 00:00 UTC, the day after to 00:00 UTC)`.
    pub fn period(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let start = |day: NaiveDate| day.and_time(NaiveTime::MIN).and_utc();
        (start(self.from), start(self.to) + Duration::days(1))
    }
}

/// Where a case's 72-hour clock stands, for badges: whole hours, rounded towards the
/// deadline's side (59 minutes left is "0 hours left", not overdue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Clock {
    Running {
        hours_left: i64,
    },
    Overdue {
        hours_over: i64,
    },
    /// Notified, decided not to notify, or closed.
    Stopped,
}

impl Clock {
    pub fn of(deadline: DateTime<Utc>, stopped: bool, now: DateTime<Utc>) -> Clock {
        if stopped {
            return Clock::Stopped;
        }
        let left = deadline - now;
        if left >= Duration::zero() {
            Clock::Running { hours_left: left.num_hours() }
        } else {
            Clock::Overdue { hours_over: (-left).num_hours() }
        }
    }

    /// Less than a day left, or overdue: the badge turns urgent.
    pub fn urgent(self) -> bool {
        matches!(self, Clock::Running { hours_left } if hours_left < 24)
            || matches!(self, Clock::Overdue { .. })
    }
}

/// "BR-000042".
pub fn case_number(id: i64) -> String {
    format!("BR-{id:06}")
}

/// A case as the desk shows it to those who may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachCase {
    pub id: i64,
    pub number: String,
    pub version: i64,
    #[serde(flatten)]
    pub state: BreachState,
    pub deadline: DateTime<Utc>,
    pub incidents: Vec<LinkedIncident>,
    pub members: Vec<Member>,
    pub history: Vec<HistoryEntry>,
    /// What still keeps it open.
    pub missing_for_close: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIncident {
    pub ticket_id: i64,
    pub number: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: i64,
    pub name: String,
}

/// Every read and change of a case, by whom and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
}

/// A case in the list: enough for the queue and its clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreachSummary {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub aware_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub clock_stopped: bool,
    pub authority_notified_at: Option<DateTime<Utc>>,
    pub risk: Option<Risk>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl BreachSummary {
    pub fn of(id: i64, state: &BreachState) -> BreachSummary {
        BreachSummary {
            id,
            number: case_number(id),
            title: state.title.clone(),
            aware_at: state.aware_at,
            deadline: state.deadline(),
            clock_stopped: state.clock_stopped(),
            authority_notified_at: state.authority_notified_at(),
            risk: state.assessment.risk,
            closed_at: state.closed_at,
        }
    }
}

/// Invite a colleague onto a case (need-to-know).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invite {
    pub email: String,
}

/// Link another incident to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkIncident {
    pub ticket_id: i64,
}

/// The checked text of a field, or "" with its error added to `errors`.
fn keep(errors: &mut Vec<FieldError>, rule: &TextRule, value: &str, required: bool) -> String {
    let checked = if required { rule.required(value).map(Some) } else { rule.optional(Some(value)) };
    checked.map_err(|e| errors.push(e)).ok().flatten().unwrap_or_default()
}

fn field_error(field: &str, code: ErrorCode, message: &str) -> FieldError {
    FieldError { field: field.to_string(), code, message: message.to_string() }
}

fn single(error: FieldError) -> ApiError {
    ApiError {
        errors: vec![error.clone()],
        ..ApiError::new(error.code, error.message).with_field(&error.field)
    }
}

#[cfg(test)]
mod tests;
