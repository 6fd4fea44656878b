use edgedesk_domain::category::{check_answers, Answer};
use edgedesk_domain::limits::ANONYMOUS_TICKETS_PER_ADDRESS;
use edgedesk_domain::message::Language;
use edgedesk_domain::policy::{self, Intake, TicketOwner};
use edgedesk_domain::sla::SlaSettings;
use edgedesk_domain::ticket::{ticket_number, Channel, CreatedTicket, NewTicket, ValidTicket};
use edgedesk_domain::workflow::{self, Actor, Rules};
use edgedesk_domain::{ApiError, ErrorCode};
use worker::{D1PreparedStatement, Request};

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
    let (rules, _) = rules.take(&found)?;
    let (sla_settings, _) = sla_settings.take(&found)?;
    let report = Report {
        ticket: &ticket,
        owner,
        category_id,
        answers: &answers,
        affected_service: affected_service.as_deref(),
        channel: intake.channel,
        opener: &intake.opener,
        language: report.language.unwrap_or_default(),
    };
    let (id, status_token) =
        store_report(ctx, report, &rules, &sla_settings, &http::origin(req), Vec::new()).await?;
    http::json(
        201,
        &CreatedTicket { id, number: ticket_number(ticket.kind, id), reported_at: ctx.now, status_token },
    )
}

/// A report as the desk takes it in, from any channel.
pub struct Report<'a> {
    pub ticket: &'a ValidTicket,
    pub owner: TicketOwner,
    pub category_id: Option<i64>,
    pub answers: &'a [Answer],
    pub affected_service: Option<&'a str>,
    pub channel: Channel,
    pub opener: &'a Actor,
    pub language: Language,
}

/// Opens the ticket `report` makes, with its clocks, its history, the reporter's
/// confirmation (with a status link on `origin`) and `also`, in one batch. The ticket's
/// id and the status link's token (shown once).
pub async fn store_report(
    ctx: &Ctx<'_>,
    report: Report<'_>,
    rules: &Rules,
    sla_settings: &SlaSettings,
    origin: &str,
    also: Vec<D1PreparedStatement>,
) -> Result<(i64, String), ApiError> {
    let status_token = crypto::random_token()?;
    let status_token_hash = crypto::sha256_hex(&status_token).await?;
    let status_url = format!("{origin}/status/{status_token}");
    let (state, notices) = workflow::open(report.ticket, rules, &status_url);
    let subject = Subject {
        priority: state.priority,
        category_id: report.category_id,
        organisation_id: report.owner.organisation_id,
    };
    let clocks = sla::for_new_ticket(sla_settings, subject, ctx.now);
    let opening = Opening {
        state: &state,
        owner: report.owner,
        category_id: report.category_id,
        answers: report.answers,
        affected_service: report.affected_service,
        channel: report.channel,
        actor: report.opener,
        status_token_hash: &status_token_hash,
        notices: &notices,
        clocks: &clocks,
        language: report.language,
    };
    let id = store::tickets::insert(ctx.env, report.ticket, opening, ctx.now, also).await?;
    live::ticket_changed(ctx, id, state.version, report.owner);
    Ok((id, status_token))
}
