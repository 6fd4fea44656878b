//! The incident process as commands on a ticket. [`decide`] is the whole rulebook: who may
//! do what, what the ticket becomes, which event the history records (with every field's
//! before and after) and whom it tells. The Worker loads the state, calls it, and writes
//! the answer in one D1 batch.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::auth::{Principal, Role, Tier};
use crate::call::NewCall;
use crate::error::{ApiError, ErrorCode};
use crate::lifecycle::{closed_error, Status};
use crate::message::Message;
use crate::priority::{Level, Priority, PriorityMatrix};
use crate::sla::Reached;
use crate::ticket::{ticket_number, TicketKind, ValidTicket};
use crate::validation::TextRule;

pub const REASON: TextRule = TextRule { field: "reason", label: "Reason", max_chars: 1000, multiline: true };
pub const BODY: TextRule = TextRule { field: "body", label: "Message", max_chars: 10_000, multiline: true };
pub const NOTES: TextRule =
    TextRule { field: "notes", label: "Resolution notes", max_chars: 5000, multiline: true };
pub const COMMENT: TextRule =
    TextRule { field: "comment", label: "Comment", max_chars: 1000, multiline: true };

/// Something with an id and a name people recognise (an agent, a category).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionCode {
    Fixed,
    Workaround,
    NoFaultFound,
    Duplicate,
    /// A service request delivered.
    Fulfilled,
    /// The monitoring that opened the incident saw the service recover before anyone
    /// touched it.
    ResolvedByMonitoring,
}

impl ResolutionCode {
    pub const ALL: [ResolutionCode; 6] = [
        ResolutionCode::Fixed,
        ResolutionCode::Workaround,
        ResolutionCode::NoFaultFound,
        ResolutionCode::Duplicate,
        ResolutionCode::Fulfilled,
        ResolutionCode::ResolvedByMonitoring,
    ];

    /// The codes a person chooses from when resolving.
    pub const FOR_PEOPLE: [ResolutionCode; 5] = [
        ResolutionCode::Fixed,
        ResolutionCode::Workaround,
        ResolutionCode::NoFaultFound,
        ResolutionCode::Duplicate,
        ResolutionCode::Fulfilled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResolutionCode::Fixed => "fixed",
            ResolutionCode::Workaround => "workaround",
            ResolutionCode::NoFaultFound => "no_fault_found",
            ResolutionCode::Duplicate => "duplicate",
            ResolutionCode::Fulfilled => "fulfilled",
            ResolutionCode::ResolvedByMonitoring => "resolved_by_monitoring",
        }
    }

    pub fn parse(text: &str) -> Option<ResolutionCode> {
        ResolutionCode::ALL.into_iter().find(|code| code.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub code: ResolutionCode,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub score: u8,
    pub comment: Option<String>,
}

/// Everything about a ticket that the process changes: the projection of its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketState {
    pub id: i64,
    pub kind: TicketKind,
    pub title: String,
    pub status: Status,
    pub tier: Tier,
    pub assignee: Option<Named>,
    pub impact: Option<Level>,
    pub urgency: Option<Level>,
    pub priority: Option<Priority>,
    pub category: Option<Named>,
    pub is_major: bool,
    /// The major incident this one is linked to as a child.
    pub major_id: Option<i64>,
    pub resolution: Option<Resolution>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub first_response_at: Option<DateTime<Utc>>,
    pub rating: Option<Rating>,
    pub version: i64,
}

impl TicketState {
    /// A ticket as just reported: new, in the L1 queue, nothing decided yet.
    pub fn reported(id: i64, kind: TicketKind, title: &str) -> TicketState {
        TicketState {
            id,
            kind,
            title: title.to_string(),
            status: Status::New,
            tier: Tier::L1,
            assignee: None,
            impact: None,
            urgency: None,
            priority: None,
            category: None,
            is_major: false,
            major_id: None,
            resolution: None,
            resolved_at: None,
            closed_at: None,
            first_response_at: None,
            rating: None,
            version: 1,
        }
    }

    pub fn number(&self) -> String {
        ticket_number(self.kind, self.id)
    }
}

/// Who is acting, as far as the process cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Agent {
        user_id: i64,
        name: String,
        tier: Tier,
    },
    /// Supervisors and admins: may act in every tier.
    Lead {
        user_id: i64,
        name: String,
    },
    /// The ticket's customer: signed in (`user_id`) or holding its status link.
    Customer {
        user_id: Option<i64>,
        name: String,
    },
    /// The scheduled sweep.
    System,
    /// A monitoring integration (an API token with `alerts:write`), on the incidents its
    /// alerts opened.
    Monitoring {
        token_id: i64,
        name: String,
    },
}

