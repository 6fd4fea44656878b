mod bootstrap;
mod login;
mod logout;
mod reset;
mod signup;

pub use bootstrap::bootstrap;
pub use login::login;
pub use logout::{logout, logout_everywhere};
pub use reset::{complete as complete_password_reset, request as request_password_reset};
pub use signup::{confirm as confirm_signup, signup};

use edgedesk_domain::auth::staff_hint_cookie;
use edgedesk_domain::ApiError;
use worker::Response;

use super::Ctx;
use crate::auth::session_cookie;
use crate::crypto;
use crate::http::{self, Reply};
use crate::store;
use crate::store::batch::Batch;

/// Starts a fresh session (a new token on every sign-in, so a planted one is useless),
/// ends the one the browser had, and answers with the account and the cookie.
pub(super) async fn start_session(ctx: &Ctx<'_>, user_id: i64, status: u16) -> Reply {
    start_session_with(ctx, Batch::new(ctx.env)?, user_id, status).await
}

/// [`start_session`] in one round trip with what `batch` already holds to write.
pub(super) async fn start_session_with(ctx: &Ctx<'_>, mut batch: Batch, user_id: i64, status: u16) -> Reply {
    // The browser's previous session (another account, or a stale one) ends here.
    if let Some(previous) = &ctx.caller.session_hash {
        store::sessions::revoke_in(&mut batch, previous, ctx.now)?;
    }
    let token = crypto::random_token()?;
    store::sessions::create_in(&mut batch, &crypto::sha256_hex(&token).await?, user_id, ctx.now)?;
    let me = store::users::me_in(&mut batch, user_id)?;
    let me = me.take(&batch.run().await?)?;
    let mut response = http::json(status, &me)?;
    set_cookie(&mut response, &session_cookie(&token, ctx.https))?;
    set_cookie(&mut response, &staff_hint_cookie(me.role.is_staff(), ctx.https))?;
    Ok(response)
}

fn set_cookie(response: &mut Response, cookie: &str) -> Result<(), ApiError> {
    response.headers_mut().append("Set-Cookie", cookie).map_err(http::internal)
}
