use edgedesk_domain::auth::Tier;
use edgedesk_domain::category::Category;
use edgedesk_domain::ticket::TicketView;
use edgedesk_domain::workflow::{
    self, ActionRequest, Actor, Candidate, Command, Facts, LinkedEffect, Named, Rules, TicketState,
};
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use super::show::{load_view, page_after_step_in};
use crate::http::{self, Reply};
use crate::live;
use crate::routes::Ctx;
use crate::sla;
use crate::store;
use crate::store::batch::{Batch, Pending};
use crate::store::events::Audience;
use crate::store::tickets::{Stored, TicketKey};

/// `POST /api/tickets/{id}/actions`: one step of the process (`{"action": "escalate",
/// "version": 3, …}`). The domain decides; the answer is the ticket page after the step,
/// or 409 with the current page when the version was stale. Three D1 round trips: who is
/// calling, what the step starts from, and the batch that stores it and reads the page.
pub async fn act(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::signed_in(ctx.principal())?;
    let id = http::path_id(id, "Ticket")?;
    // Read first, so the records the command names come in the same batch as the ticket;
    // a bad body is only reported to someone who may work on the ticket.
    let request: Result<ActionRequest, ApiError> = http::read_json(req).await;
    let staff = policy::ticket_scope(ctx.principal())? == policy::TicketScope::All;
    let command = request.as_ref().ok().filter(|_| staff).map(|request| &request.command);
    let start = Batch::one(ctx.env, |batch| start_in(batch, &TicketKey::Id(id), command)).await?;
    let stored = start.stored.as_ref().ok_or_else(|| ApiError::not_found("Ticket"))?;
    let actor = policy::work_on_ticket(ctx.principal(), stored.owner)?;
    let request = request?;
    policy::customer_decides(stored.owner, &actor, &request.command)?;
    let audience = if actor.is_staff() { Audience::Staff } else { Audience::Customer };
    let page = |batch: &mut Batch, id, rules, clocks| page_after_step_in(batch, id, audience, rules, clocks);
    match perform(ctx, start, &actor, &request, page).await {
        Ok(page) => http::json(200, &page.into_view(ctx.now)?),
        Err(error) if error.code == ErrorCode::VersionConflict => {
            let current: TicketView = load_view(ctx, id, audience).await?;
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

/// What a step starts from, read in one batch: the ticket and the rules, its clocks'
/// inputs and the records the command names.
pub struct Start {
    pub stored: Option<Stored>,
    rules: Rules,
    clocks: sla::Inputs,
    named: Lookup,
}

impl Start {
    pub fn rules(&self) -> &Rules {
        &self.rules
    }
}

/// Adds what a step on the ticket `key` names starts from to `batch`. `command` is given
/// only for staff: customers cannot name records.
pub fn start_in(
    batch: &mut Batch,
    key: &TicketKey,
    command: Option<&Command>,
) -> Result<Pending<Start>, ApiError> {
    let ticket = store::tickets::with_rules_in(batch, key)?;
    let clocks = sla::inputs_in(batch, key)?;
    let named = lookup_in(batch, key, command)?;
    Ok(ticket
        .and(clocks)
        .and(named)
        .map(|(((stored, rules), clocks), named)| Ok(Start { stored, rules, clocks, named })))
}

/// The records a command names, as read.
enum Lookup {
    Nothing,
    Agent(Option<(Named, Tier)>),
    /// The agents of the ticket's tier who may be given it.
    Candidates(Vec<Candidate>),
    Category(Option<Category>),
    Major(Option<TicketState>),
}

fn lookup_in(
    batch: &mut Batch,
    key: &TicketKey,
    command: Option<&Command>,
) -> Result<Pending<Lookup>, ApiError> {
    Ok(match command {
        Some(Command::Assign { agent_id }) => {
            store::agents::by_id_in(batch, *agent_id)?.map(|agent| Ok(Lookup::Agent(agent)))
        }
        Some(Command::AutoAssign) => {
            store::agents::candidates_in(batch, key)?.map(|candidates| Ok(Lookup::Candidates(candidates)))
        }
        Some(
            Command::Triage { category_id: Some(category), .. }
            | Command::SetCategory { category_id: Some(category) },
        ) => store::categories::by_id_in(batch, *category)?.map(|category| Ok(Lookup::Category(category))),
        // Only the major incident's state is used, which the rules do not shape.
        Some(Command::LinkToMajor { major_id }) => {
            store::tickets::by_key_in(batch, &TicketKey::Id(*major_id), Pending::ready(Rules::default()))?
                .map(|(major, _)| Ok(Lookup::Major(major.map(|stored| stored.state))))
        }
        _ => Pending::ready(Lookup::Nothing),
    })
}

impl Lookup {
    fn facts(self, state: &TicketState) -> Facts {
        let mut facts = Facts::default();
        match self {
            Lookup::Nothing => {}
            Lookup::Agent(agent) => facts.agent = agent,
            Lookup::Candidates(candidates) => {
                facts.agent =
                    workflow::pick_assignee(&candidates).map(|chosen| (chosen.agent.clone(), state.tier));
            }
            Lookup::Category(category) => {
                facts.category = category
                    .filter(|category| category.active)
                    .map(|category| Named { id: category.id, name: category.name });
            }
            Lookup::Major(major) => facts.major = major,
        }
        facts
    }
}

/// Decides and stores the step, and answers with the page after it. Shared by staff,
/// signed-in customers and status-link holders. An append is never refused because
/// something else was written at the same moment: it is decided again on the ticket as it
/// now is (one more round trip each time).
pub async fn perform<P>(
    ctx: &Ctx<'_>,
    start: Start,
    actor: &Actor,
    request: &ActionRequest,
    page: impl Fn(&mut Batch, i64, Rules, sla::Inputs) -> Result<Pending<P>, ApiError>,
) -> Result<P, ApiError>
where
    P: 'static,
{
    let mut start = start;
    let mut attempt = 1;
    loop {
        let id = start.stored.as_ref().map(|stored| stored.state.id);
        match decide_and_store(ctx, start, actor, request, &page).await {
            Err(error)
                if error.code == ErrorCode::VersionConflict
                    && !request.command.needs_version()
                    && attempt < APPEND_ATTEMPTS =>
            {
                let pause = js_sys::Math::random() * APPEND_BACKOFF_MS * f64::from(attempt);
                worker::Delay::from(std::time::Duration::from_micros((pause * 1000.0) as u64)).await;
                attempt += 1;
                let id = id.ok_or_else(|| ApiError::not_found("Ticket"))?;
                // Appends name no records.
                start = Batch::one(ctx.env, |batch| start_in(batch, &TicketKey::Id(id), None)).await?;
            }
            outcome => return outcome,
        }
    }
}

async fn decide_and_store<P: 'static>(
    ctx: &Ctx<'_>,
    start: Start,
    actor: &Actor,
    request: &ActionRequest,
    page: &impl Fn(&mut Batch, i64, Rules, sla::Inputs) -> Result<Pending<P>, ApiError>,
) -> Result<P, ApiError> {
    let Start { stored, rules, mut clocks, named } = start;
    let stored = stored.ok_or_else(|| ApiError::not_found("Ticket"))?;
    let state = &stored.state;
    request.check_version(state.version)?;
    let facts = named.facts(state);
    let decision = workflow::decide(state, actor, &request.command, &facts, &rules, ctx.now)?;
    let after = clocks.after_decision(&stored, &decision, actor, ctx.now);
    let mut batch = Batch::new(ctx.env)?;
    store::tickets::apply_in(&mut batch, ctx.env, &decision, actor, &after, ctx.now)?;
    let answer = page(&mut batch, state.id, rules, clocks)?;
    let answers = batch.run_or(store::tickets::lost_step).await?;
    live::ticket_changed(ctx, decision.state.id, decision.state.version, stored.owner);
    if decision.linked != LinkedEffect::None {
        live::linked_changed(ctx, decision.state.id);
    }
    answer.take(&answers)
}