impl Actor {
    /// The actor behind a signed-in person. API tokens do not work tickets: they never act
    /// as a person.
    pub fn from_principal(principal: &Principal) -> Result<Actor, ApiError> {
        if principal.token.is_some() {
            return Err(ApiError::new(ErrorCode::Forbidden, "API tokens cannot work on tickets"));
        }
        let (user_id, name) = (principal.user_id, principal.name.clone());
        Ok(match (principal.role, principal.tier) {
            (Role::Customer, _) => Actor::Customer { user_id: Some(user_id), name },
            (Role::Agent, Some(tier)) => Actor::Agent { user_id, name, tier },
            _ => Actor::Lead { user_id, name },
        })
    }

    pub fn is_staff(&self) -> bool {
        matches!(self, Actor::Agent { .. } | Actor::Lead { .. })
    }

    /// How the history's `actor` column names this actor.
    pub fn label(&self) -> String {
        match self {
            Actor::Agent { user_id, .. } | Actor::Lead { user_id, .. } => format!("user:{user_id}"),
            Actor::Customer { user_id: Some(user_id), .. } => format!("user:{user_id}"),
            Actor::Customer { user_id: None, .. } => "reporter".to_string(),
            Actor::System => "system".to_string(),
            Actor::Monitoring { token_id, .. } => format!("token:{token_id}"),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Actor::Agent { name, .. }
            | Actor::Lead { name, .. }
            | Actor::Customer { name, .. }
            | Actor::Monitoring { name, .. } => name,
            Actor::System => "Edgedesk",
        }
    }

    fn as_assignee(&self) -> Option<Named> {
        match self {
            Actor::Agent { user_id, name, .. } | Actor::Lead { user_id, name } => {
                Some(Named { id: *user_id, name: name.clone() })
            }
            _ => None,
        }
    }

    fn works_in(&self, tier: Tier) -> bool {
        match self {
            Actor::Agent { tier: own, .. } => *own == tier,
            Actor::Lead { .. } => true,
            _ => false,
        }
    }
}

/// What a client asks for (`POST /api/tickets/{id}/actions`), tagged by `action`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Command {
    /// L1's classification: incident or request, category, impact and urgency.
    Triage {
        kind: TicketKind,
        category_id: Option<i64>,
        impact: Level,
        urgency: Level,
    },
    /// Changes only the category (the console's bulk action).
    SetCategory {
        category_id: Option<i64>,
    },
    /// Overrides the matrix's answer; the reason is kept.
    SetPriority {
        priority: Priority,
        reason: String,
    },
    Take,
    Assign {
        agent_id: i64,
    },
    /// Least open tickets among available agents of the ticket's tier.
    AutoAssign,
    /// Functional escalation (up or down) to another tier's queue.
    Escalate {
        tier: Tier,
        reason: String,
    },
    /// Hierarchical escalation: tells the supervisors.
    NotifySupervisor {
        reason: String,
    },
    SetStatus {
        status: Status,
    },
    Reply {
        body: String,
        /// The same as `set_status: "pending_customer"` (kept for API clients).
        #[serde(default)]
        wait_for_customer: bool,
        /// The status the ticket moves to with the reply ("Send and set status…").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        set_status: Option<Status>,
    },
    Note {
        body: String,
    },
    ScheduleCall(NewCall),
    Resolve {
        code: ResolutionCode,
        notes: String,
        /// On a major incident: resolve its open children with the same resolution.
        #[serde(default)]
        resolve_linked: bool,
    },
    Confirm,
    Reopen {
        reason: String,
    },
    Rate {
        score: u8,
        comment: Option<String>,
    },
    Cancel {
        reason: String,
    },
    MarkMajor,
    LinkToMajor {
        major_id: i64,
    },
}

impl Command {
    /// Appending a reply or a note cannot clobber anyone's edit, so those may be sent
    /// without a version; everything else must say which version it was based on.
    pub fn needs_version(&self) -> bool {
        !matches!(self, Command::Reply { .. } | Command::Note { .. })
    }
}

/// The body of `POST /api/tickets/{id}/actions`: a command and the version it was based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(flatten)]
    pub command: Command,
}

