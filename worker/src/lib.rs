//! Edgedesk's Worker: a thin HTTP and cron shell around `edgedesk-domain`.
//!
//! Requests for `/api/*` arrive here (everything else is the SPA, served from static
//! assets); every answer is JSON, errors included, and carries the security headers.

mod auth;
mod breach_clock;
mod clock;
mod crypto;
mod delivery;
mod http;
mod inbound;
mod live;
mod mail;
mod routes;
mod sla;
mod store;
mod sweep;
mod webhooks;

use worker::{
    event, Context, Env, ForwardableEmailMessage, Request, Response, Result, ScheduleContext, ScheduledEvent,
};

#[event(fetch)]
async fn fetch(mut req: Request, env: Env, ctx: Context) -> Result<Response> {
    let https = req.inner().url().starts_with("https:");
    let start = http::d1_session_start(&req);
    let (reply, served) = store::request::serve(start, routes::handle(&mut req, &env, &ctx, https)).await;
    let response = match reply {
        Ok(response) => response,
        Err(error) => http::error_response(&error),
    };
    Ok(http::with_d1(http::with_security_headers(response, https), &served))
}

#[event(scheduled)]
async fn scheduled(event: ScheduledEvent, env: Env, ctx: ScheduleContext) {
    sweep::run(&event, &env, &ctx).await;
}

/// Mail to the desk's address (Cloudflare Email Routing). Never fails: a message the desk
/// cannot take is refused with a reason its sender reads.
#[event(email)]
async fn email(message: ForwardableEmailMessage, env: Env, ctx: Context) -> Result<()> {
    inbound::receive(&message, &env, &ctx).await;
    Ok(())
}
