use chrono::{DateTime, Utc};
use edgedesk_domain::alert::AlertInfo;
use edgedesk_domain::call::Call;
use edgedesk_domain::ticket::{StatusView, TicketSummary, TicketView, TimelineEntry};
use edgedesk_domain::workflow::Rules;
use edgedesk_domain::{policy, ApiError};

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::sla;
use crate::store;
use crate::store::batch::{Batch, Pending};
use crate::store::events::{self, Audience, StoredEvent};
use crate::store::sla::History;
use crate::store::tickets::{Stored, TicketKey};

/// `GET /api/tickets/{id}`: the ticket page in one answer (ticket, history, calls). 404
/// for ids that do not exist, are not ids at all, or belong to someone the caller may not
/// see. Customers get the public history and no working state. Two D1 round trips: who
/// is calling, then one batch with all of the page.
pub async fn show(id: &str, ctx: &Ctx<'_>) -> Reply {
    let audience = audience(ctx)?;
    let id = http::path_id(id, "Ticket")?;
    let page = Batch::one(ctx.env, |batch| page_in(batch, &TicketKey::Id(id), audience)).await?;
    policy::view_ticket(ctx.principal(), page.stored()?.owner)?;
    let view = page.into_view(ctx.now)?;
    if let (Audience::Staff, Some(principal), Some(seen)) = (audience, ctx.principal(), view.timeline.last())
    {
        // Everything the page shows is now seen: marked after the response, so the page's
        // batch stays a read that any replica may answer.
        let (env, user_id, last_event_id, at) =
            (ctx.env.clone(), principal.user_id, seen.id, ctx.now.timestamp_millis());
        ctx.background.wait_until(async move {
            if let Err(error) = store::ticket_list::mark_read(&env, user_id, id, last_event_id, at).await {
                worker::console_warn!("could not mark ticket {id} read: {}", error.message);
            }
        });
    }
    http::json(200, &view)
}

/// Which view of a ticket the signed-in caller gets.
fn audience(ctx: &Ctx<'_>) -> Result<Audience, ApiError> {
    policy::signed_in(ctx.principal())?;
    Ok(match policy::ticket_scope(ctx.principal())? {
        policy::TicketScope::All => Audience::Staff,
        _ => Audience::Customer,
    })
}

/// Ticket `id` if the caller may see it; 404 alike for missing, malformed and foreign ids.
pub async fn visible(id: &str, ctx: &Ctx<'_>) -> Result<Stored, ApiError> {
    policy::signed_in(ctx.principal())?;
    let id = http::path_id(id, "Ticket")?;
    let (stored, _) =
        Batch::one(ctx.env, |batch| store::tickets::with_rules_in(batch, &TicketKey::Id(id))).await?;
    let stored = stored.ok_or_else(|| ApiError::not_found("Ticket"))?;
    policy::view_ticket(ctx.principal(), stored.owner)?;
    Ok(stored)
}

/// The ticket page as `audience` may see it, read fresh in one round trip.
pub async fn load_view(ctx: &Ctx<'_>, id: i64, audience: Audience) -> Result<TicketView, ApiError> {
    let mut batch = Batch::new(ctx.env)?;
    let page = page_in(&mut batch, &TicketKey::Id(id), audience)?;
    page.take(&batch.run().await?)?.into_view(ctx.now)
}

/// What a ticket page is made of, as read in one batch.
pub struct Page {
    stored: Option<Stored>,
    clocks: sla::Inputs,
    timeline: Vec<TimelineEntry>,
    calls: Vec<Call>,
    linked: Vec<TicketSummary>,
    alert: Option<AlertInfo>,
    breach_cases: Vec<i64>,
    audience: Audience,
}

/// Makes a page's clock inputs from the events the page read anyway.
type ClocksFrom = Box<dyn FnOnce(&[StoredEvent]) -> sla::Inputs>;

