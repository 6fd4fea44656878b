//! Tickets: the row is the projection of the ticket's events; every write stores the
//! event, the new projection and its notifications in one D1 batch.

use chrono::{DateTime, Utc};
use edgedesk_domain::auth::Tier;
use edgedesk_domain::category::Answer;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::message::Language;
use edgedesk_domain::policy::TicketOwner;
use edgedesk_domain::priority::{Level, Priority};
use edgedesk_domain::sla::Clocks;
use edgedesk_domain::ticket::{
    ticket_number, Channel, PublicTicket, Reporter, Ticket, TicketKind, ValidTicket,
};
use edgedesk_domain::webhook::{self, WebhookEvent};
use edgedesk_domain::workflow::{
    Actor, Decision, LinkedEffect, Named, Notice, Rating, Resolution, ResolutionCode, Rules, TicketState,
};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, D1Database, D1PreparedStatement, Env};

use super::batch::{Batch, Pending};
use super::statements::{event_statement, projection_statement, sla_projection, TicketRef};
use super::webhooks::{self, About};
use super::{all, db, lost_race, outbox};
use crate::clock::from_millis;
use crate::{http, mail};

/// What a new ticket needs besides the validated report.
pub struct Opening<'a> {
    pub state: &'a TicketState,
    pub owner: TicketOwner,
    pub category_id: Option<i64>,
    pub answers: &'a [Answer],
    pub affected_service: Option<&'a str>,
    pub channel: Channel,
    pub actor: &'a Actor,
    pub status_token_hash: &'a str,
    pub notices: &'a [Notice],
    pub clocks: &'a Clocks,
    /// The language of the form the reporter used.
    pub language: Language,
}

/// Stores a new ticket, its `created` event and its notifications in one D1 batch (one
/// transaction), so a ticket never exists without its history, with `also` (statements that
/// refer to it as `TicketRef::Newest`, such as the alert that opened it). Returns the new
/// id; a UNIQUE failure in `also` is a lost race and stores nothing.
pub async fn insert(
    env: &Env,
    ticket: &ValidTicket,
    opening: Opening<'_>,
    reported_at: DateTime<Utc>,
    also: Vec<D1PreparedStatement>,
) -> Result<i64, ApiError> {
    let db = db(env)?;
    let at = reported_at.timestamp_millis();
    let state = opening.state;
    let answers = serde_json::to_string(opening.answers).map_err(http::internal)?;
    let insert_ticket = query!(
        &db,
        "INSERT INTO tickets (kind, title, description, symptoms, reporter_name, reporter_email, reporter_phone,
                              channel, reported_at, updated_at, customer_id, organisation_id, status_token_hash,
                              tier, impact, urgency, priority, category_id, affected_service, answers,
                              reporter_language)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
         RETURNING id",
        ticket.kind.as_str(),
        &ticket.title,
        &ticket.description,
        &ticket.symptoms,
        &ticket.name,
        &ticket.email,
        &ticket.phone,
        opening.channel.as_str(),
        at,
        opening.owner.customer_id,
        opening.owner.organisation_id,
        opening.status_token_hash,
        state.tier.as_str(),
        state.impact.map(Level::as_str),
        state.urgency.map(Level::as_str),
        state.priority.map(Priority::as_str),
        opening.category_id,
        opening.affected_service,
        answers,
        opening.language.code()
    )
    .map_err(http::storage)?;
    // The new ticket is the highest id: batches are transactions and run one at a time.
    let new_id = "(SELECT MAX(id) FROM tickets)";
    let mut changes = vec![
        serde_json::json!({ "field": "status", "before": null, "after": "new" }),
        serde_json::json!({ "field": "kind", "before": null, "after": ticket.kind.as_str() }),
        serde_json::json!({ "field": "tier", "before": null, "after": state.tier.as_str() }),
    ];
    if let Some(priority) = state.priority {
        changes.push(serde_json::json!({ "field": "priority", "before": null, "after": priority.as_str() }));
    }
    let created = serde_json::json!({ "changes": changes });
    let insert_event = query!(
        &db,
        &format!(
            "INSERT INTO ticket_events (ticket_id, kind, actor, actor_name, at, data, version)
             VALUES ({new_id}, 'created', ?1, ?2, ?3, ?4, 1)"
        ),
        opening.actor.label(),
        opening.actor.name(),
        at,
        created.to_string()
    )
    .map_err(http::storage)?;
    let mut statements = vec![insert_ticket, insert_event];
    let desk = mail::desk_language(env);
    for notice in opening.notices {
        statements.extend(outbox::statements(&db, TicketRef::Newest, notice, desk, reported_at)?);
    }
    let clocks = opening.clocks;
    statements.extend(sla_projection(
        &db,
        TicketRef::Newest,
        1,
        &clocks.clocks,
        &clocks.progress,
        reported_at,
    )?);
    statements.push(webhooks::ticket_event(
        &db,
        About::Ticket(TicketRef::Newest),
        WebhookEvent::TicketCreated,
        &serde_json::json!({}),
        &http::public_url(env),
        reported_at,
    )?);
    statements.extend(also);
    let results = super::send_batch(&db, statements)
        .await
        .map_err(|error| lost_race(error, "Another request opened this first"))?;
    #[derive(Deserialize)]
    struct Inserted {
        id: i64,
    }
    let inserted =
        results.first().map(|result| result.results::<Inserted>()).transpose().map_err(http::storage)?;
    inserted
        .and_then(|rows| rows.into_iter().next())
        .map(|row| row.id)
        .ok_or_else(|| http::internal("INSERT … RETURNING id returned no row"))
}

