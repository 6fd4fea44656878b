use edgedesk_domain::health::Health;
use worker::Env;

use crate::http::{self, Reply};
use crate::store;

/// `GET /api/health`: version and whether D1 answers. 503 when it does not.
pub async fn show(env: &Env) -> Reply {
    let health = Health::new(env!("CARGO_PKG_VERSION"), store::ping(env).await);
    http::json(health.http_status(), &health)
}
