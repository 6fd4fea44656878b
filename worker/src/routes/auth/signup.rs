use edgedesk_domain::auth::SignUp;
use edgedesk_domain::limits::SIGNUPS_PER_ADDRESS;
use worker::Request;

use super::{start_session, Ctx};
use crate::auth::{hash_new_password, iterations};
use crate::http::{self, Reply};
use crate::limits;
use crate::store;

/// `POST /api/auth/signup`: a customer creates an account and is signed in (201).
pub async fn signup(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let address = limits::client_address(req);
    limits::check(ctx.env, &SIGNUPS_PER_ADDRESS, &address, ctx.now).await?;
    let request: SignUp = http::read_json(req).await?;
    let account = request.validate()?;
    let password = hash_new_password(&account.password, iterations(ctx.env)).await?;
    let user_id = store::users::insert_customer(ctx.env, &account, &password, ctx.now).await?;
    limits::record(ctx.env, &SIGNUPS_PER_ADDRESS, &address, ctx.now).await;
    start_session(ctx, user_id, 201).await
}
