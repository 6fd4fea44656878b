//! Data-breach cases: the case as one versioned value, its incidents and members, the
//! history of every read and change, the append-only register and the clock's steps.

use chrono::{DateTime, Utc};
use edgedesk_domain::breach::{
    case_number, BreachCase, BreachState, BreachSummary, HistoryEntry, LinkedIncident, Member, RegisterEntry,
    NOTIFY_WITHIN_HOURS,
};
use edgedesk_domain::message::Message;
use edgedesk_domain::ticket::{ticket_number, TicketKind};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, D1Database, D1PreparedStatement, Env};

use super::batch::{Batch, Pending};
use super::{all, db, first, lost_race, outbox};
use crate::clock::from_millis;
use crate::http;

/// The newest case's id, inside the batch that inserted it (a batch is one transaction).
const NEW_CASE: &str = "(SELECT MAX(id) FROM breach_cases)";

/// A stored case, with what the caller may do with it.
pub struct Loaded {
    pub state: BreachState,
    pub version: i64,
    /// The clock's steps already recorded (hours).
    pub steps: Vec<i64>,
    pub lead: bool,
    pub member: bool,
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(http::internal)
}

fn json(value: &impl serde::Serialize) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(http::internal)
}

/// Whether the account is the privacy lead.
pub async fn is_lead(env: &Env, user_id: i64) -> Result<bool, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        privacy_lead: i64,
    }
    let db = db(env)?;
    let row: Option<Row> =
        first(query!(&db, "SELECT privacy_lead FROM users WHERE id = ?1", user_id)).await?;
    Ok(row.is_some_and(|row| row.privacy_lead == 1))
}

/// The case and the caller's standing towards it; `None` when there is no such case.
pub async fn load(env: &Env, case_id: i64, user_id: i64) -> Result<Option<Loaded>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        state: String,
        version: i64,
        lead: Option<i64>,
        member: i64,
        steps: String,
    }
    let db = db(env)?;
    let row: Option<Row> = first(query!(
        &db,
        "SELECT c.state, c.version, (SELECT privacy_lead FROM users WHERE id = ?2) AS lead,
                EXISTS (SELECT 1 FROM breach_members m WHERE m.case_id = c.id AND m.user_id = ?2) AS member,
                (SELECT json_group_array(hours) FROM breach_steps s WHERE s.case_id = c.id) AS steps
         FROM breach_cases c WHERE c.id = ?1",
        case_id,
        user_id
    ))
    .await?;
    row.map(|row| {
        Ok(Loaded {
            state: parse(&row.state)?,
            version: row.version,
            steps: parse(&row.steps)?,
            lead: row.lead == Some(1),
            member: row.member == 1,
        })
    })
    .transpose()
}

fn history(
    db: &D1Database,
    case: &str,
    actor: &str,
    action: &str,
    now: DateTime<Utc>,
) -> worker::Result<D1PreparedStatement> {
    query!(
        db,
        &format!("INSERT INTO breach_history (case_id, at, actor, action) VALUES ({case}, ?1, ?2, ?3)"),
        now.timestamp_millis(),
        actor,
        action
    )
}

fn register(
    db: &D1Database,
    case: &str,
    version: i64,
    state: &BreachState,
    actor: &str,
    change: &str,
    now: DateTime<Utc>,
) -> Result<D1PreparedStatement, ApiError> {
    let facts = json(&state.register_entry())?;
    query!(
        db,
        &format!(
            "INSERT INTO breach_register (case_id, version, recorded_at, recorded_by, change, facts)
             VALUES ({case}, ?1, ?2, ?3, ?4, ?5)"
        ),
        version,
        now.timestamp_millis(),
        actor,
        change,
        facts
    )
    .map_err(http::storage)
}

