use edgedesk_domain::alert::{SavedAlertPolicy, SavedIntegrationPolicy};
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

/// `GET /api/admin/alerts/integrations`: the API tokens that may send alerts, each with its
/// own settings or none (admins).
pub async fn list_alert_integrations(ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    http::json(200, &store::alert_integrations::list(ctx.env).await?)
}

/// `PUT /api/admin/alerts/integrations/{token_id}`: the integration's own priorities and
/// reopen window, or `null` to follow the desk's again, versioned (admins).
pub async fn save_alert_integration(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let missing = || ApiError::not_found("Integration");
    let token_id = http::path_id(id, "Integration")?;
    let change: SavedIntegrationPolicy = http::read_json(req).await?;
    if let Some(own) = &change.policy {
        own.validate()?;
    }
    store::alert_integrations::find(ctx.env, token_id).await?.ok_or_else(missing)?;
    let saved =
        store::alert_integrations::save(ctx.env, token_id, change.policy.as_ref(), change.version).await?;
    let current = store::alert_integrations::find(ctx.env, token_id).await?.ok_or_else(missing)?;
    if !saved {
        let error = ApiError::new(
            ErrorCode::VersionConflict,
            "Someone changed this integration's settings meanwhile; look again",
        );
        return http::json(409, &Conflict { error, current: current.settings });
    }
    http::json(200, &current.settings)
}
