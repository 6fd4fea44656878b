use edgedesk_domain::auth::Credentials;
use edgedesk_domain::limits::{FAILED_LOGINS_PER_ACCOUNT, FAILED_LOGINS_PER_ADDRESS};
use edgedesk_domain::{ApiError, ErrorCode};
use worker::Request;

use super::{start_session_with, Ctx};
use crate::auth::{burn_equal_time, iterations, verify_password};
use crate::http::{self, Reply};
use crate::store;
use crate::store::batch::Batch;

/// `POST /api/auth/login`: 200 with the account and a new session cookie, or one 401 for
/// every kind of wrong (unknown email, wrong password, deactivated account); 429 after
/// too many failures for the account or from the address. Two round trips: the attempts
/// and the account, then the new session.
pub async fn login(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let credentials: Credentials = http::read_json(req).await?;
    let (email, password) = credentials.validate()?;
    let address = http::client_address(req);
    // Taken before the password is checked, so a locked account gives nothing away either
    // way and parallel guesses are all counted; the right password gives them back.
    let mut batch = Batch::new(ctx.env)?;
    let per_account = store::limits::take_in(&mut batch, &FAILED_LOGINS_PER_ACCOUNT, &email, ctx.now)?;
    let per_address = store::limits::take_in(&mut batch, &FAILED_LOGINS_PER_ADDRESS, &address, ctx.now)?;
    let record = store::users::login_record_in(&mut batch, &email)?;
    let found = batch.run().await?;
    let (per_account, per_address) = match (per_account.take(&found)?, per_address.take(&found)?) {
        (Ok(account), Ok(address)) => (account, address),
        // A refused attempt on one count must not be held against the other.
        (Ok(taken), Err(refused)) | (Err(refused), Ok(taken)) => {
            store::limits::give_back(ctx.env, taken).await;
            return Err(refused);
        }
        (Err(refused), Err(_)) => return Err(refused),
    };
    let verified = match record.take(&found)? {
        Some(record) => verify_password(&record, &password).await?.then_some(record.user_id),
        None => {
            burn_equal_time(&password, iterations(ctx.env)).await?;
            None
        }
    };
    let Some(user_id) = verified else {
        return Err(ApiError::new(ErrorCode::InvalidCredentials, "Email or password is wrong"));
    };
    let mut batch = Batch::new(ctx.env)?;
    store::limits::give_back_in(&mut batch, per_account)?;
    store::limits::give_back_in(&mut batch, per_address)?;
    start_session_with(ctx, batch, user_id, 200).await
}