/// Names the ticket a read is about, as a bound parameter `?1`: by id, or by the hash of
/// its status link, so a status page reads everything in one batch without first asking
/// for the id.
#[derive(Debug, Clone)]
pub enum TicketKey {
    Id(i64),
    StatusLink(String),
    /// The incident of the latest alert with this key (`store::alerts`).
    Alert(String),
}

impl TicketKey {
    /// The condition on `tickets` (aliased `t`) that picks the ticket.
    fn condition(&self) -> &'static str {
        match self {
            TicketKey::Id(_) => "t.id = ?1",
            TicketKey::StatusLink(_) => "t.status_token_hash = ?1",
            TicketKey::Alert(_) => {
                "t.id = (SELECT ticket_id FROM alerts WHERE key = ?1 ORDER BY id DESC LIMIT 1)"
            }
        }
    }

    /// A SQL expression for the ticket's id, for reads of other tables.
    pub fn id_sql(&self) -> &'static str {
        match self {
            TicketKey::Id(_) => "?1",
            TicketKey::StatusLink(_) => "(SELECT id FROM tickets WHERE status_token_hash = ?1)",
            TicketKey::Alert(_) => "(SELECT ticket_id FROM alerts WHERE key = ?1 ORDER BY id DESC LIMIT 1)",
        }
    }
}

impl serde::Serialize for TicketKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            TicketKey::Id(id) => serializer.serialize_i64(*id),
            TicketKey::StatusLink(hash) | TicketKey::Alert(hash) => serializer.serialize_str(hash),
        }
    }
}

