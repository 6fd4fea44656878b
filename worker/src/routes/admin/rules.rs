use edgedesk_domain::workflow::SavedRules;
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `GET /api/admin/rules`: the priority matrix and the reopen window (admins).
pub async fn show_rules(ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let (rules, version) = store::settings::rules(ctx.env).await?;
    http::json(200, &SavedRules { rules, version })
}

/// `PUT /api/admin/rules`: a monotone matrix and 1–90 reopen days, versioned (admins).
pub async fn save_rules(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let change: SavedRules = http::read_json(req).await?;
    change.rules.validate()?;
    if !store::settings::save_rules(ctx.env, &change.rules, change.version).await? {
        let (rules, version) = store::settings::rules(ctx.env).await?;
        let error =
            ApiError::new(ErrorCode::VersionConflict, "Someone changed the rules meanwhile; look again");
        return http::json(409, &Conflict { error, current: SavedRules { rules, version } });
    }
    let (rules, version) = store::settings::rules(ctx.env).await?;
    http::json(200, &SavedRules { rules, version })
}
