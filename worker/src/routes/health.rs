use edgedesk_domain::health::Health;

use super::Ctx;
use crate::http::{self, Reply};
use crate::store;

/// `GET /api/health`: version and whether D1 answers. 503 when it does not.
pub async fn show(ctx: &Ctx<'_>) -> Reply {
    let health = Health::new(env!("CARGO_PKG_VERSION"), store::ping(ctx.env).await);
    http::json(health.http_status(), &health)
}
