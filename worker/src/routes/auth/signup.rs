use edgedesk_domain::auth::SignUp;
use edgedesk_domain::limits::SIGNUPS_PER_ADDRESS;
use edgedesk_domain::signup;
use worker::Request;

use super::{start_session, Ctx};
use crate::auth::{hash_new_password, iterations};
use crate::http::{self, Reply};
use crate::store::signups::Asked;
use crate::{crypto, store};

/// `POST /api/auth/signup`: mails a link that creates the account to a new address, or a
/// note with the ways back in to an address that has an account. 202 and the same body
/// either way (the password is hashed either way too): the answer never says whether an
/// address has an account.
pub async fn signup(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let request: SignUp = http::read_json(req).await?;
    let account = request.validate()?;
    // Every valid request counts: each may send a mail.
    let _counted =
        store::limits::take(ctx.env, &SIGNUPS_PER_ADDRESS, &http::client_address(req), ctx.now).await?;
    let password = hash_new_password(&account.password, iterations(ctx.env)).await?;
    let token = crypto::random_token()?;
    let origin = http::origin(req);
    let confirmation = signup::confirmation(format!("{origin}/confirm-email/{token}"));
    let already_registered =
        signup::already_registered(format!("{origin}/sign-in"), format!("{origin}/forgot-password"));
    let token_hash = crypto::sha256_hex(&token).await?;
    let asked = Asked {
        account: &account,
        language: request.language.unwrap_or_default(),
        password: &password,
        token_hash: &token_hash,
        confirmation: &confirmation,
        already_registered: &already_registered,
    };
    store::signups::ask(ctx.env, asked, ctx.now, signup::expires_at(ctx.now)).await?;
    http::json(202, &serde_json::json!({}))
}

/// `POST /api/auth/signup/{token}`: the confirmation link creates the account and signs
/// its holder in (201); 410 for a link that is unknown, used or expired.
pub async fn confirm(token: &str, ctx: &Ctx<'_>) -> Reply {
    let hash = crypto::link_token_hash(token).await?.ok_or_else(signup::link_expired)?;
    let user_id = store::signups::confirm(ctx.env, &hash, ctx.now).await?.ok_or_else(signup::link_expired)?;
    start_session(ctx, user_id, 201).await
}
