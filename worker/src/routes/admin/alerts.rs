use edgedesk_domain::alert::SavedAlertPolicy;
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `GET /api/admin/alerts`: the latest alerts, newest first, with the incident each became (admins).
pub async fn list_alerts(ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    http::json(200, &store::alerts::recent(ctx.env).await?)
}

/// `GET /api/admin/alerts/settings`: how alerts become incidents (admins).
pub async fn show_alert_policy(ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let (policy, version) = store::settings::alert_policy(ctx.env).await?;
    http::json(200, &SavedAlertPolicy { policy, version })
}

/// `PUT /api/admin/alerts/settings`: priorities by severity, the reopen and storm windows and
/// when customers are told, versioned (admins).
pub async fn save_alert_policy(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let change: SavedAlertPolicy = http::read_json(req).await?;
    change.policy.validate()?;
    if !store::settings::save_alert_policy(ctx.env, &change.policy, change.version).await? {
        let (policy, version) = store::settings::alert_policy(ctx.env).await?;
        let error = ApiError::new(
            ErrorCode::VersionConflict,
            "Someone changed the alert settings meanwhile; look again",
        );
        return http::json(409, &Conflict { error, current: SavedAlertPolicy { policy, version } });
    }
    let (policy, version) = store::settings::alert_policy(ctx.env).await?;
    http::json(200, &SavedAlertPolicy { policy, version })
}
