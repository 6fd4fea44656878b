//! Data-breach cases (GDPR Articles 33 and 34), need-to-know: the privacy lead sees every
//! case; others only those they opened or were invited onto (anyone else gets 404).

mod register;

pub use register::export_register;

use edgedesk_domain::breach::{BreachAction, BreachCase, Invite, LinkIncident, NewBreachCase};
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;
use crate::store::breaches::Loaded;

/// How many times an append (a notification) is retried on a newer version.
const APPEND_ATTEMPTS: usize = 3;

/// `GET /api/breaches`: the cases the caller may see (staff).
pub async fn list(ctx: &Ctx<'_>) -> Reply {
    let staff = policy::staff(ctx.principal())?;
    let lead = store::breaches::is_lead(ctx.env, staff.user_id).await?;
    http::json(200, &store::breaches::list(ctx.env, staff.user_id, lead).await?)
}

/// `POST /api/breaches`: open a case, from incidents or directly (staff). The opener is on
/// the case from the start.
pub async fn open(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let staff = policy::staff(ctx.principal())?;
    let new: NewBreachCase = http::read_json(req).await?;
    let mut incidents = new.incident_ids.clone();
    incidents.sort_unstable();
    incidents.dedup();
    let state = new.open(&staff.name, ctx.now)?;
    let found = store::breaches::existing_tickets(ctx.env, &incidents).await?;
    if found.len() != incidents.len() {
        return Err(ApiError::new(ErrorCode::InvalidValue, "No ticket has one of these ids")
            .with_field("incident_ids"));
    }
    let id = store::breaches::create(ctx.env, &state, &incidents, staff.user_id, ctx.now).await?;
    http::json(201, &store::breaches::view(ctx.env, id, &staff.name, ctx.now).await?)
}

/// The case, if the caller may see it; 404 otherwise (also when it does not exist).
async fn visible(id: &str, ctx: &Ctx<'_>) -> Result<(i64, Loaded), ApiError> {
    let staff = policy::staff(ctx.principal())?;
    let id = http::path_id(id, "Breach case")?;
    let loaded = store::breaches::load(ctx.env, id, staff.user_id)
        .await?
        .ok_or_else(|| ApiError::not_found("Breach case"))?;
    policy::see_breach_case(ctx.principal(), loaded.lead, loaded.member)?;
    Ok((id, loaded))
}

fn name(ctx: &Ctx<'_>) -> String {
    ctx.principal().map(|principal| principal.name.clone()).unwrap_or_default()
}

/// `GET /api/breaches/{id}`: the case with its incidents, members and history; the read is
/// recorded in that history.
pub async fn show(id: &str, ctx: &Ctx<'_>) -> Reply {
    let (id, _) = visible(id, ctx).await?;
    http::json(200, &store::breaches::view(ctx.env, id, &name(ctx), ctx.now).await?)
}

/// `POST /api/breaches/{id}/actions`: change awareness, assess, decide, record a
/// notification or close, based on `version`; a stale one gets 409 with the case as it is,
/// except a notification, which is added to whatever is current.
pub async fn act(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let (id, mut loaded) = visible(id, ctx).await?;
    let action: BreachAction = http::read_json(req).await?;
    let actor = name(ctx);
    let change = action.command.code();
    let appends = action.command.appends();
    for _ in 0..APPEND_ATTEMPTS {
        if loaded.version != action.version && !appends {
            return stale(id, ctx).await;
        }
        let next = loaded.state.apply(action.command.clone(), &actor, ctx.now)?;
        match store::breaches::save(ctx.env, id, &loaded, &next, &actor, change, ctx.now).await {
            Ok(()) => return http::json(200, &store::breaches::view(ctx.env, id, &actor, ctx.now).await?),
            Err(error) if error.code == ErrorCode::VersionConflict && appends => {
                let user_id = ctx.principal().map_or(0, |principal| principal.user_id);
                loaded = store::breaches::load(ctx.env, id, user_id)
                    .await?
                    .ok_or_else(|| ApiError::not_found("Breach case"))?;
            }
            Err(error) if error.code == ErrorCode::VersionConflict => return stale(id, ctx).await,
            Err(error) => return Err(error),
        }
    }
    stale(id, ctx).await
}

async fn stale(id: i64, ctx: &Ctx<'_>) -> Reply {
    let current: BreachCase = store::breaches::view(ctx.env, id, &name(ctx), ctx.now).await?;
    let error = ApiError::new(ErrorCode::VersionConflict, "Someone changed this case meanwhile; look again");
    http::json(409, &Conflict { error, current })
}

/// `POST /api/breaches/{id}/members`: invite a colleague onto the case (the privacy lead).
pub async fn invite(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let (id, loaded) = visible(id, ctx).await?;
    let lead = policy::lead_breaches(ctx.principal(), loaded.lead)?;
    let invite: Invite = http::read_json(req).await?;
    if !store::breaches::invite(ctx.env, id, invite.email.trim(), (lead.user_id, &lead.name), ctx.now).await?
    {
        return Err(ApiError::new(ErrorCode::InvalidValue, "No active staff account has this address")
            .with_field("email"));
    }
    http::json(200, &store::breaches::view(ctx.env, id, &lead.name, ctx.now).await?)
}

/// `POST /api/breaches/{id}/incidents`: link another ticket to the case.
pub async fn link_incident(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let (id, _) = visible(id, ctx).await?;
    let link: LinkIncident = http::read_json(req).await?;
    if !store::breaches::link(ctx.env, id, link.ticket_id, &name(ctx), ctx.now).await? {
        return Err(ApiError::new(ErrorCode::InvalidValue, "No ticket has this id").with_field("ticket_id"));
    }
    http::json(200, &store::breaches::view(ctx.env, id, &name(ctx), ctx.now).await?)
}
