use edgedesk_domain::ticket::TicketView;
use edgedesk_domain::workflow::{
    self, ActionRequest, Actor, Command, Facts, LinkedEffect, Named, Rules, TicketState,
};
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use super::show::load_view;
use crate::http::{self, Reply};
use crate::live;
use crate::routes::Ctx;
use crate::sla;
use crate::store;
use crate::store::events::Audience;
use crate::store::tickets::Stored;

/// `POST /api/tickets/{id}/actions`: one step of the process (`{"action": "escalate",
/// "version": 3, …}`). The domain decides; the answer is the ticket page after the step,
/// or 409 with the current page when the version was stale.
pub async fn act(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::signed_in(ctx.principal())?;
    let (rules, _) = store::settings::rules(ctx.env).await?;
    let id = http::path_id(id, "Ticket")?;
    let stored =
        store::tickets::by_id(ctx.env, id, &rules).await?.ok_or_else(|| ApiError::not_found("Ticket"))?;
    let actor = policy::work_on_ticket(ctx.principal(), stored.owner)?;
    let request: ActionRequest = http::read_json(req).await?;
    policy::customer_decides(stored.owner, &actor, &request.command)?;
    let audience = if actor.is_staff() { Audience::Staff } else { Audience::Customer };
    match perform(ctx, &stored, &actor, &request, &rules).await {
        Ok(()) => http::json(200, &load_view(ctx, id, audience, &rules).await?),
        Err(error) if error.code == ErrorCode::VersionConflict => {
            let current: TicketView = load_view(ctx, id, audience, &rules).await?;
            http::json(409, &Conflict { error, current })
        }
        Err(error) => Err(error),
    }
}

/// How many times an append (reply, note) that met another write is decided again on the
/// fresh ticket. Writers that collide retry after a random pause that grows with each
/// attempt, so a burst of them spreads out and each gets its turn.
const APPEND_ATTEMPTS: u32 = 24;
const APPEND_BACKOFF_MS: f64 = 4.0;

/// Checks the version, looks up what the command names, asks the domain and stores the
/// decision. Shared by staff, signed-in customers and status-link holders. An append is
/// never refused because something else was written at the same moment: it is decided
/// again on the ticket as it now is.
pub async fn perform(
    ctx: &Ctx<'_>,
    stored: &Stored,
    actor: &Actor,
    request: &ActionRequest,
    rules: &Rules,
) -> Result<(), ApiError> {
    let mut reloaded: Option<Stored> = None;
    let mut attempt = 1;
    loop {
        let current = reloaded.as_ref().unwrap_or(stored);
        match decide_and_store(ctx, current, actor, request, rules).await {
            Err(error)
                if error.code == ErrorCode::VersionConflict
                    && !request.command.needs_version()
                    && attempt < APPEND_ATTEMPTS =>
            {
                let pause = js_sys::Math::random() * APPEND_BACKOFF_MS * f64::from(attempt);
                worker::Delay::from(std::time::Duration::from_micros((pause * 1000.0) as u64)).await;
                attempt += 1;
                let fresh = store::tickets::by_id(ctx.env, stored.state.id, rules).await?;
                reloaded = Some(fresh.ok_or_else(|| ApiError::not_found("Ticket"))?);
            }
            outcome => return outcome,
        }
    }
}

async fn decide_and_store(
    ctx: &Ctx<'_>,
    stored: &Stored,
    actor: &Actor,
    request: &ActionRequest,
    rules: &Rules,
) -> Result<(), ApiError> {
    let state = &stored.state;
    request.check_version(state.version)?;
    let facts = facts(ctx, state, actor, &request.command, rules).await?;
    let decision = workflow::decide(state, actor, &request.command, &facts, rules, ctx.now)?;
    let clocks = sla::after_decision(ctx.env, stored, &decision, actor, ctx.now).await?;
    store::tickets::apply(ctx.env, &decision, actor, &clocks, ctx.now).await?;
    live::ticket_changed(ctx, decision.state.id, decision.state.version, stored.owner);
    if decision.linked != LinkedEffect::None {
        live::linked_changed(ctx, decision.state.id);
    }
    Ok(())
}

/// The records a command names, looked up only for staff (customers cannot name any).
async fn facts(
    ctx: &Ctx<'_>,
    state: &TicketState,
    actor: &Actor,
    command: &Command,
    rules: &Rules,
) -> Result<Facts, ApiError> {
    let mut facts = Facts::default();
    if !actor.is_staff() {
        return Ok(facts);
    }
    match command {
        Command::Assign { agent_id } => facts.agent = store::agents::by_id(ctx.env, *agent_id).await?,
        Command::AutoAssign => {
            let candidates = store::agents::candidates(ctx.env, state.tier).await?;
            facts.agent =
                workflow::pick_assignee(&candidates).map(|chosen| (chosen.agent.clone(), state.tier));
        }
        Command::Triage { category_id: Some(id), .. } | Command::SetCategory { category_id: Some(id) } => {
            facts.category = store::categories::by_id(ctx.env, *id)
                .await?
                .filter(|category| category.active)
                .map(|category| Named { id: category.id, name: category.name });
        }
        Command::LinkToMajor { major_id } => {
            facts.major = store::tickets::by_id(ctx.env, *major_id, rules).await?.map(|stored| stored.state);
        }
        _ => {}
    }
    Ok(facts)
}
