//! `POST /api/alerts`: monitoring opens, counts, reopens and resolves incidents.

use edgedesk_domain::alert::{self, AlertAction, AlertPolicy, Outcome, Signal, Storm};
use edgedesk_domain::auth::Principal;
use edgedesk_domain::policy::{self, TicketOwner};
use edgedesk_domain::sla::SlaSettings;
use edgedesk_domain::ticket::{Channel, TicketKind, ValidTicket};
use edgedesk_domain::webhook::WebhookEvent;
use edgedesk_domain::workflow::{
    self, ActionRequest, Actor, Command, EventDetails, EventKind, NewEvent, ResolutionCode,
};
use edgedesk_domain::{ApiError, ErrorCode};
use serde::Serialize;
use worker::{D1PreparedStatement, Request};

use super::tickets::{perform, start_in, Start};
use crate::http::{self, Reply};
use crate::live;
use crate::routes::Ctx;
use crate::sla::{self, Subject};
use crate::store::alerts::{self, Latest};
use crate::store::batch::{Batch, Pending};
use crate::store::statements::event_statement;
use crate::store::tickets::{Opening, TicketKey};
use crate::{auth, crypto, store};

/// How often a signal is routed again after losing a race to a concurrent one (the loser
/// of "who opens the incident" counts as a repeat on its second go).
const ATTEMPTS: usize = 5;

/// PagerDuty's answer, which senders check, with what each alert became.
#[derive(Serialize)]
struct Receipt {
    status: &'static str,
    message: &'static str,
    dedup_key: String,
    results: Vec<Routed>,
}

#[derive(Serialize)]
struct Routed {
    dedup_key: String,
    outcome: Outcome,
    ticket_id: Option<i64>,
}

/// Takes a PagerDuty Events API v2 event or an Alertmanager webhook, authorised by an API
/// token with `alerts:write` in `Authorization: Bearer` or, for senders that can only set a
/// routing key, as `routing_key`. 202 with the dedup key, as PagerDuty answers.
pub async fn receive(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let body = http::read_object(req).await?;
    let principal = match ctx.principal() {
        Some(principal) => principal.clone(),
        None => by_routing_key(ctx, &body).await?,
    };
    let grant = policy::send_alerts(Some(&principal))?;
    let signals = alert::read(&body, &crypto::random_token()?[..32])?;
    let actor = Actor::Monitoring { token_id: grant.token_id, name: principal.name.clone() };
    let mut results = Vec::with_capacity(signals.len());
    for signal in &signals {
        let (outcome, ticket_id) = route(ctx, &actor, grant.token_id, signal).await?;
        if outcome != Outcome::Repeated {
            announce(ctx, signal.announcement(&principal.name, outcome, ticket_id));
        }
        results.push(Routed { dedup_key: signal.dedup_key.clone(), outcome, ticket_id });
    }
    let dedup_key = signals.first().map(|signal| signal.dedup_key.clone()).unwrap_or_default();
    http::json(202, &Receipt { status: "success", message: "Event processed", dedup_key, results })
}

/// Queues `alert.received` for the subscriptions that hear it, after the answer is sent
/// (the alert is stored either way; a failure here is logged). Repeats queue theirs in
/// the batch that counts them.
fn announce(ctx: &Ctx<'_>, data: serde_json::Value) {
    let (env, now) = (ctx.env.clone(), ctx.now);
    ctx.background.wait_until(async move {
        let queued = async {
            let db = store::db(&env)?;
            let statement = store::webhooks::event(&db, WebhookEvent::AlertReceived, &data, now)?;
            store::send_batch(&db, vec![statement]).await.map_err(http::storage)
        };
        if let Err(error) = queued.await {
            worker::console_error!("could not queue alert.received: {}", error.message);
        }
    });
}

