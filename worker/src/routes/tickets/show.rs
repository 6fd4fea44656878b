use edgedesk_domain::ApiError;
use worker::Env;

use crate::http::{self, Reply};
use crate::store;

/// `GET /api/tickets/{id}`: 404 for ids that do not exist or are not ids at all.
pub async fn show(id: &str, env: &Env) -> Reply {
    let missing = || ApiError::not_found("Ticket");
    let id = id.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(missing)?;
    let ticket = store::tickets::by_id(env, id).await?.ok_or_else(missing)?;
    http::json(200, &ticket)
}
