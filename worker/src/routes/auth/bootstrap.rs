use edgedesk_domain::auth::{constant_time_eq, SignUp};
use edgedesk_domain::limits::FAILED_LOGINS_PER_ADDRESS;
use edgedesk_domain::{ApiError, ErrorCode};
use worker::Request;

use super::{start_session, Ctx};
use crate::auth::{hash_new_password, iterations};
use crate::http::{self, Reply};
use crate::store;

/// `POST /api/auth/bootstrap`: creates a deployment's first admin. It exists only while
/// the `BOOTSTRAP_TOKEN` secret is set, needs `Authorization: Bearer <that secret>`, and
/// works once: after an admin exists it answers 409. Admins invite everyone else.
pub async fn bootstrap(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let Some(secret) = ctx.env.secret("BOOTSTRAP_TOKEN").ok().map(|secret| secret.to_string()) else {
        return Err(ApiError::new(ErrorCode::NotFound, "No API route /api/auth/bootstrap"));
    };
    let address = http::client_address(req);
    let attempt = store::limits::take(ctx.env, &FAILED_LOGINS_PER_ADDRESS, &address, ctx.now).await?;
    let presented = req.headers().get("authorization").ok().flatten().unwrap_or_default();
    let token = presented.strip_prefix("Bearer ").unwrap_or_default();
    if secret.is_empty() || !constant_time_eq(token.as_bytes(), secret.as_bytes()) {
        return Err(ApiError::new(ErrorCode::Forbidden, "The bootstrap token is missing or wrong"));
    }
    // Only a wrong token counts as a guess.
    store::limits::give_back(ctx.env, attempt).await;
    let request: SignUp = http::read_json(req).await?;
    let account = request.validate()?;
    let password = hash_new_password(&account.password, iterations(ctx.env)).await?;
    let user_id = store::users::insert_first_admin(ctx.env, &account, &password, ctx.now).await?;
    start_session(ctx, user_id, 201).await
}