impl ActionRequest {
    /// A stale version is a conflict; a missing one is refused where the command needs it.
    /// Appends (replies, notes) add to the history whatever it holds, so a version sent
    /// with one is not a condition.
    pub fn check_version(&self, current: i64) -> Result<(), ApiError> {
        match self.version {
            None if self.command.needs_version() => Err(ApiError::new(
                ErrorCode::VersionRequired,
                "Say which version of the ticket this change is based on",
            )
            .with_field("version")),
            Some(version) if version != current && self.command.needs_version() => Err(ApiError::new(
                ErrorCode::VersionConflict,
                "Someone else changed this ticket first; review and retry",
            )),
            _ => Ok(()),
        }
    }
}

/// What the Worker looked up for a command that names other records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// For `assign` / `auto_assign`: the agent, with their tier.
    pub agent: Option<(Named, Tier)>,
    /// For `triage`: the category named by `category_id`.
    pub category: Option<Named>,
    /// For `link_to_major`: the ticket named by `major_id`.
    pub major: Option<TicketState>,
}

/// Settings that shape decisions; admins configure them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    pub matrix: PriorityMatrix,
    /// Days a customer has to confirm or reopen a resolved ticket before it closes.
    pub reopen_days: i64,
}

impl Default for Rules {
    fn default() -> Self {
        Rules { matrix: PriorityMatrix::default(), reopen_days: 7 }
    }
}

/// The rules as admins read and save them (`/api/admin/rules`), with their version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedRules {
    #[serde(flatten)]
    pub rules: Rules,
    pub version: i64,
}

pub const REOPEN_DAYS: std::ops::RangeInclusive<i64> = 1..=90;

impl Rules {
    /// A monotone matrix and a reopen window of 1 to 90 days.
    pub fn validate(&self) -> Result<(), ApiError> {
        self.matrix.validate()?;
        if !REOPEN_DAYS.contains(&self.reopen_days) {
            return Err(invalid("reopen_days", "Reopen within 1 to 90 days"));
        }
        Ok(())
    }

    /// When a resolved ticket closes by itself if the customer says nothing.
    pub fn closes_at(&self, resolved_at: DateTime<Utc>) -> DateTime<Utc> {
        resolved_at + Duration::days(self.reopen_days)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Created,
    Triaged,
    Categorised,
    PriorityChanged,
    Assigned,
    Escalated,
    SupervisorNotified,
    StatusChanged,
    Reply,
    Note,
    CallScheduled,
    Resolved,
    Confirmed,
    Reopened,
    Rated,
    Cancelled,
    MarkedMajor,
    Linked,
    Closed,
    StatusLinkRevoked,
    SlaWarning,
    SlaBreached,
    /// The monitoring reports recovery on an incident people are working (internal).
    AlertRecovered,
}

impl EventKind {
    pub const ALL: [EventKind; 23] = [
        EventKind::Created,
        EventKind::Triaged,
        EventKind::Categorised,
        EventKind::PriorityChanged,
        EventKind::Assigned,
        EventKind::Escalated,
        EventKind::SupervisorNotified,
        EventKind::StatusChanged,
        EventKind::Reply,
        EventKind::Note,
        EventKind::CallScheduled,
        EventKind::Resolved,
        EventKind::Confirmed,
        EventKind::Reopened,
        EventKind::Rated,
        EventKind::Cancelled,
        EventKind::MarkedMajor,
        EventKind::Linked,
        EventKind::Closed,
        EventKind::StatusLinkRevoked,
        EventKind::SlaWarning,
        EventKind::SlaBreached,
        EventKind::AlertRecovered,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Created => "created",
            EventKind::Triaged => "triaged",
            EventKind::Categorised => "categorised",
            EventKind::PriorityChanged => "priority_changed",
            EventKind::Assigned => "assigned",
            EventKind::Escalated => "escalated",
            EventKind::SupervisorNotified => "supervisor_notified",
            EventKind::StatusChanged => "status_changed",
            EventKind::Reply => "reply",
            EventKind::Note => "note",
            EventKind::CallScheduled => "call_scheduled",
            EventKind::Resolved => "resolved",
            EventKind::Confirmed => "confirmed",
            EventKind::Reopened => "reopened",
            EventKind::Rated => "rated",
            EventKind::Cancelled => "cancelled",
            EventKind::MarkedMajor => "marked_major",
            EventKind::Linked => "linked",
            EventKind::Closed => "closed",
            EventKind::StatusLinkRevoked => "status_link_revoked",
            EventKind::SlaWarning => "sla_warning",
            EventKind::SlaBreached => "sla_breached",
            EventKind::AlertRecovered => "alert_recovered",
        }
    }