/// Adds a decision to `batch`: the event (whose UNIQUE (ticket, version) refuses a write
/// based on a stale version), the new projection, the notifications, a scheduled call and
/// the effects on linked tickets. Run it with [`lost_step`]: a lost race is a conflict.
pub fn apply_in(
    batch: &mut Batch,
    env: &Env,
    decision: &Decision,
    actor: &Actor,
    clocks: &Clocks,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let db = batch.db();
    let at = now.timestamp_millis();
    let state = &decision.state;
    let id = state.id;
    let mut statements = vec![event_statement(db, id, &decision.event, actor, at, Some(state.version))?];
    statements.push(projection_statement(db, state, at)?);
    let desk = mail::desk_language(env);
    for notice in &decision.notices {
        statements.extend(outbox::statements(db, TicketRef::Id(id), notice, desk, now)?);
    }
    if let Some(call) = &decision.call {
        statements.push(
            query!(
                db,
                "INSERT INTO calls (ticket_id, starts_at, minutes, channel, phone, link, note, scheduled_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                id,
                call.starts_at.timestamp_millis(),
                call.minutes,
                call.channel.as_str(),
                &call.phone,
                &call.link,
                &call.note,
                actor.name(),
                at
            )
            .map_err(http::storage)?,
        );
    }
    // Round robin counts new assignments only, not every later step on an assigned ticket.
    let newly_assigned = decision.event.details.changes.iter().any(|change| change.field == "assignee");
    if let (Some(assignee), true) = (&state.assignee, newly_assigned) {
        statements.push(
            query!(db, "UPDATE users SET last_assigned_at = ?2 WHERE id = ?1", assignee.id, at)
                .map_err(http::storage)?,
        );
    }
    statements.extend(linked_statements(db, state, &decision.linked, actor, at)?);
    let announced = webhook::step_events(&decision.event, actor.is_staff());
    statements.extend(webhooks::ticket_events(db, id, announced, &http::public_url(env), now)?);
    statements.extend(sla_projection(
        db,
        TicketRef::Id(id),
        state.version,
        &clocks.clocks,
        &clocks.progress,
        now,
    )?);
    batch.extend(statements);
    Ok(())
}

/// What a failed step's batch means: someone else stored a step on this version first.
pub fn lost_step(error: worker::Error) -> ApiError {
    lost_race(error, "Someone else changed this ticket first; review and retry")
}

/// A SQL list of the statuses in which someone still works on a ticket.
pub fn active_statuses() -> String {
    Status::ACTIVE.iter().map(|status| format!("'{}'", status.as_str())).collect::<Vec<_>>().join(", ")
}

/// A major incident's broadcast or resolution, applied to its open children set-wise.
/// A ticket linked to a major incident, as far as telling its readers it changed goes.
#[derive(Deserialize)]
pub struct LinkedTicket {
    pub id: i64,
    pub version: i64,
    customer_id: Option<i64>,
    organisation_id: Option<i64>,
}

impl LinkedTicket {
    pub fn owner(&self) -> TicketOwner {
        TicketOwner { customer_id: self.customer_id, organisation_id: self.organisation_id }
    }
}

/// The tickets linked to `major_id`, after a step on the major changed them too.
pub async fn linked_to(env: &Env, major_id: i64) -> Result<Vec<LinkedTicket>, ApiError> {
    let db = db(env)?;
    all::<LinkedTicket>(query!(
        &db,
        "SELECT id, version, customer_id, organisation_id FROM tickets WHERE major_id = ?1",
        major_id
    ))
    .await
}

