use edgedesk_domain::auth::Credentials;
use edgedesk_domain::{ApiError, ErrorCode};
use worker::Request;

use super::{start_session, Ctx};
use crate::auth::{burn_equal_time, iterations, verify_password};
use crate::http::{self, Reply};
use crate::store;

/// `POST /api/auth/login`: 200 with the account and a new session cookie, or one 401 for
/// every kind of wrong (unknown email, wrong password, deactivated account).
pub async fn login(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let credentials: Credentials = http::read_json(req).await?;
    let (email, password) = credentials.validate()?;
    let wrong = || ApiError::new(ErrorCode::InvalidCredentials, "Email or password is wrong");
    let Some(record) = store::users::login_record(ctx.env, &email).await? else {
        burn_equal_time(&password, iterations(ctx.env)).await?;
        return Err(wrong());
    };
    if !verify_password(&record, &password).await? {
        return Err(wrong());
    }
    start_session(ctx, record.user_id, 200).await
}