    pub fn parse(text: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    /// Whether the customer sees this event in their timeline.
    pub fn is_public(self) -> bool {
        matches!(
            self,
            EventKind::Created
                | EventKind::StatusChanged
                | EventKind::Reply
                | EventKind::CallScheduled
                | EventKind::Resolved
                | EventKind::Confirmed
                | EventKind::Reopened
                | EventKind::Rated
                | EventKind::Cancelled
                | EventKind::Closed
        )
    }
}

/// One field's value before and after a change, as people read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Fields whose changes customers may see; the rest (tier, assignee, impact…) are internal.
pub const CUSTOMER_FIELDS: [&str; 4] = ["status", "kind", "priority", "resolution"];

/// The stored body of an event (`ticket_events.data`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<FieldChange>,
    /// The desk did this by itself (an automatic assignment, a close after the reopen window).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub automatic: bool,
    /// The SLA steps an `sla_warning` or `sla_breached` event records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sla: Vec<Reached>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub kind: EventKind,
    pub details: EventDetails,
}

/// Who a notification goes to; the Worker turns an audience into addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// The person who reported the ticket.
    Reporter,
    /// The reporters of every ticket linked to this major incident.
    LinkedReporters,
    Supervisors,
    Agent(i64),
    /// Every available agent of a tier (the ticket waits in their queue).
    Tier(Tier),
    /// The reporters of recent tickets about this ticket's affected service.
    ServiceReporters,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub audience: Audience,
    /// The ticket's title when the notice was decided (the mail's subject names it).
    pub title: String,
    pub message: Message,
    /// Not before this time (call reminders); `None` = now.
    pub send_at: Option<DateTime<Utc>>,
}

/// What a decision does to tickets linked to a major incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkedEffect {
    None,
    /// A public update also appears on every linked ticket.
    Broadcast(String),
    /// The open children are resolved with the same resolution.
    Resolve(Resolution),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub state: TicketState,
    pub event: NewEvent,
    pub notices: Vec<Notice>,
    pub call: Option<NewCall>,
    pub linked: LinkedEffect,
}

fn forbidden(message: &str) -> ApiError {
    ApiError::new(ErrorCode::Forbidden, message)
}

fn invalid(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidValue, message).with_field(field)
}