/// Adds the page of the ticket `key` names to `batch`, with the rules and clock inputs it
/// needs. The events are read once, for the timeline and for the clocks.
pub fn page_in(batch: &mut Batch, key: &TicketKey, audience: Audience) -> Result<Pending<Page>, ApiError> {
    let ticket = store::tickets::with_rules_in(batch, key)?;
    let settings = store::settings::sla_in(batch)?;
    let steps = store::sla::steps_in(batch, key)?;
    let clocks = settings.and(steps).map(|((settings, _), recorded)| {
        let clocks: ClocksFrom = Box::new(move |events| {
            sla::Inputs::new(settings, History { moments: events::moments(events), recorded })
        });
        Ok(clocks)
    });
    rest_of_page_in(batch, key, audience, ticket, clocks)
}

/// Adds ticket `id`'s page to a batch that has just stored a step, which knew the rules
/// and computed the clocks' inputs already.
pub fn page_after_step_in(
    batch: &mut Batch,
    id: i64,
    audience: Audience,
    rules: Rules,
    clocks: sla::Inputs,
) -> Result<Pending<Page>, ApiError> {
    let key = TicketKey::Id(id);
    let ticket = store::tickets::by_key_in(batch, &key, Pending::ready(rules))?;
    let known: ClocksFrom = Box::new(move |_| clocks);
    rest_of_page_in(batch, &key, audience, ticket, Pending::ready(known))
}

fn rest_of_page_in(
    batch: &mut Batch,
    key: &TicketKey,
    audience: Audience,
    ticket: Pending<(Option<Stored>, Rules)>,
    clocks: Pending<ClocksFrom>,
) -> Result<Pending<Page>, ApiError> {
    let events = events::events_in(batch, key)?;
    let calls = store::calls::of_ticket_in(batch, key)?;
    // Only a major incident has linked tickets, but asking costs no round trip.
    // Likewise only incidents opened by monitoring have an alert.
    // And only tickets involved in a data breach have breach cases.
    let (linked, alert, breach_cases) = match (audience, key) {
        (Audience::Staff, TicketKey::Id(id)) => (
            store::ticket_list::linked_in(batch, *id)?,
            store::alerts::of_ticket_in(batch, *id)?,
            store::breaches::of_ticket_in(batch, *id)?,
        ),
        _ => (Pending::ready(Vec::new()), Pending::ready(None), Pending::ready(Vec::new())),
    };
    Ok(ticket.and(clocks).and(events).and(calls).and(linked).and(alert).and(breach_cases).map(
        move |(((((((stored, _), clocks), events), calls), linked), alert), breach_cases)| {
            let clocks = clocks(&events);
            let timeline = events::timeline(events, audience);
            Ok(Page { stored, clocks, timeline, calls, linked, alert, breach_cases, audience })
        },
    ))
}

impl Page {
    /// The ticket, or 404 when there is none.
    pub fn stored(&self) -> Result<&Stored, ApiError> {
        self.stored.as_ref().ok_or_else(|| ApiError::not_found("Ticket"))
    }

    pub fn into_view(self, now: DateTime<Utc>) -> Result<TicketView, ApiError> {
        let stored = self.stored.ok_or_else(|| ApiError::not_found("Ticket"))?;
        let (clocks, promise) = self.clocks.for_page(&stored, now);
        let (mut ticket, sla, promise) = match self.audience {
            Audience::Staff => (stored.ticket, Some(clocks), None),
            Audience::Customer => (stored.ticket.for_customer(), None, Some(promise)),
        };
        if self.audience == Audience::Staff {
            if stored.state.is_major {
                ticket.linked = self.linked;
            }
            ticket.alert = self.alert;
            ticket.breach_cases = self.breach_cases;
        }
        Ok(TicketView { ticket, timeline: self.timeline, calls: self.calls, sla, promise })
    }

    /// What a status link shows: the public ticket, without contact details.
    pub fn into_status_view(self, now: DateTime<Utc>) -> Result<StatusView, ApiError> {
        let view = self.into_view(now)?;
        Ok(StatusView {
            ticket: view.ticket.public,
            timeline: view.timeline,
            calls: view.calls,
            promise: view.promise,
        })
    }
}
