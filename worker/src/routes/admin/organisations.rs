use edgedesk_domain::admin::{NewOrganisation, OrganisationChange};
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `GET /api/admin/organisations`: every organisation with its member count (admins).
pub async fn list_organisations(ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    http::json(200, &store::organisations::list(ctx.env).await?)
}

/// `POST /api/admin/organisations`: a new customer organisation (admins).
pub async fn create_organisation(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let request: NewOrganisation = http::read_json(req).await?;
    let organisation = request.validate()?;
    let id = store::organisations::insert(ctx.env, &organisation, ctx.now).await?;
    let created =
        store::organisations::by_id(ctx.env, id).await?.ok_or_else(|| http::internal("vanished"))?;
    http::json(201, &created)
}

/// `PATCH /api/admin/organisations/{id}`: whether members see each other's tickets,
/// versioned like accounts (409 with the current state when stale).
pub async fn update_organisation(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let missing = || ApiError::not_found("Organisation");
    let id = http::path_id(id, "Organisation")?;
    let change: OrganisationChange = http::read_json(req).await?;
    if !store::organisations::set_sharing(ctx.env, id, change.version, change.members_see_all_tickets).await?
    {
        let current = store::organisations::by_id(ctx.env, id).await?.ok_or_else(missing)?;
        let error = ApiError::new(
            ErrorCode::VersionConflict,
            "Someone changed this organisation meanwhile; look again",
        );
        return http::json(409, &Conflict { error, current });
    }
    http::json(200, &store::organisations::by_id(ctx.env, id).await?.ok_or_else(missing)?)
}