/// Applies `command` by `actor` to `state`, or explains why not.
pub fn decide(
    state: &TicketState,
    actor: &Actor,
    command: &Command,
    facts: &Facts,
    rules: &Rules,
    now: DateTime<Utc>,
) -> Result<Decision, ApiError> {
    let customer_may = matches!(
        command,
        Command::Reply { .. }
            | Command::Confirm
            | Command::Reopen { .. }
            | Command::Rate { .. }
            | Command::Cancel { .. }
    );
    match actor {
        Actor::System => return Err(forbidden("The sweep only closes tickets")),
        Actor::Monitoring { .. }
            if !matches!(
                command,
                Command::Resolve { .. }
                    | Command::Reopen { .. }
                    | Command::MarkMajor
                    | Command::LinkToMajor { .. }
            ) =>
        {
            return Err(forbidden(
                "Monitoring only resolves, reopens and groups the incidents its alerts opened",
            ));
        }
        Actor::Customer { .. } if !customer_may => {
            return Err(forbidden("Only the service desk can do this"));
        }
        Actor::Agent { .. } | Actor::Lead { .. }
            if matches!(command, Command::Confirm | Command::Rate { .. }) =>
        {
            return Err(forbidden("Only the customer can confirm a fix or rate the service"));
        }
        _ => {}
    }
    if state.status.is_final() && !matches!(command, Command::Rate { .. }) {
        return Err(closed_error(state.status));
    }
    let mut next = state.clone();
    let mut notices = Vec::new();
    let mut call = None;
    let mut linked = LinkedEffect::None;
    let notice = |audience, message| Notice { audience, title: state.title.clone(), message, send_at: None };
    let by = actor.name().to_string();
    let mut automatic = false;
    let (kind, text) = match command {
        Command::Triage { kind, category_id, impact, urgency } => {
            if state.is_major && *kind == TicketKind::Request {
                return Err(invalid("kind", "A major incident cannot become a service request"));
            }
            next.category = category(*category_id, facts)?;
            next.kind = *kind;
            next.impact = Some(*impact);
            next.urgency = Some(*urgency);
            next.priority = Some(rules.matrix.priority(*impact, *urgency));
            if state.status == Status::New {
                next.status = Status::Open;
            }
            route_critical(state, &mut next, &mut notices);
            (EventKind::Triaged, None)
        }
        Command::SetCategory { category_id } => {
            next.category = category(*category_id, facts)?;
            if next.category == state.category {
                return Err(invalid("category_id", "The ticket already has this category"));
            }
            (EventKind::Categorised, None)
        }
        Command::SetPriority { priority, reason } => {
            let reason = REASON.required(reason)?;
            if state.priority == Some(*priority) {
                return Err(invalid("priority", format!("The priority is already {}", priority.as_str())));
            }
            next.priority = Some(*priority);
            route_critical(state, &mut next, &mut notices);
            (EventKind::PriorityChanged, Some(reason))
        }
        Command::Take => {
            if !actor.works_in(state.tier) {
                return Err(forbidden("This ticket is in another tier's queue; escalate it first"));
            }
            next.assignee = actor.as_assignee();
            if state.assignee == next.assignee {
                return Err(invalid("assignee", "The ticket is already yours"));
            }
            if matches!(state.status, Status::New | Status::Open) {
                next.status = Status::InProgress;
            }
            (EventKind::Assigned, None)
        }
        Command::Assign { .. } | Command::AutoAssign => {
            let Some((agent, tier)) = &facts.agent else {
                return Err(match command {
                    Command::AutoAssign => ApiError::new(
                        ErrorCode::InvalidValue,
                        format!("No agent in {} is available right now", state.tier.as_str().to_uppercase()),
                    ),
                    _ => invalid("agent_id", "There is no such active agent"),
                });
            };
            if *tier != state.tier {
                return Err(invalid(
                    "agent_id",
                    format!(
                        "{} works in {}, but the ticket is in the {} queue",
                        agent.name,
                        tier.as_str().to_uppercase(),
                        state.tier.as_str().to_uppercase()
                    ),
                ));
            }
            if state.assignee.as_ref().map(|current| current.id) == Some(agent.id) {
                return Err(invalid("agent_id", format!("The ticket is already assigned to {}", agent.name)));
            }
            next.assignee = Some(agent.clone());
            notices.push(notice(Audience::Agent(agent.id), Message::AssignedToYou { by }));
            automatic = matches!(command, Command::AutoAssign);
            (EventKind::Assigned, None)
        }
        Command::Escalate { tier, reason } => {
            let reason = REASON.required(reason)?;
            if *tier == state.tier {
                return Err(invalid(
                    "tier",
                    format!("The ticket is already in {}", tier.as_str().to_uppercase()),
                ));
            }
            next.tier = *tier;
            next.assignee = None;
            if state.status == Status::New {
                next.status = Status::Open;
            }
            notices.push(notice(
                Audience::Tier(*tier),
                Message::Escalated { by, tier: *tier, reason: reason.clone() },
            ));
            (EventKind::Escalated, Some(reason))
        }
        Command::NotifySupervisor { reason } => {
            let reason = REASON.required(reason)?;
            notices.push(notice(
                Audience::Supervisors,
                Message::SupervisorWanted { by, reason: reason.clone() },
            ));
            (EventKind::SupervisorNotified, Some(reason))
        }
        Command::SetStatus { status } => {
            if !status.is_working() {
                return Err(invalid("status", "Resolve, cancel, reopen and close have their own actions"));
            }
            if state.status == Status::Resolved {
                // Reopening has its own action, which also clears the resolution.
                return Err(ApiError::new(ErrorCode::InvalidTransition, "Reopen a resolved ticket instead")
                    .with_field("status"));
            }
            next.status = state.status.transition(*status, state.kind)?;
            if *status == Status::PendingCustomer {
                notices.push(notice(Audience::Reporter, Message::WaitingForYou));
            }
            (EventKind::StatusChanged, None)
        }
        Command::Reply { body, wait_for_customer, set_status } => {
            let body = BODY.required(body)?;
            let (then, field) = match (set_status, wait_for_customer) {
                (Some(status), _) => (Some(*status), "set_status"),
                (None, true) => (Some(Status::PendingCustomer), "wait_for_customer"),
                (None, false) => (None, "set_status"),
            };
            if actor.is_staff() {
                if state.first_response_at.is_none() {
                    next.first_response_at = Some(now);
                }
                if let Some(status) = then.filter(|status| *status != state.status) {
                    if !status.is_working() {
                        return Err(invalid(
                            field,
                            "Resolve, cancel, reopen and close have their own actions",
                        ));
                    }
                    next.status = state.status.transition(status, state.kind)?;
                }
                notices.push(notice(Audience::Reporter, Message::AgentReplied { body: body.clone() }));
                if state.is_major {
                    notices.push(notice(
                        Audience::LinkedReporters,
                        Message::WiderIncidentUpdate { body: body.clone() },
                    ));
                    linked = LinkedEffect::Broadcast(body.clone());
                }
            } else {
                if then.is_some() {
                    return Err(invalid(field, "Only the service desk sets the status with a reply"));
                }
                if state.status.is_pending() {
                    next.status = Status::Open;
                }
                notices
                    .push(notice(waiting_agents(state), Message::CustomerReplied { by, body: body.clone() }));
            }
            (EventKind::Reply, Some(body))
        }
        Command::Note { body } => (EventKind::Note, Some(BODY.required(body)?)),
        Command::ScheduleCall(request) => {
            if matches!(actor, Actor::Agent { tier: Tier::L1, .. }) {
                return Err(forbidden("Calls with the customer are arranged by L2 and L3"));
            }
            let valid = request.validate(now)?;
            notices.push(notice(Audience::Reporter, Message::CallScheduled { by, call: valid.clone() }));
            let reminder_at = valid.starts_at - Duration::minutes(30);
            if reminder_at > now {
                notices.push(Notice {
                    send_at: Some(reminder_at),
                    ..notice(Audience::Reporter, Message::CallReminder { call: valid.clone() })
                });
            }
            call = Some(valid);
            (EventKind::CallScheduled, None)
        }
        Command::Resolve { code, notes, resolve_linked } => {
            if *code == ResolutionCode::ResolvedByMonitoring && !matches!(actor, Actor::Monitoring { .. }) {
                return Err(invalid("code", "Only the monitoring can say it saw the service recover"));
            }
            let notes = NOTES.required(notes)?;
            next.status = state.status.transition(Status::Resolved, state.kind)?;
            let resolution = Resolution { code: *code, notes: notes.clone() };
            next.resolution = Some(resolution.clone());
            next.resolved_at = Some(now);
            notices.push(notice(
                Audience::Reporter,
                Message::Resolved { notes: notes.clone(), reopen_days: rules.reopen_days },
            ));
            if *resolve_linked {
                if !state.is_major {
                    return Err(invalid("resolve_linked", "Only a major incident has linked tickets"));
                }
                notices.push(notice(
                    Audience::LinkedReporters,
                    Message::WiderIncidentResolved { notes: notes.clone() },
                ));
                linked = LinkedEffect::Resolve(resolution);
            }
            (EventKind::Resolved, Some(notes))
        }
        Command::Confirm => {
            next.status = state.status.transition(Status::Closed, state.kind).map_err(|_| {
                ApiError::new(ErrorCode::InvalidTransition, "Only a resolved ticket can be confirmed")
            })?;
            next.closed_at = Some(now);
            (EventKind::Confirmed, None)
        }
        Command::Reopen { reason } => {
            let reason = REASON.required(reason)?;
            if state.status != Status::Resolved {
                return Err(ApiError::new(
                    ErrorCode::InvalidTransition,
                    "Only a resolved ticket can be reopened",
                ));
            }
            if state.resolved_at.is_some_and(|resolved_at| now > rules.closes_at(resolved_at)) {
                return Err(ApiError::new(
                    ErrorCode::ReopenWindowPassed,
                    format!("Resolved tickets can be reopened within {} days", rules.reopen_days),
                ));
            }
            next.status = Status::Open;
            next.resolution = None;
            next.resolved_at = None;
            notices.push(notice(waiting_agents(state), Message::Reopened { by, reason: reason.clone() }));
            (EventKind::Reopened, Some(reason))
        }
        Command::Rate { score, comment } => {
            if !matches!(state.status, Status::Resolved | Status::Closed) {
                return Err(ApiError::new(
                    ErrorCode::InvalidTransition,
                    "A ticket can be rated once it is resolved",
                ));
            }
            if state.rating.is_some() {
                return Err(ApiError::new(ErrorCode::AlreadyRated, "This ticket has already been rated"));
            }
            if !(1..=5).contains(score) {
                return Err(invalid("score", "The rating is from 1 to 5"));
            }
            let comment = COMMENT.optional(comment.as_deref())?;
            next.rating = Some(Rating { score: *score, comment: comment.clone() });
            (
                EventKind::Rated,
                Some(format!("{score}/5{}", comment.map(|c| format!(": {c}")).unwrap_or_default())),
            )
        }
        Command::Cancel { reason } => {
            let reason = REASON.required(reason)?;
            next.status = state.status.transition(Status::Cancelled, state.kind)?;
            next.closed_at = Some(now);
            (EventKind::Cancelled, Some(reason))
        }
        Command::MarkMajor => {
            if !matches!(
                actor,
                Actor::Agent { tier: Tier::L3, .. } | Actor::Lead { .. } | Actor::Monitoring { .. }
            ) {
                return Err(forbidden("Major incidents are declared by L3, a supervisor or an alert storm"));
            }
            if state.kind != TicketKind::Incident || state.is_major || state.major_id.is_some() {
                return Err(invalid(
                    "major",
                    "Only an incident that is neither major nor linked can become major",
                ));
            }
            next.is_major = true;
            notices.push(notice(Audience::Supervisors, Message::MajorDeclared { by }));
            (EventKind::MarkedMajor, None)
        }
        Command::LinkToMajor { major_id } => {
            let major = facts
                .major
                .as_ref()
                .filter(|major| major.id == *major_id && major.id != state.id)
                .ok_or_else(|| invalid("major_id", "There is no such ticket"))?;
            if !major.is_major || major.status.is_final() || major.status == Status::Resolved {
                return Err(invalid("major_id", format!("{} is not an open major incident", major.number())));
            }
            if state.is_major || state.kind != TicketKind::Incident || state.major_id == Some(*major_id) {
                return Err(invalid("major_id", "Only an incident that is not major itself can be linked"));
            }
            next.major_id = Some(*major_id);
            (EventKind::Linked, Some(major.number()))
        }
    };
    next.version = state.version + 1;
    let details = EventDetails { text, changes: diff(state, &next), automatic, ..EventDetails::default() };
    Ok(Decision { state: next, event: NewEvent { kind, details }, notices, call, linked })
}