/// The token a PagerDuty-style sender names as its routing key (its use recorded like a
/// bearer token's).
async fn by_routing_key(ctx: &Ctx<'_>, body: &serde_json::Value) -> Result<Principal, ApiError> {
    let key = alert::routing_key(body)
        .ok_or_else(|| ApiError::new(ErrorCode::Unauthenticated, "Send an API token with alerts:write"))?;
    let (principal, touch) = auth::token_caller(ctx.env, key, ctx.now).await?;
    if let Some(touch) = touch {
        let (env, now) = (ctx.env.clone(), ctx.now);
        ctx.background.wait_until(async move { touch.record(&env, now).await });
    }
    Ok(principal)
}

/// What one signal does, stored; tried again when it loses a race.
async fn route(
    ctx: &Ctx<'_>,
    actor: &Actor,
    token_id: i64,
    signal: &Signal,
) -> Result<(Outcome, Option<i64>), ApiError> {
    let key = alerts::key(token_id, &signal.dedup_key);
    let mut attempt = 1;
    loop {
        match route_once(ctx, actor, token_id, &key, signal).await {
            Err(error) if error.code == ErrorCode::VersionConflict && attempt < ATTEMPTS => attempt += 1,
            outcome => return outcome,
        }
    }
}

async fn route_once(
    ctx: &Ctx<'_>,
    actor: &Actor,
    token_id: i64,
    key: &str,
    signal: &Signal,
) -> Result<(Outcome, Option<i64>), ApiError> {
    // The common case first, in one round trip: a repeat of an open alert (its
    // `alert.received` is queued in the same batch).
    match signal.action {
        AlertAction::Trigger => {
            if let Some(ticket_id) = alerts::count_repeat(ctx.env, key, signal, actor.name(), ctx.now).await?
            {
                return Ok((Outcome::Repeated, Some(ticket_id)));
            }
        }
        AlertAction::Acknowledge => {
            let ticket_id = alerts::acknowledge(ctx.env, key, ctx.now).await?;
            return Ok((ticket_id.map_or(Outcome::Ignored, |_| Outcome::Acknowledged), ticket_id));
        }
        AlertAction::Resolve => {}
    }
    let mut batch = Batch::new(ctx.env)?;
    let policy = store::settings::alert_policy_in(&mut batch)?;
    let own_policy = store::alert_integrations::own_in(&mut batch, token_id)?;
    let latest = alerts::latest_in(&mut batch, key, &actor.label())?;
    let start = start_in(&mut batch, &TicketKey::Alert(key.to_string()), None)?;
    let sla_settings = store::settings::sla_in(&mut batch)?;
    let found = batch.run().await?;
    let policy = policy.take(&found)?.0.for_integration(own_policy.take(&found)?.as_ref());
    let latest = latest.take(&found)?;
    let outcome = alert::route(signal.action, latest.as_ref().map(|l| &l.known), &policy, ctx.now);
    let ticket_id = latest.as_ref().map(|latest| latest.known.ticket_id);
    match (outcome, latest) {
        (Outcome::Opened, _) => {
            let (sla_settings, _) = sla_settings.take(&found)?;
            let id = open(ctx, actor, token_id, key, signal, &policy, &sla_settings).await?;
            if let Some(service) = &signal.component {
                // Read after the incident is stored, so of alerts arriving together at
                // least the last to be stored sees them all.
                let since = ctx.now - policy.storm_within();
                let storm = Batch::one(ctx.env, |batch| alerts::storm_in(batch, service, since)).await?;
                let others: Vec<i64> = storm.recent.into_iter().filter(|other| *other != id).collect();
                let storm = alert::storm(storm.major, &others, &policy);
                group(ctx, actor, id, service, storm, &policy).await?;
                if policy.tells_customers(signal.severity) {
                    let notice = alert::disruption_notice(service);
                    alerts::tell_customers(ctx.env, service, id, &notice, ctx.now).await?;
                }
            }
            Ok((outcome, Some(id)))
        }
        (Outcome::Reopened, Some(latest)) => {
            let command = Command::Reopen { reason: signal.summary.clone() };
            let alert_id = latest.alert_id;
            step(ctx, start.take(&found)?, actor, command, move |batch| {
                Ok(vec![alerts::reopened_statement(batch.db(), alert_id, signal, ctx.now)?])
            })
            .await?;
            Ok((outcome, ticket_id))
        }
        (Outcome::Resolved, Some(latest)) => {
            let command = Command::Resolve {
                code: ResolutionCode::ResolvedByMonitoring,
                notes: latest.summary.clone(),
                resolve_linked: false,
            };
            let alert_id = latest.alert_id;
            step(ctx, start.take(&found)?, actor, command, move |batch| {
                Ok(vec![alerts::resolved_statement(batch.db(), alert_id, ctx.now)?])
            })
            .await?;
            Ok((outcome, ticket_id))
        }
        (Outcome::RecoveryNoted, Some(latest)) => {
            note_recovery(ctx, actor, &latest, start.take(&found)?).await?;
            Ok((outcome, ticket_id))
        }
        // A trigger that found its alert open after all (opened since the count): count it.
        (Outcome::Repeated, _) => {
            Err(ApiError::new(ErrorCode::VersionConflict, "The alert opened meanwhile"))
        }
        // Nothing to do, or nothing to do it to (acknowledgements were stored above).
        _ => Ok((Outcome::Ignored, None)),
    }
}

