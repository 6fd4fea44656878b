use edgedesk_domain::auth::staff_hint_cookie;
use edgedesk_domain::policy;
use worker::Response;

use super::{set_cookie, Ctx};
use crate::auth::expired_session_cookie;
use crate::http::{self, Reply};
use crate::store;

/// `POST /api/auth/logout`: ends this session (204), signed in or not.
pub async fn logout(ctx: &Ctx<'_>) -> Reply {
    if let Some(session_hash) = &ctx.caller.session_hash {
        store::sessions::revoke(ctx.env, session_hash, ctx.now).await?;
    }
    signed_out(ctx)
}

/// `POST /api/auth/logout-everywhere`: ends every session of the account (204).
pub async fn logout_everywhere(ctx: &Ctx<'_>) -> Reply {
    let principal = policy::person(ctx.principal())?;
    store::sessions::revoke_all(ctx.env, principal.user_id, ctx.now).await?;
    signed_out(ctx)
}

fn signed_out(ctx: &Ctx<'_>) -> Reply {
    let mut response = Response::empty().map_err(http::internal)?.with_status(204);
    set_cookie(&mut response, &expired_session_cookie(ctx.https))?;
    set_cookie(&mut response, &staff_hint_cookie(false, ctx.https))?;
    Ok(response)
}
