use edgedesk_domain::auth::Credentials;
use edgedesk_domain::limits::{FAILED_LOGINS_PER_ACCOUNT, FAILED_LOGINS_PER_ADDRESS};
use edgedesk_domain::{ApiError, ErrorCode};
use worker::Request;

use super::{start_session, Ctx};
use crate::auth::{burn_equal_time, iterations, verify_password};
use crate::http::{self, Reply};
use crate::store;

/// `POST /api/auth/login`: 200 with the account and a new session cookie, or one 401 for
/// every kind of wrong (unknown email, wrong password, deactivated account); 429 after
/// too many failures for the account or from the address.
pub async fn login(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let credentials: Credentials = http::read_json(req).await?;
    let (email, password) = credentials.validate()?;
    let address = http::client_address(req);
    // Taken before the password is checked, so a locked account gives nothing away either
    // way and parallel guesses are all counted; the right password gives them back.
    let per_account = store::limits::take(ctx.env, &FAILED_LOGINS_PER_ACCOUNT, &email, ctx.now).await?;
    let per_address = match store::limits::take(ctx.env, &FAILED_LOGINS_PER_ADDRESS, &address, ctx.now).await
    {
        Ok(taken) => taken,
        Err(refused) => {
            store::limits::give_back(ctx.env, per_account).await;
            return Err(refused);
        }
    };
    let verified = match store::users::login_record(ctx.env, &email).await? {
        Some(record) => verify_password(&record, &password).await?.then_some(record.user_id),
        None => {
            burn_equal_time(&password, iterations(ctx.env)).await?;
            None
        }
    };
    let Some(user_id) = verified else {
        return Err(ApiError::new(ErrorCode::InvalidCredentials, "Email or password is wrong"));
    };
    store::limits::give_back(ctx.env, per_account).await;
    store::limits::give_back(ctx.env, per_address).await;
    start_session(ctx, user_id, 200).await
}