/// Stores a new case opened by `opener` (who becomes its first member) with the incidents
/// that exist among `incident_ids`; its id.
pub async fn create(
    env: &Env,
    state: &BreachState,
    incident_ids: &[i64],
    opener: i64,
    now: DateTime<Utc>,
) -> Result<i64, ApiError> {
    #[derive(Deserialize)]
    struct Id {
        id: i64,
    }
    let mut batch = Batch::new(env)?;
    let db = batch.db();
    let next_step = state.next_step_at(&[]).map(|at| at.timestamp_millis());
    let (stored, incidents) = (json(state)?, json(&incident_ids)?);
    let statements = vec![
        query!(
            db,
            "INSERT INTO breach_cases (state, version, aware_at, next_step_at) VALUES (?1, 1, ?2, ?3)",
            stored,
            state.aware_at.timestamp_millis(),
            next_step
        )
        .map_err(http::storage)?,
        query!(
            db,
            &format!("INSERT INTO breach_members (case_id, user_id, invited_at) VALUES ({NEW_CASE}, ?1, ?2)"),
            opener,
            now.timestamp_millis()
        )
        .map_err(http::storage)?,
        query!(
            db,
            &format!(
                "INSERT INTO breach_incidents (case_id, ticket_id)
                 SELECT {NEW_CASE}, id FROM tickets WHERE id IN (SELECT value FROM json_each(?1))"
            ),
            incidents
        )
        .map_err(http::storage)?,
        history(db, NEW_CASE, &state.opened_by, "opened", now).map_err(http::storage)?,
        register(db, NEW_CASE, 1, state, &state.opened_by, "opened", now)?,
    ];
    batch.extend(statements);
    let newest = batch.db().prepare(format!("SELECT {NEW_CASE} AS id"));
    let id = batch.read(Ok(newest), |rows: Vec<Id>| {
        rows.first().map(|row| row.id).ok_or_else(|| http::internal("no case id"))
    })?;
    id.take(&batch.run().await?)
}

/// The tickets among `ids` that exist.
pub async fn existing_tickets(env: &Env, ids: &[i64]) -> Result<Vec<i64>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
    }
    let db = db(env)?;
    let ids = json(&ids)?;
    let rows: Vec<Row> =
        all(query!(&db, "SELECT id FROM tickets WHERE id IN (SELECT value FROM json_each(?1))", ids)).await?;
    Ok(rows.into_iter().map(|row| row.id).collect())
}

/// Stores `next` as the version after `loaded`'s, with its history and register entry; a
/// version conflict when another change was stored first (the register's one entry per
/// version refuses the second, and the whole batch with it).
pub async fn save(
    env: &Env,
    case_id: i64,
    loaded: &Loaded,
    next: &BreachState,
    actor: &str,
    change: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let mut batch = Batch::new(env)?;
    let db = batch.db();
    let (case, stored, version) = (case_id.to_string(), json(next)?, loaded.version);
    let statements = vec![
        query!(
            db,
            "UPDATE breach_cases SET state = ?2, version = ?3 + 1, aware_at = ?4, closed_at = ?5, next_step_at = ?6
             WHERE id = ?1 AND version = ?3",
            case_id,
            stored,
            version,
            next.aware_at.timestamp_millis(),
            next.closed_at.map(|at| at.timestamp_millis()),
            next.next_step_at(&loaded.steps).map(|at| at.timestamp_millis())
        )
        .map_err(http::storage)?,
        register(db, &case, version + 1, next, actor, change, now)?,
        history(db, &case, actor, change, now).map_err(http::storage)?,
    ];
    batch.extend(statements);
    batch.run_or(|error| lost_race(error, "Someone changed this case meanwhile; look again")).await?;
    Ok(())
}

/// The case as its reader sees it; the read itself goes into its history first.
pub async fn view(env: &Env, case_id: i64, actor: &str, now: DateTime<Utc>) -> Result<BreachCase, ApiError> {
    #[derive(Deserialize)]
    struct CaseRow {
        state: String,
        version: i64,
    }
    #[derive(Deserialize)]
    struct IncidentRow {
        id: i64,
        kind: String,
        title: String,
    }
    #[derive(Deserialize)]
    struct MemberRow {
        id: i64,
        name: String,
    }
    #[derive(Deserialize)]
    struct HistoryRow {
        at: i64,
        actor: String,
        action: String,
    }
    let mut batch = Batch::new(env)?;
    let viewed = history(batch.db(), &case_id.to_string(), actor, "viewed", now).map_err(http::storage)?;
    batch.extend([viewed]);
    let case = batch.read(
        query!(batch.db(), "SELECT state, version FROM breach_cases WHERE id = ?1", case_id),
        |rows: Vec<CaseRow>| rows.into_iter().next().ok_or_else(|| ApiError::not_found("Breach case")),
    )?;
    let incidents = batch.read(
        query!(
            batch.db(),
            "SELECT t.id, t.kind, t.title FROM breach_incidents b JOIN tickets t ON t.id = b.ticket_id
             WHERE b.case_id = ?1 ORDER BY t.id",
            case_id
        ),
        |rows: Vec<IncidentRow>| {
            Ok(rows
                .into_iter()
                .map(|row| LinkedIncident {
                    number: ticket_number(
                        TicketKind::parse(&row.kind).unwrap_or(TicketKind::Incident),
                        row.id,
                    ),
                    ticket_id: row.id,
                    title: row.title,
                })
                .collect::<Vec<_>>())
        },
    )?;
    let members = batch.read(
        query!(
            batch.db(),
            "SELECT u.id, u.name FROM breach_members m JOIN users u ON u.id = m.user_id
             WHERE m.case_id = ?1 ORDER BY m.invited_at",
            case_id
        ),
        |rows: Vec<MemberRow>| {
            Ok(rows.into_iter().map(|row| Member { user_id: row.id, name: row.name }).collect::<Vec<_>>())
        },
    )?;
    let entries = batch.read(
        query!(
            batch.db(),
            "SELECT at, actor, action FROM breach_history WHERE case_id = ?1 ORDER BY id DESC LIMIT 200",
            case_id
        ),
        |rows: Vec<HistoryRow>| {
            Ok(rows
                .into_iter()
                .map(|row| HistoryEntry { at: from_millis(row.at), actor: row.actor, action: row.action })
                .collect::<Vec<_>>())
        },
    )?;
    let found = batch.run().await?;
    let row = case.take(&found)?;
    let state: BreachState = parse(&row.state)?;
    Ok(BreachCase {
        id: case_id,
        number: case_number(case_id),
        version: row.version,
        deadline: state.deadline(),
        missing_for_close: state.missing_for_close().into_iter().map(str::to_string).collect(),
        state,
        incidents: incidents.take(&found)?,
        members: members.take(&found)?,
        history: entries.take(&found)?,
    })
}

