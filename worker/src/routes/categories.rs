use edgedesk_domain::category::CategoryInput;
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use super::Ctx;
use crate::http::{self, Reply};
use crate::store;

/// `GET /api/categories`: the active categories with their diagnosis questions, for the
/// report form (public, like the form itself).
pub async fn list(ctx: &Ctx<'_>) -> Reply {
    http::json(200, &store::categories::list(ctx.env, true).await?)
}

/// `GET /api/admin/categories`: every category, retired ones too (admins).
pub async fn list_all(ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    http::json(200, &store::categories::list(ctx.env, false).await?)
}

/// A parent must exist and be a top-level category: two levels, "Network › VPN".
async fn check_parent(ctx: &Ctx<'_>, input: &CategoryInput, own_id: Option<i64>) -> Result<(), ApiError> {
    let Some(parent_id) = input.parent_id else { return Ok(()) };
    let parent = store::categories::by_id(ctx.env, parent_id).await?;
    match parent {
        Some(parent) if parent.parent_id.is_none() && Some(parent.id) != own_id => Ok(()),
        _ => Err(ApiError::new(ErrorCode::InvalidValue, "The parent must be an existing top-level category")
            .with_field("parent_id")),
    }
}

/// `POST /api/admin/categories` (admins).
pub async fn create(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let input = http::read_json::<CategoryInput>(req).await?.validate()?;
    check_parent(ctx, &input, None).await?;
    let id = store::categories::insert(ctx.env, &input).await?;
    http::json(201, &store::categories::by_id(ctx.env, id).await?.ok_or_else(|| http::internal("vanished"))?)
}

/// `PATCH /api/admin/categories/{id}`: the whole category with the version it was based
/// on; 409 with the current one when stale (admins).
pub async fn update(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let id = http::path_id(id, "Category")?;
    let missing = || ApiError::not_found("Category");
    let input = http::read_json::<CategoryInput>(req).await?.validate()?;
    let version = input.version.ok_or_else(|| {
        ApiError::new(ErrorCode::VersionRequired, "Say which version this change is based on")
            .with_field("version")
    })?;
    let current = store::categories::by_id(ctx.env, id).await?.ok_or_else(missing)?;
    check_parent(ctx, &input, Some(id)).await?;
    if input.parent_id.is_some()
        && store::categories::list(ctx.env, false).await?.iter().any(|child| child.parent_id == Some(id))
    {
        return Err(ApiError::new(ErrorCode::InvalidValue, "A category with subcategories stays top-level")
            .with_field("parent_id"));
    }
    if !store::categories::update(ctx.env, id, version, &input).await? {
        let current = store::categories::by_id(ctx.env, id).await?.unwrap_or(current);
        let error =
            ApiError::new(ErrorCode::VersionConflict, "Someone changed this category meanwhile; look again");
        return http::json(409, &Conflict { error, current });
    }
    http::json(200, &store::categories::by_id(ctx.env, id).await?.ok_or_else(missing)?)
}