/// The state of a ticket just reported, before it has an id, and whom to tell.
pub fn open(ticket: &ValidTicket, rules: &Rules, status_url: &str) -> (TicketState, Vec<Notice>) {
    let impact = ticket.people_affected.map(|answer| answer.impact());
    let urgency = ticket.work_impact.map(|answer| answer.urgency());
    let priority = impact.zip(urgency).map(|(impact, urgency)| rules.matrix.priority(impact, urgency));
    let before = TicketState::reported(0, ticket.kind, &ticket.title);
    let mut state = TicketState { impact, urgency, priority, ..before.clone() };
    let mut notices = vec![Notice {
        audience: Audience::Reporter,
        title: ticket.title.clone(),
        message: Message::Received { name: ticket.name.clone(), status_url: status_url.to_string() },
        send_at: None,
    }];
    route_critical(&before, &mut state, &mut notices);
    (state, notices)
}

/// A new incident opened by a monitoring alert: its priority comes from the alert's
/// severity (a P1 goes straight to L3, as any critical incident does), and nobody is sent a
/// receipt, for nobody reported it.
pub fn open_alert(ticket: &ValidTicket, priority: Priority) -> (TicketState, Vec<Notice>) {
    let before = TicketState::reported(0, ticket.kind, &ticket.title);
    let mut state = TicketState { priority: Some(priority), ..before.clone() };
    let mut notices = Vec::new();
    route_critical(&before, &mut state, &mut notices);
    (state, notices)
}

