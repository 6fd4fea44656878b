use edgedesk_domain::admin::{ApiTokenCreated, NewApiToken, API_TOKEN_PREFIX};
use edgedesk_domain::{policy, ApiError};
use worker::{Request, Response};

use crate::crypto;
use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `GET /api/admin/tokens`: every API token, revoked ones included, never the secrets.
pub async fn list_tokens(ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    http::json(200, &store::api_tokens::list(ctx.env).await?)
}

/// `POST /api/admin/tokens`: a new token with the given scopes; the secret is in this
/// answer only.
pub async fn create_token(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let admin = policy::administer(ctx.principal())?;
    let request: NewApiToken = http::read_json(req).await?;
    let token = request.validate()?;
    let secret = format!("{API_TOKEN_PREFIX}{}", crypto::random_token()?);
    let hash = crypto::sha256_hex(&secret).await?;
    let id = store::api_tokens::insert(ctx.env, &hash, &token, admin.user_id, ctx.now).await?;
    http::json(201, &ApiTokenCreated { id, token: secret })
}

/// `DELETE /api/admin/tokens/{id}`: revoked at once; 204, also when already revoked.
pub async fn revoke_token(id: &str, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let missing = || ApiError::not_found("API token");
    let id = http::path_id(id, "API token")?;
    if !store::api_tokens::revoke(ctx.env, id, ctx.now).await? {
        return Err(missing());
    }
    Ok(Response::empty().map_err(http::internal)?.with_status(204))
}
