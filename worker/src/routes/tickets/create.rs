use edgedesk_domain::category::check_answers;
use edgedesk_domain::limits::ANONYMOUS_TICKETS_PER_ADDRESS;
use edgedesk_domain::policy::{self, Intake};
use edgedesk_domain::ticket::{ticket_number, CreatedTicket, NewTicket};
use edgedesk_domain::workflow;
use edgedesk_domain::{ApiError, ErrorCode};
use worker::Request;

use crate::crypto;
use crate::http::{self, Reply};
use crate::live;
use crate::routes::Ctx;
use crate::sla::{self, Subject};
use crate::store;
use crate::store::batch::{Batch, Pending};
use crate::store::tickets::Opening;

/// `POST /api/tickets`: someone reports a problem from the portal, or an agent logs one
/// for a caller (`channel: phone | email`). A signed-in customer owns their ticket; a
/// ticket logged for a known customer joins their tickets; everyone gets a status link.
pub async fn create(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::create_ticket(ctx.principal())?;
    // The public form is the easiest thing to flood; signed-in people are accountable.
    // Only tickets actually opened count; a refused form gives its attempt back.
    if ctx.principal().is_some() {
        return open(req, ctx).await;
    }
    let address = http::client_address(req);
    let attempt = store::limits::take(ctx.env, &ANONYMOUS_TICKETS_PER_ADDRESS, &address, ctx.now).await?;
    let opened = open(req, ctx).await;
    if opened.is_err() {
        store::limits::give_back(ctx.env, attempt).await;
    }
    opened
}

async fn open(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let report: NewTicket = http::read_json(req).await?;
    let ticket = report.validate()?;
    let intake = Intake::decide(ctx.principal(), report.channel, &ticket.name)?;
    // Everything the new ticket depends on, in one round trip.
    let mut batch = Batch::new(ctx.env)?;
    let category = match report.category_id {
        Some(id) => store::categories::by_id_in(&mut batch, id)?,
        None => Pending::ready(None),
    };
    let known_customer = match intake.for_known_customer {
        true => store::agents::customer_by_email_in(&mut batch, &ticket.email)?,
        false => Pending::ready(None),
    };
    let rules = store::settings::rules_in(&mut batch)?;
    let sla_settings = store::settings::sla_in(&mut batch)?;
    let found = batch.run().await?;
    // The category names the usual affected service when the reporter did not.
    let (category_id, answers, affected_service) = match (report.category_id, category.take(&found)?) {
        (None, _) if report.answers.is_empty() => (None, Vec::new(), ticket.affected_service.clone()),
        (None, _) => {
            return Err(
                ApiError::new(ErrorCode::InvalidValue, "Answers need a category").with_field("answers")
            )
        }
        (Some(id), category) => {
            let category = category.filter(|category| category.active).ok_or_else(|| {
                ApiError::new(ErrorCode::InvalidValue, "There is no such category").with_field("category_id")
            })?;
            let service = ticket.affected_service.clone().or(category.service);
            (Some(id), check_answers(&category.questions, &report.answers)?, service)
        }
    };
    let owner = intake.owner(ctx.principal(), known_customer.take(&found)?);
    let status_token = crypto::random_token()?;
    let status_token_hash = crypto::sha256_hex(&status_token).await?;
    let (rules, _) = rules.take(&found)?;
    let status_url = format!("{}/status/{status_token}", http::origin(req));
    let (state, notices) = workflow::open(&ticket, &rules, &status_url);
    let subject = Subject { priority: state.priority, category_id, organisation_id: owner.organisation_id };
    let (sla_settings, _) = sla_settings.take(&found)?;
    let clocks = sla::for_new_ticket(&sla_settings, subject, ctx.now);
    let opening = Opening {
        state: &state,
        owner,
        category_id,
        answers: &answers,
        affected_service: affected_service.as_deref(),
        channel: intake.channel,
        actor: &intake.opener,
        status_token_hash: &status_token_hash,
        notices: &notices,
        clocks: &clocks,
        language: report.language.unwrap_or_default(),
    };
    let id = store::tickets::insert(ctx.env, &ticket, opening, ctx.now, Vec::new()).await?;
    live::ticket_changed(ctx, id, state.version, owner);
    http::json(
        201,
        &CreatedTicket { id, number: ticket_number(ticket.kind, id), reported_at: ctx.now, status_token },
    )
}