/// The cases the caller may see: all for the privacy lead, else those they were invited
/// onto; open ones first, the nearest deadline first.
pub async fn list(env: &Env, user_id: i64, lead: bool) -> Result<Vec<BreachSummary>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        state: String,
    }
    let db = db(env)?;
    let rows: Vec<Row> = all(query!(
        &db,
        "SELECT id, state FROM breach_cases c
         WHERE ?2 = 1 OR EXISTS (SELECT 1 FROM breach_members m WHERE m.case_id = c.id AND m.user_id = ?1)
         ORDER BY closed_at IS NOT NULL, aware_at, id LIMIT 200",
        user_id,
        i64::from(lead)
    ))
    .await?;
    rows.into_iter().map(|row| Ok(BreachSummary::of(row.id, &parse(&row.state)?))).collect()
}

/// Invites the active staff account with `email` onto the case; false when there is none.
pub async fn invite(
    env: &Env,
    case_id: i64,
    email: &str,
    by: (i64, &str),
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        name: String,
    }
    let mut batch = Batch::new(env)?;
    let staff = "FROM users WHERE email = ?1 AND role <> 'customer' AND active = 1";
    let found = batch.read(
        query!(batch.db(), &format!("SELECT name {staff}"), email.to_lowercase()),
        |rows: Vec<Row>| Ok(rows.into_iter().next().map(|row| row.name)),
    )?;
    let db = batch.db();
    let statements = [
        query!(
            db,
            &format!(
                "INSERT INTO breach_members (case_id, user_id, invited_by, invited_at)
                 SELECT ?2, id, ?3, ?4 {staff} ON CONFLICT DO NOTHING"
            ),
            email.to_lowercase(),
            case_id,
            by.0,
            now.timestamp_millis()
        )
        .map_err(http::storage)?,
        query!(
            db,
            &format!(
                "INSERT INTO breach_history (case_id, at, actor, action)
                 SELECT ?2, ?3, ?4, 'member_invited:' || name {staff}"
            ),
            email.to_lowercase(),
            case_id,
            now.timestamp_millis(),
            by.1
        )
        .map_err(http::storage)?,
    ];
    batch.extend(statements);
    Ok(found.take(&batch.run().await?)?.is_some())
}

/// Links an existing ticket to the case; false when there is no such ticket.
pub async fn link(
    env: &Env,
    case_id: i64,
    ticket_id: i64,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    if existing_tickets(env, &[ticket_id]).await?.is_empty() {
        return Ok(false);
    }
    let mut batch = Batch::new(env)?;
    let db = batch.db();
    let statements = [
        query!(
            db,
            "INSERT INTO breach_incidents (case_id, ticket_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            case_id,
            ticket_id
        )
        .map_err(http::storage)?,
        history(db, &case_id.to_string(), actor, &format!("incident_linked:{ticket_id}"), now)
            .map_err(http::storage)?,
    ];
    batch.extend(statements);
    batch.run().await?;
    Ok(true)
}

/// The breach cases a ticket is linked to, by id: staff learn only that they exist (the
/// cases themselves are need-to-know).
pub fn of_ticket_in(batch: &mut Batch, ticket_id: i64) -> Result<Pending<Vec<i64>>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        case_id: i64,
    }
    let statement = query!(
        batch.db(),
        "SELECT case_id FROM breach_incidents WHERE ticket_id = ?1 ORDER BY case_id",
        ticket_id
    );
    batch.read(statement, |rows: Vec<Row>| Ok(rows.into_iter().map(|row| row.case_id).collect()))
}