/// The category a command names, as the Worker found it.
fn category(category_id: Option<i64>, facts: &Facts) -> Result<Option<Named>, ApiError> {
    match (category_id, &facts.category) {
        (None, _) => Ok(None),
        (Some(id), Some(category)) if category.id == id => Ok(Some(category.clone())),
        (Some(_), _) => Err(invalid("category_id", "There is no such category")),
    }
}

/// `POST /api/tickets/bulk`: one step for many tickets, each based on its current version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkRequest {
    pub ids: Vec<i64>,
    #[serde(flatten)]
    pub command: Command,
}

pub const BULK_MAX: usize = 100;

impl BulkRequest {
    /// Distinct ids, 1 to [`BULK_MAX`] of them, and a step allowed in bulk.
    pub fn validate(&self) -> Result<Vec<i64>, ApiError> {
        if !allowed_in_bulk(&self.command) {
            return Err(invalid("action", "Only assignment, status and category change in bulk"));
        }
        let mut ids = self.ids.clone();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() || ids.len() > BULK_MAX {
            return Err(invalid("ids", format!("Choose 1 to {BULK_MAX} tickets")));
        }
        Ok(ids)
    }
}

/// What happened to one ticket of a bulk step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkOutcome {
    pub id: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
}

/// Steps the console may apply to many tickets at once.
pub fn allowed_in_bulk(command: &Command) -> bool {
    matches!(
        command,
        Command::Assign { .. }
            | Command::AutoAssign
            | Command::SetStatus { .. }
            | Command::SetCategory { .. }
    )
}

