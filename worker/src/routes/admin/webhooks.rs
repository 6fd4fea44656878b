//! Webhook subscriptions (admins): subscribe a URL to events, see each delivery with what
//! the receiver answered, replay one, stop, start or delete a subscription.

use edgedesk_domain::webhook::{self, CreatedWebhook, NewWebhook, WebhookChange};
use edgedesk_domain::{policy, ApiError};
use worker::{Request, Response};

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::{crypto, store, webhooks};

fn missing() -> ApiError {
    ApiError::not_found("Webhook")
}

/// `GET /api/admin/webhooks`: every subscription, never its secret.
pub async fn list_webhooks(ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    http::json(200, &store::webhooks::list(ctx.env).await?)
}

/// `POST /api/admin/webhooks`: a subscription and its signing secret, shown this once.
pub async fn create_webhook(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let admin = policy::administer(ctx.principal())?;
    let request: NewWebhook = http::read_json(req).await?;
    let valid = request.validate(webhooks::allow_private(ctx.env))?;
    let secret = webhook::secret(&crypto::random_bytes(24)?);
    let created = store::webhooks::create(ctx.env, &valid, &secret, admin.user_id, ctx.now).await?;
    http::json(201, &CreatedWebhook { webhook: created, secret })
}

/// `PATCH /api/admin/webhooks/{id}`: start or stop it, or change its events (versioned).
pub async fn change_webhook(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let id = http::path_id(id, "Webhook")?;
    let change: WebhookChange = http::read_json(req).await?;
    change.validate()?;
    let changed = store::webhooks::change(ctx.env, id, &change).await?.ok_or_else(missing)?;
    http::json(200, &changed)
}

/// `DELETE /api/admin/webhooks/{id}`: the subscription and its deliveries; 204.
pub async fn delete_webhook(id: &str, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let id = http::path_id(id, "Webhook")?;
    if !store::webhooks::delete(ctx.env, id).await? {
        return Err(missing());
    }
    Ok(Response::empty().map_err(http::internal)?.with_status(204))
}

/// `GET /api/admin/webhooks/{id}/deliveries`: the latest 50, with what each attempt got.
pub async fn list_deliveries(id: &str, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let id = http::path_id(id, "Webhook")?;
    store::webhooks::by_id(ctx.env, id).await?.ok_or_else(missing)?;
    http::json(200, &store::webhooks::deliveries(ctx.env, id).await?)
}

/// `POST /api/admin/webhooks/{id}/deliveries/{delivery}/replay`: the same message sent
/// again with the next sweep; 202. A stopped subscription must be started first.
pub async fn replay_delivery(id: &str, delivery: &str, ctx: &Ctx<'_>) -> Reply {
    policy::administer(ctx.principal())?;
    let id = http::path_id(id, "Webhook")?;
    let delivery = http::path_id(delivery, "Delivery")?;
    match store::webhooks::replay(ctx.env, id, delivery, ctx.now).await? {
        Some(queued) => http::json(202, &queued),
        None => Err(ApiError::not_found("Delivery of an active webhook")),
    }
}