/// The register's entries recorded in `[from, to)`, oldest first.
pub async fn register_between(
    env: &Env,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<RegisterEntry>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        case_id: i64,
        recorded_at: i64,
        recorded_by: String,
        change: String,
        facts: String,
    }
    let db = db(env)?;
    let rows: Vec<Row> = all(query!(
        &db,
        "SELECT id, case_id, recorded_at, recorded_by, change, facts FROM breach_register
         WHERE recorded_at >= ?1 AND recorded_at < ?2 ORDER BY recorded_at, id LIMIT 10000",
        from.timestamp_millis(),
        to.timestamp_millis()
    ))
    .await?;
    rows.into_iter()
        .map(|row| {
            Ok(RegisterEntry {
                id: row.id,
                case_id: row.case_id,
                case_number: case_number(row.case_id),
                recorded_at: from_millis(row.recorded_at),
                recorded_by: row.recorded_by,
                change: row.change,
                facts: parse(&row.facts)?,
            })
        })
        .collect()
}

/// A case whose clock has a step due.
pub struct Due {
    pub id: i64,
    pub state: BreachState,
    pub steps: Vec<i64>,
}

/// Cases with a step due by `now` (the sweep walks only this index).
pub async fn due(env: &Env, now: DateTime<Utc>) -> Result<Vec<Due>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        state: String,
        steps: String,
    }
    let db = db(env)?;
    let rows: Vec<Row> = all(query!(
        &db,
        "SELECT c.id, c.state, (SELECT json_group_array(hours) FROM breach_steps s WHERE s.case_id = c.id) AS steps
         FROM breach_cases c WHERE c.next_step_at <= ?1 ORDER BY c.next_step_at LIMIT 50",
        now.timestamp_millis()
    ))
    .await?;
    rows.into_iter()
        .map(|row| Ok(Due { id: row.id, state: parse(&row.state)?, steps: parse(&row.steps)? }))
        .collect()
}

/// Records the steps `reached` of a case's clock, once each (another run recording one of
/// them first fails this whole batch), moves its next step, and tells the privacy leads and
/// supervisors of the latest: the case number and the hours only, since the case itself is
/// need-to-know. False when another run was first.
pub async fn record_steps(
    env: &Env,
    due: &Due,
    reached: &[i64],
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    let mut batch = Batch::new(env)?;
    let db = batch.db();
    let mut recorded = due.steps.clone();
    recorded.extend_from_slice(reached);
    let mut statements = Vec::new();
    for hours in reached {
        statements.push(
            query!(
                db,
                "INSERT INTO breach_steps (case_id, hours, recorded_at) VALUES (?1, ?2, ?3)",
                due.id,
                hours,
                now.timestamp_millis()
            )
            .map_err(http::storage)?,
        );
        statements.push(
            history(db, &due.id.to_string(), "sweep", &format!("clock_{hours}h"), now)
                .map_err(http::storage)?,
        );
    }
    statements.push(
        query!(
            db,
            "UPDATE breach_cases SET next_step_at = ?2 WHERE id = ?1",
            due.id,
            due.state.next_step_at(&recorded).map(|at| at.timestamp_millis())
        )
        .map_err(http::storage)?,
    );
    if let Some(&latest) = reached.last() {
        let message = Message::BreachClock {
            case: case_number(due.id),
            hours: latest,
            deadline: due.state.deadline(),
            link: format!("{}/breaches/{}", http::public_url(env), due.id),
        };
        statements.push(watchers(db, &message, latest >= NOTIFY_WITHIN_HOURS, now)?);
    }
    batch.extend(statements);
    match batch.run_or(|error| lost_race(error, "recorded by another run")).await {
        Ok(_) => Ok(true),
        Err(error) if error.code == edgedesk_domain::ErrorCode::VersionConflict => Ok(false),
        Err(error) => Err(error),
    }
}

/// Queues `message` to every active privacy lead and supervisor (and admin, when the clock
/// ran out: the escalation), each in their language.
fn watchers(
    db: &D1Database,
    message: &Message,
    escalate: bool,
    now: DateTime<Utc>,
) -> Result<D1PreparedStatement, ApiError> {
    let condition = "privacy_lead = 1 OR role = 'supervisor' OR (?4 = 'escalate' AND role = 'admin')";
    outbox::to_accounts(db, message, condition, if escalate { "escalate" } else { "warn" }, now)
        .map_err(http::storage)
}
