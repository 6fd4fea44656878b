use edgedesk_domain::presence::{self, Presence, PresenceUpdate, TTL_SECONDS};
use edgedesk_domain::{policy, ApiError};
use worker::Request;

use crate::http::{self, Reply};
use crate::routes::Ctx;
use crate::store;

/// `POST /api/tickets/{id}/presence` `{"editing": bool}` (staff): records that the caller
/// has the ticket open and answers who else does. Kept in KV with a short expiry: a minute
/// of staleness is harmless here, and it keeps heartbeats out of D1.
pub async fn presence(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::staff(ctx.principal())?;
    let ticket_id = http::path_id(id, "Ticket")?;
    let (rules, _) = store::settings::rules(ctx.env).await?;
    store::tickets::by_id(ctx.env, ticket_id, &rules).await?.ok_or_else(|| ApiError::not_found("Ticket"))?;
    let update: PresenceUpdate = http::read_json(req).await?;
    let kv = ctx.env.kv("CACHE").map_err(http::storage)?;
    let prefix = format!("presence:{ticket_id}:");
    let mine = Presence {
        user_id: principal.user_id,
        name: principal.name.clone(),
        editing: update.editing,
        seen_at: ctx.now,
    };
    kv.put(&format!("{prefix}{}", principal.user_id), "")
        .and_then(|put| put.metadata(&mine))
        .map_err(http::internal)?
        .expiration_ttl(TTL_SECONDS)
        .execute()
        .await
        .map_err(http::internal)?;
    let listed = kv.list().prefix(prefix).execute().await.map_err(http::internal)?;
    let records = listed
        .keys
        .into_iter()
        .filter_map(|key| serde_json::from_value::<Presence>(key.metadata?).ok())
        .collect();
    http::json(200, &presence::others(records, principal.user_id, ctx.now))
}
