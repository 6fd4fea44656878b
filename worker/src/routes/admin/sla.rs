use edgedesk_domain::sla::{zone, SavedSlaSettings};
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

async fn current(ctx: &Ctx<'_>) -> Result<SavedSlaSettings, ApiError> {
    let (settings, version) = store::settings::sla(ctx.env).await?;
    Ok(SavedSlaSettings { settings, version, zones: zone::names().map(str::to_string).collect() })
}

/// `GET /api/admin/sla`: calendars, policies, warning steps and breach actions, with the
/// time zones a calendar may use (admins).
pub async fn show_sla(ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    http::json(200, &current(ctx).await?)
}

/// `PUT /api/admin/sla`: the whole SLA configuration, validated and versioned (admins).
/// Deadlines follow at once: every ticket's clocks are computed from its history with the
/// settings in force.
pub async fn save_sla(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let change: SavedSlaSettings = http::read_json(req).await?;
    change.settings.validate()?;
    if !store::settings::save_sla(ctx.env, &change.settings, change.version).await? {
        let error = ApiError::new(
            ErrorCode::VersionConflict,
            "Someone changed the SLA settings meanwhile; look again",
        );
        return http::json(409, &Conflict { error, current: current(ctx).await? });
    }
    http::json(200, &current(ctx).await?)
}