/// A new incident for `signal`, with its alert row, in one batch.
async fn open(
    ctx: &Ctx<'_>,
    actor: &Actor,
    token_id: i64,
    key: &str,
    signal: &Signal,
    policy: &AlertPolicy,
    sla_settings: &SlaSettings,
) -> Result<i64, ApiError> {
    let ticket = ValidTicket {
        name: actor.name().to_string(),
        email: String::new(),
        title: signal.title(),
        description: signal.description(),
        phone: None,
        symptoms: None,
        kind: TicketKind::Incident,
        affected_service: signal.component.clone(),
        people_affected: None,
        work_impact: None,
    };
    let priority = policy.priority(signal.severity);
    let (state, notices) = workflow::open_alert(&ticket, priority);
    let owner = TicketOwner { customer_id: None, organisation_id: None };
    let subject = Subject { priority: state.priority, category_id: None, organisation_id: None };
    let clocks = sla::for_new_ticket(sla_settings, subject, ctx.now);
    // Nobody holds the link; a status page needs one all the same.
    let status_token_hash = crypto::sha256_hex(&crypto::random_token()?).await?;
    let opening = Opening {
        state: &state,
        owner,
        category_id: None,
        answers: &[],
        affected_service: signal.component.as_deref(),
        channel: Channel::Alert,
        actor,
        status_token_hash: &status_token_hash,
        notices: &notices,
        clocks: &clocks,
        language: Default::default(),
    };
    let row = alerts::opened_statement(&store::db(ctx.env)?, key, token_id, signal, ctx.now)?;
    let id = store::tickets::insert(ctx.env, &ticket, opening, ctx.now, vec![row]).await?;
    live::ticket_changed(ctx, id, state.version, owner);
    Ok(id)
}

/// A process step by the monitoring, stored with the alert's own change in one batch.
async fn step(
    ctx: &Ctx<'_>,
    start: Start,
    actor: &Actor,
    command: Command,
    also: impl Fn(&Batch) -> Result<Vec<D1PreparedStatement>, ApiError>,
) -> Result<(), ApiError> {
    let version = start.stored.as_ref().map(|stored| stored.state.version);
    let request = ActionRequest { version, command };
    let page = |batch: &mut Batch, _, _, _| {
        let statements = also(batch)?;
        batch.extend(statements);
        Ok(Pending::ready(()))
    };
    perform(ctx, start, actor, &request, page).await
}