/// What a major incident's step does to its open linked tickets: the reply or the
/// resolution `decide` gives the major, written to every child by statements whose number
/// does not grow with the children (each statement of a batch counts against D1's queries
/// per invocation, 50 on the Free plan), each child's event on its next version.
fn linked_statements(
    db: &D1Database,
    major: &TicketState,
    effect: &LinkedEffect,
    actor: &Actor,
    at: i64,
) -> Result<Vec<D1PreparedStatement>, ApiError> {
    let active = active_statuses();
    let mut statements = match effect {
        LinkedEffect::None => return Ok(Vec::new()),
        LinkedEffect::Broadcast(body) => {
            let data = serde_json::json!({ "text": body }).to_string();
            vec![query!(
                db,
                &format!(
                    "INSERT INTO ticket_events (ticket_id, kind, actor, actor_name, at, data)
                     SELECT id, 'reply', ?2, ?3, ?4, ?5 FROM tickets WHERE major_id = ?1 AND status IN ({active})"
                ),
                major.id,
                actor.label(),
                actor.name(),
                at,
                data
            )
            .map_err(http::storage)?]
        }
        LinkedEffect::Resolve(Resolution { code, notes }) => vec![
            query!(
                db,
                &format!(
                    "INSERT INTO ticket_events (ticket_id, kind, actor, actor_name, at, data, version)
                     SELECT id, 'resolved', ?2, ?3, ?4,
                            json_object('text', ?5, 'changes', json_array(
                                json_object('field', 'status', 'before', status, 'after', 'resolved'),
                                json_object('field', 'resolution', 'before', NULL, 'after', ?6))),
                            version + 1
                     FROM tickets WHERE major_id = ?1 AND status IN ({active})"
                ),
                major.id,
                actor.label(),
                actor.name(),
                at,
                notes,
                code.as_str()
            )
            .map_err(http::storage)?,
            query!(
                db,
                &format!(
                    "UPDATE tickets SET status = 'resolved', resolution_code = ?2, resolution_notes = ?3,
                            resolved_at = ?4, updated_at = ?4, version = version + 1
                     WHERE major_id = ?1 AND status IN ({active})"
                ),
                major.id,
                code.as_str(),
                notes,
                at
            )
            .map_err(http::storage)?,
        ],
    };
    // The children's clocks changed (answered, or stopped) but their projection (badge,
    // next step, metrics) is computed in Rust from each one's history: the sweep does that
    // within a minute when their next look is now.
    statements.push(
        query!(
            db,
            "UPDATE tickets SET sla_next_step_at = ?2 WHERE major_id = ?1 AND sla_next_step_at > ?2",
            major.id,
            at
        )
        .map_err(http::storage)?,
    );
    Ok(statements)
}

#[derive(Deserialize)]
struct TicketRow {
    id: i64,
    kind: String,
    status: String,
    title: String,
    description: String,
    symptoms: Option<String>,
    reporter_name: String,
    reporter_email: String,
    reporter_phone: Option<String>,
    reported_at: i64,
    customer_id: Option<i64>,
    organisation_id: Option<i64>,
    status_link_active: i64,
    channel: String,
    tier: String,
    assignee_id: Option<i64>,
    assignee_name: Option<String>,
    impact: Option<String>,
    urgency: Option<String>,
    priority: Option<String>,
    category_id: Option<i64>,
    category_name: Option<String>,
    affected_service: Option<String>,
    answers: String,
    is_major: i64,
    major_id: Option<i64>,
    resolution_code: Option<String>,
    resolution_notes: Option<String>,
    resolved_at: Option<i64>,
    closed_at: Option<i64>,
    first_response_at: Option<i64>,
    rating: Option<u8>,
    rating_comment: Option<String>,
    version: i64,
}

const TICKET_COLUMNS: &str =
    "SELECT t.id, t.kind, t.status, t.title, t.description, t.symptoms, t.reporter_name, t.reporter_email,
            t.reporter_phone, t.reported_at, t.customer_id, t.organisation_id,
            t.status_token_hash IS NOT NULL AS status_link_active, t.channel, t.tier, t.assignee_id,
            a.name AS assignee_name, t.impact, t.urgency, t.priority, t.category_id, c.name AS category_name,
            t.affected_service, t.answers, t.is_major, t.major_id, t.resolution_code, t.resolution_notes,
            t.resolved_at, t.closed_at, t.first_response_at, t.rating, t.rating_comment, t.version
     FROM tickets t
     LEFT JOIN users a ON a.id = t.assignee_id
     LEFT JOIN categories c ON c.id = t.category_id";

/// A ticket as stored: the full view (with its working state) and who owns it.
pub struct Stored {
    pub ticket: Ticket,
    pub state: TicketState,
    pub owner: TicketOwner,
}

