//! Tickets by email: what the Worker does with a message sent to the desk's address
//! (Cloudflare Email Routing hands it to the `email` entry point). The domain decides
//! (`edgedesk_domain::inbound`); this shell reads the MIME, asks D1 and stores.
//!
//! A message is refused at the door when it is too large or its sender sent too many;
//! machine-written mail, bounces and our own mail are recorded and left unanswered; a
//! reply by a ticket's reporter continues that ticket (reopening it within the window);
//! anything else opens a ticket, answered with the usual confirmation and status link.

mod read;

use edgedesk_domain::inbound::{self, Continues, Mail, Outcome, Plan, Refusal, MAX_MAIL_BYTES};
use edgedesk_domain::limits::MAILS_PER_SENDER;
use edgedesk_domain::workflow::{ActionRequest, Actor, Command};
use edgedesk_domain::{ApiError, ErrorCode};
use worker::{console_error, Context, Env, ForwardableEmailMessage};

use crate::auth::Caller;
use crate::routes::tickets::{perform, start_in, store_report, Report, Start};
use crate::routes::Ctx;
use crate::store::batch::{Batch, Pending};
use crate::store::inbound_mail::{self, Received};
use crate::store::statements::TicketRef;
use crate::store::tickets::TicketKey;
use crate::{clock, http, mail, store};

/// How often a reopen that met another write at the same moment is tried again.
const REOPEN_ATTEMPTS: u32 = 3;

pub async fn receive(message: &ForwardableEmailMessage, env: &Env, background: &Context) {
    let desk = mail::desk_language(env);
    if message.raw_size() > MAX_MAIL_BYTES as f64 {
        message.set_reject(mail::refusal(Refusal::TooLarge, desk));
        return;
    }
    let caller = Caller { principal: None, session_hash: None, touch: None };
    let ctx = Ctx { env, now: clock::now(), caller, https: true, background };
    match take(message, &ctx).await {
        Ok(()) => {}
        Err(error) if error.code == ErrorCode::RateLimited => {
            message.set_reject(mail::refusal(Refusal::TooMany, desk));
        }
        Err(error) => {
            console_error!("could not take a message from {}: {}", message.from(), error.message);
            message.set_reject(mail::refusal(Refusal::TryLater, desk));
        }
    }
}

async fn take(message: &ForwardableEmailMessage, ctx: &Ctx<'_>) -> Result<(), ApiError> {
    let raw = message.raw_bytes().await.map_err(http::storage)?;
    let address = mail::desk_address(ctx.env);
    let mail = read::read(&raw, &message.from()).unwrap_or_default();
    let original = inbound::fit(&mail.text, &inbound::ORIGINAL);
    let received = Received {
        message_id: mail.message_id.as_deref(),
        sender: &mail.from,
        subject: &mail.subject,
        original: &original,
        at: ctx.now,
    };
    let reference = inbound::reference(&mail, inbound::domain_of(&address));
    let mut batch = Batch::new(ctx.env)?;
    let counted = store::limits::take_in(&mut batch, &MAILS_PER_SENDER, &mail.from, ctx.now)?;
    let known = inbound_mail::known_in(&mut batch, mail.message_id.as_deref(), &reference)?;
    let found = batch.run().await?;
    let known = known.take(&found)?;
    if known.taken {
        return Ok(());
    }
    let _counted = counted.take(&found)??;
    if let Err(ignored) = inbound::screen(&mail, &address) {
        let db = store::db(ctx.env)?;
        return store::send_batch(&db, vec![inbound_mail::recorded(&db, &received, ignored, None)?])
            .await
            .map(drop)
            .map_err(http::storage);
    }
    match inbound::continues(&mail.from, &known.named, &known.threads) {
        Continues::Ticket { id, customer } => reply(ctx, &mail, &received, id, customer).await,
        Continues::Refused { .. } | Continues::Nothing => open(ctx, &mail, &received, Outcome::Opened).await,
    }
}

/// A first mail (or one that may not continue the ticket it names) opens a ticket.
async fn open(ctx: &Ctx<'_>, mail: &Mail, received: &Received<'_>, outcome: Outcome) -> Result<(), ApiError> {
    let report = inbound::new_ticket(mail, mail::desk_language(ctx.env));
    let ticket = report.validate()?;
    let mut batch = Batch::new(ctx.env)?;
    let known_customer = store::agents::customer_by_email_in(&mut batch, &ticket.email)?;
    let rules = store::settings::rules_in(&mut batch)?;
    let sla_settings = store::settings::sla_in(&mut batch)?;
    let found = batch.run().await?;
    let owner = known_customer.take(&found)?.unwrap_or_default();
    let opener = Actor::Customer { user_id: owner.customer_id, name: ticket.name.clone() };
    let report = Report {
        ticket: &ticket,
        owner,
        category_id: None,
        answers: &[],
        affected_service: None,
        channel: edgedesk_domain::ticket::Channel::Email,
        opener: &opener,
        language: report.language.unwrap_or_default(),
    };
    let record = inbound_mail::recorded(&store::db(ctx.env)?, received, outcome, Some(TicketRef::Newest))?;
    let (rules, _) = rules.take(&found)?;
    let (sla_settings, _) = sla_settings.take(&found)?;
    store_report(ctx, report, &rules, &sla_settings, &http::public_url(ctx.env), vec![record]).await.map(drop)
}

/// A reply by the ticket's reporter: appended (the desk is told as for a portal reply),
/// after reopening a resolved ticket; a reply to a closed one starts a new ticket.
async fn reply(
    ctx: &Ctx<'_>,
    mail: &Mail,
    received: &Received<'_>,
    id: i64,
    customer: Option<i64>,
) -> Result<(), ApiError> {
    let actor = Actor::Customer { user_id: customer, name: inbound::sender_name(mail) };
    let (body, reason) = inbound::reply_body(mail);
    let mut attempt = 1;
    let reopened = loop {
        let start = starting(ctx, id).await?;
        let state = &start.stored.as_ref().ok_or_else(|| ApiError::not_found("Ticket"))?.state;
        match inbound::plan(state, start.rules(), ctx.now) {
            Plan::Append => break false,
            Plan::NewTicket => return open(ctx, mail, received, Outcome::OpenedFollowUp).await,
            Plan::ReopenAndAppend => {
                let request = ActionRequest {
                    version: Some(state.version),
                    command: Command::Reopen { reason: reason.clone() },
                };
                match perform(ctx, start, &actor, &request, |_, _, _, _| Ok(Pending::ready(()))).await {
                    Ok(()) => break true,
                    Err(error) if error.code == ErrorCode::VersionConflict && attempt < REOPEN_ATTEMPTS => {
                        attempt += 1
                    }
                    Err(error) => return Err(error),
                }
            }
        }
    };
    let outcome = if reopened { Outcome::Reopened } else { Outcome::Replied };
    let request = ActionRequest {
        version: None,
        command: Command::Reply { body, wait_for_customer: false, set_status: None },
    };
    let record = |batch: &mut Batch, _, _, _| {
        let statement = inbound_mail::recorded(batch.db(), received, outcome, Some(TicketRef::Id(id)))?;
        batch.extend([statement]);
        Ok(Pending::ready(()))
    };
    perform(ctx, starting(ctx, id).await?, &actor, &request, record).await
}

async fn starting(ctx: &Ctx<'_>, id: i64) -> Result<Start, ApiError> {
    Batch::one(ctx.env, |batch| start_in(batch, &TicketKey::Id(id), None)).await
}