/// A step by the monitoring on ticket `id`, read fresh (with the records it names).
async fn step_on(
    ctx: &Ctx<'_>,
    actor: &Actor,
    id: i64,
    command: Command,
    also: impl Fn(&Batch) -> Result<Vec<D1PreparedStatement>, ApiError>,
) -> Result<(), ApiError> {
    let start = Batch::one(ctx.env, |batch| start_in(batch, &TicketKey::Id(id), Some(&command))).await?;
    step(ctx, start, actor, command, also).await
}

/// Puts the new incident `id` into its service's storm, if there is one.
async fn group(
    ctx: &Ctx<'_>,
    actor: &Actor,
    id: i64,
    service: &str,
    storm: Storm,
    policy: &AlertPolicy,
) -> Result<(), ApiError> {
    match storm {
        Storm::Calm => Ok(()),
        Storm::Join { major_id } => link(ctx, actor, id, major_id).await,
        Storm::Declare { link: others } => {
            let declared = step_on(ctx, actor, id, Command::MarkMajor, |batch| {
                alerts::storm_declared_statements(batch.db(), service, id, ctx.now)
            })
            .await;
            match declared {
                Ok(()) => {
                    // And those opened while this one was being declared.
                    let since = ctx.now - policy.storm_within();
                    let now = Batch::one(ctx.env, |batch| alerts::storm_in(batch, service, since)).await?;
                    let meanwhile: Vec<i64> = now
                        .recent
                        .into_iter()
                        .filter(|other| *other != id && !others.contains(other))
                        .collect();
                    for other in others.into_iter().chain(meanwhile) {
                        link(ctx, actor, other, id).await?;
                    }
                    Ok(())
                }
                // Another alert for the service declared the storm at the same moment: join it.
                Err(error) if error.code == ErrorCode::VersionConflict => {
                    let since = ctx.now - policy.storm_within();
                    let storm = Batch::one(ctx.env, |batch| alerts::storm_in(batch, service, since)).await?;
                    match storm.major {
                        Some(major_id) => link(ctx, actor, id, major_id).await,
                        None => Err(error),
                    }
                }
                Err(error) => Err(error),
            }
        }
    }
}

/// Links incident `id` to the storm's major incident. An incident someone has meanwhile
/// resolved, linked elsewhere or made major stays as it is: grouping never undoes work.
async fn link(ctx: &Ctx<'_>, actor: &Actor, id: i64, major_id: i64) -> Result<(), ApiError> {
    for _ in 0..ATTEMPTS {
        match step_on(ctx, actor, id, Command::LinkToMajor { major_id }, |_| Ok(Vec::new())).await {
            Err(error) if error.code == ErrorCode::VersionConflict => continue,
            Err(error) if matches!(error.code, ErrorCode::InvalidValue | ErrorCode::TicketClosed) => {
                worker::console_log!("alert storm: ticket {id} stays unlinked: {}", error.message);
                return Ok(());
            }
            outcome => return outcome,
        }
    }
    Ok(())
}

/// Recovery on an incident people are working: an internal event for them, and the alert closes.
async fn note_recovery(ctx: &Ctx<'_>, actor: &Actor, latest: &Latest, start: Start) -> Result<(), ApiError> {
    let event = NewEvent { kind: EventKind::AlertRecovered, details: EventDetails::default() };
    let mut batch = Batch::new(ctx.env)?;
    let at = ctx.now.timestamp_millis();
    let recorded = event_statement(batch.db(), latest.known.ticket_id, &event, actor, at, None)?;
    let closed = alerts::resolved_statement(batch.db(), latest.alert_id, ctx.now)?;
    batch.extend([recorded, closed]);
    batch.run().await?;
    // Whoever has the incident open sees the entry at once.
    if let Some(stored) = start.stored {
        live::ticket_changed(ctx, stored.state.id, stored.state.version, stored.owner);
    }
    Ok(())
}