fn stored(row: TicketRow, rules: &Rules) -> Result<Stored, ApiError> {
    let kind = parse_kind(&row.kind)?;
    let status = parse_status(&row.status)?;
    let millis = |value: Option<i64>| value.map(from_millis);
    let resolution =
        match (row.resolution_code.as_deref().and_then(ResolutionCode::parse), row.resolution_notes) {
            (Some(code), Some(notes)) => Some(Resolution { code, notes }),
            _ => None,
        };
    let rating = row.rating.map(|score| Rating { score, comment: row.rating_comment });
    let state = TicketState {
        id: row.id,
        kind,
        title: row.title.clone(),
        status,
        tier: Tier::parse(&row.tier).ok_or_else(|| http::internal("unknown tier in D1"))?,
        assignee: row.assignee_id.zip(row.assignee_name).map(|(id, name)| Named { id, name }),
        impact: row.impact.as_deref().and_then(Level::parse),
        urgency: row.urgency.as_deref().and_then(Level::parse),
        priority: row.priority.as_deref().and_then(Priority::parse),
        category: row.category_id.zip(row.category_name.clone()).map(|(id, name)| Named { id, name }),
        is_major: row.is_major == 1,
        major_id: row.major_id,
        resolution,
        resolved_at: millis(row.resolved_at),
        closed_at: millis(row.closed_at),
        first_response_at: millis(row.first_response_at),
        rating,
        version: row.version,
    };
    let owner = TicketOwner { customer_id: row.customer_id, organisation_id: row.organisation_id };
    let ticket = Ticket {
        id: row.id,
        public: PublicTicket {
            number: ticket_number(kind, row.id),
            kind,
            status,
            title: row.title,
            description: row.description,
            symptoms: row.symptoms,
            reported_at: from_millis(row.reported_at),
            priority: state.priority,
            category: row.category_name,
            resolution: state.resolution.clone(),
            resolved_at: state.resolved_at,
            closes_at: (status == Status::Resolved)
                .then_some(state.resolved_at)
                .flatten()
                .map(|at| rules.closes_at(at)),
            rating: state.rating.clone(),
            version: state.version,
        },
        reporter: Reporter { name: row.reporter_name, email: row.reporter_email, phone: row.reporter_phone },
        status_link_active: row.status_link_active == 1,
        channel: Channel::parse(&row.channel).unwrap_or(Channel::Portal),
        affected_service: row.affected_service,
        answers: serde_json::from_str(&row.answers).unwrap_or_default(),
        work: Some(state.clone()),
        linked: Vec::new(),
        alert: None,
        breach_cases: Vec::new(),
    };
    Ok(Stored { ticket, state, owner })
}

/// Several tickets at once (ids are integers, so listing them in the SQL is safe).
pub async fn by_ids(env: &Env, ids: &[i64], rules: &Rules) -> Result<Vec<Stored>, ApiError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let db = db(env)?;
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let rows = all::<TicketRow>(Ok(db.prepare(format!("{TICKET_COLUMNS} WHERE t.id IN ({list})")))).await?;
    rows.into_iter().map(|row| stored(row, rules)).collect()
}

/// The ticket `key` names, read in `batch`, and the process rules that shape it (when a
/// resolved ticket closes), which may be read in the same batch.
pub fn by_key_in(
    batch: &mut Batch,
    key: &TicketKey,
    rules: Pending<Rules>,
) -> Result<Pending<(Option<Stored>, Rules)>, ApiError> {
    let statement = query!(batch.db(), &format!("{TICKET_COLUMNS} WHERE {}", key.condition()), key);
    shaped_in(batch, statement, rules)
}

/// The ticket a statement selects (with `TICKET_COLUMNS`), shaped by `rules`.
fn shaped_in(
    batch: &mut Batch,
    statement: worker::Result<D1PreparedStatement>,
    rules: Pending<Rules>,
) -> Result<Pending<(Option<Stored>, Rules)>, ApiError> {
    let ticket = batch.read(statement, |rows: Vec<TicketRow>| Ok(rows.into_iter().next()))?;
    Ok(rules.and(ticket).map(|(rules, row)| Ok((row.map(|row| stored(row, &rules)).transpose()?, rules))))
}

