use edgedesk_domain::auth::SignUp;
use edgedesk_domain::limits::SIGNUPS_PER_ADDRESS;
use edgedesk_domain::ApiError;
use worker::Request;

use super::{start_session, Ctx};
use crate::auth::{hash_new_password, iterations};
use crate::http::{self, Reply};
use crate::store;

/// `POST /api/auth/signup`: a customer creates an account and is signed in (201).
pub async fn signup(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    // Only accounts actually created count; a refused form gives its attempt back.
    let attempt =
        store::limits::take(ctx.env, &SIGNUPS_PER_ADDRESS, &http::client_address(req), ctx.now).await?;
    match create_account(req, ctx).await {
        Ok(user_id) => start_session(ctx, user_id, 201).await,
        Err(error) => {
            store::limits::give_back(ctx.env, attempt).await;
            Err(error)
        }
    }
}

async fn create_account(req: &mut Request, ctx: &Ctx<'_>) -> Result<i64, ApiError> {
    let request: SignUp = http::read_json(req).await?;
    let account = request.validate()?;
    let password = hash_new_password(&account.password, iterations(ctx.env)).await?;
    store::users::insert_customer(ctx.env, &account, &password, ctx.now).await
}