/// P1 incidents go straight to L3 and to the supervisors' attention.
pub(crate) fn route_critical(before: &TicketState, next: &mut TicketState, notices: &mut Vec<Notice>) {
    let critical = next.kind == TicketKind::Incident && next.priority == Some(Priority::P1);
    if !critical || before.priority == Some(Priority::P1) && before.kind == TicketKind::Incident {
        return;
    }
    if next.tier != Tier::L3 {
        next.tier = Tier::L3;
        next.assignee = None;
    }
    for (audience, message) in [
        (Audience::Supervisors, Message::CriticalWaiting),
        (Audience::Tier(Tier::L3), Message::CriticalInYourQueue),
    ] {
        notices.push(Notice { audience, title: next.title.clone(), message, send_at: None });
    }
}

/// Who waits for news from the customer: the assignee, or the whole queue if nobody has it.
fn waiting_agents(state: &TicketState) -> Audience {
    state.assignee.as_ref().map_or(Audience::Tier(state.tier), |assignee| Audience::Agent(assignee.id))
}

/// Every field that differs between two states, as readable text.
pub fn diff(before: &TicketState, after: &TicketState) -> Vec<FieldChange> {
    let fields: [(&str, Option<String>, Option<String>); 11] = [
        ("status", Some(before.status.as_str().into()), Some(after.status.as_str().into())),
        ("kind", Some(before.kind.as_str().into()), Some(after.kind.as_str().into())),
        ("tier", Some(before.tier.as_str().into()), Some(after.tier.as_str().into())),
        (
            "assignee",
            before.assignee.as_ref().map(|a| a.name.clone()),
            after.assignee.as_ref().map(|a| a.name.clone()),
        ),
        ("impact", before.impact.map(|l| l.as_str().into()), after.impact.map(|l| l.as_str().into())),
        ("urgency", before.urgency.map(|l| l.as_str().into()), after.urgency.map(|l| l.as_str().into())),
        ("priority", before.priority.map(|p| p.as_str().into()), after.priority.map(|p| p.as_str().into())),
        (
            "category",
            before.category.as_ref().map(|c| c.name.clone()),
            after.category.as_ref().map(|c| c.name.clone()),
        ),
        ("major", Some(before.is_major.to_string()), Some(after.is_major.to_string())),
        ("major_id", before.major_id.map(|id| id.to_string()), after.major_id.map(|id| id.to_string())),
        (
            "resolution",
            before.resolution.as_ref().map(|r| r.code.as_str().into()),
            after.resolution.as_ref().map(|r| r.code.as_str().into()),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| FieldChange { field: field.to_string(), before, after })
        .collect()
}

/// The event the sweep records when a resolved ticket closes without an answer.
pub fn auto_close_event() -> NewEvent {
    NewEvent {
        kind: EventKind::Closed,
        details: EventDetails {
            automatic: true,
            changes: vec![FieldChange {
                field: "status".into(),
                before: Some(Status::Resolved.as_str().into()),
                after: Some(Status::Closed.as_str().into()),
            }],
            ..EventDetails::default()
        },
    }
}

/// An agent who could receive a ticket automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub agent: Named,
    pub open_tickets: i64,
    /// When they last got a ticket; ties go to whoever waited longest (round robin).
    pub last_assigned_at: Option<i64>,
}

/// Least open tickets first; among equals, whoever has waited longest for one.
pub fn pick_assignee(candidates: &[Candidate]) -> Option<&Candidate> {
    candidates.iter().min_by_key(|candidate| {
        (candidate.open_tickets, candidate.last_assigned_at.unwrap_or(i64::MIN), candidate.agent.id)
    })
}

/// A customer's view of one history entry: public events with internal fields removed,
/// and an internal event only as the status change it caused (if any).
pub fn customer_view(kind: EventKind, details: &EventDetails) -> Option<(EventKind, EventDetails)> {
    let visible: Vec<FieldChange> = details
        .changes
        .iter()
        .filter(|change| CUSTOMER_FIELDS.contains(&change.field.as_str()))
        .cloned()
        .collect();
    if kind.is_public() {
        return Some((kind, EventDetails { changes: visible, ..details.clone() }));
    }
    let status: Vec<FieldChange> = visible.into_iter().filter(|change| change.field == "status").collect();
    (!status.is_empty())
        .then_some((EventKind::StatusChanged, EventDetails { changes: status, ..EventDetails::default() }))
}

#[cfg(test)]
mod tests;