/// The ticket `key` names and the process rules, both read in `batch`.
pub fn with_rules_in(
    batch: &mut Batch,
    key: &TicketKey,
) -> Result<Pending<(Option<Stored>, Rules)>, ApiError> {
    let rules = super::settings::rules_in(batch)?.map(|(rules, _)| Ok(rules));
    by_key_in(batch, key, rules)
}

/// Ticket `id` and the process rules, in one round trip.
pub async fn by_id(env: &Env, id: i64) -> Result<(Option<Stored>, Rules), ApiError> {
    Batch::one(env, |batch| with_rules_in(batch, &TicketKey::Id(id))).await
}

/// Revokes the ticket's status link and records who did it, in one batch. Revoking a
/// revoked link changes nothing and records nothing.
pub async fn revoke_status_link(
    env: &Env,
    id: i64,
    actor_label: &str,
    actor_name: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let db = db(env)?;
    let at = now.timestamp_millis();
    let event = query!(
        &db,
        "INSERT INTO ticket_events (ticket_id, kind, actor, actor_name, at, data, version)
         SELECT id, 'status_link_revoked', ?2, ?3, ?4, '{}', version + 1
         FROM tickets WHERE id = ?1 AND status_token_hash IS NOT NULL",
        id,
        actor_label,
        actor_name,
        at
    )
    .map_err(http::storage)?;
    let revoke = query!(
        &db,
        "UPDATE tickets SET status_token_hash = NULL, updated_at = ?2, version = version + 1
         WHERE id = ?1 AND status_token_hash IS NOT NULL",
        id,
        at
    )
    .map_err(http::storage)?;
    super::send_batch(&db, vec![event, revoke]).await.map_err(http::storage)?;
    Ok(())
}

pub(super) fn parse_kind(text: &str) -> Result<TicketKind, ApiError> {
    TicketKind::parse(text).ok_or_else(|| http::internal(format!("unknown ticket kind {text:?} in D1")))
}

pub(super) fn parse_status(text: &str) -> Result<Status, ApiError> {
    Status::parse(text).ok_or_else(|| http::internal(format!("unknown status {text:?} in D1")))
}

/// Closes every resolved ticket whose reopen window ended by `now`, recording a `closed`
/// event for each in the same batch. Returns how many closed.
pub async fn close_expired(env: &Env, rules: &Rules, now: DateTime<Utc>) -> Result<usize, ApiError> {
    let db = db(env)?;
    let cutoff = (now - chrono::Duration::days(rules.reopen_days)).timestamp_millis();
    let at = now.timestamp_millis();
    let event = edgedesk_domain::workflow::auto_close_event();
    let data = serde_json::to_string(&event.details).map_err(http::internal)?;
    let record = query!(
        &db,
        "INSERT INTO ticket_events (ticket_id, kind, actor, actor_name, at, data, version)
         SELECT id, ?1, 'system', 'Edgedesk', ?2, ?3, version + 1
         FROM tickets WHERE status = 'resolved' AND resolved_at <= ?4",
        event.kind.as_str(),
        at,
        data,
        cutoff
    )
    .map_err(http::storage)?;
    let close = query!(
        &db,
        "UPDATE tickets SET status = 'closed', closed_at = ?1, updated_at = ?1, version = version + 1
         WHERE status = 'resolved' AND resolved_at <= ?2",
        at,
        cutoff
    )
    .map_err(http::storage)?;
    let announce = webhooks::ticket_event(
        &db,
        About::ClosedAt(at),
        WebhookEvent::TicketClosed,
        &serde_json::json!({ "automatic": true }),
        &http::public_url(env),
        now,
    )?;
    let results = super::send_batch(&db, vec![record, close, announce]).await.map_err(http::storage)?;
    let closed = results.get(1).and_then(|result| result.meta().ok().flatten()).and_then(|meta| meta.changes);
    Ok(closed.unwrap_or(0))
}
