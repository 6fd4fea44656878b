//! Which services an account asked to hear of, and which services the desk names (the
//! usual services of its active categories).

use chrono::{DateTime, Utc};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use crate::http;

#[derive(Deserialize)]
struct Service {
    service: String,
}

fn names(rows: Vec<Service>) -> Result<Vec<String>, ApiError> {
    Ok(rows.into_iter().map(|row| row.service).collect())
}

/// The services the desk names, each once, in alphabetical order.
pub fn known_in(batch: &mut Batch) -> Result<Pending<Vec<String>>, ApiError> {
    let statement = batch.db().prepare(
        "SELECT MIN(trim(service)) AS service FROM categories
         WHERE active = 1 AND service IS NOT NULL AND trim(service) <> ''
         GROUP BY lower(trim(service)) ORDER BY lower(trim(service))",
    );
    batch.read(Ok(statement), names)
}

/// The services `user_id` hears of.
pub fn of_user_in(batch: &mut Batch, user_id: i64) -> Result<Pending<Vec<String>>, ApiError> {
    let statement =
        query!(batch.db(), "SELECT service FROM service_subscriptions WHERE user_id = ?1", user_id);
    batch.read(statement, names)
}

/// Makes `services` exactly what `user_id` hears of, in one batch.
pub async fn replace(
    env: &Env,
    user_id: i64,
    services: &[String],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let mut batch = Batch::new(env)?;
    let chosen = serde_json::to_string(services).map_err(http::internal)?;
    let dropped = query!(batch.db(), "DELETE FROM service_subscriptions WHERE user_id = ?1", user_id);
    let added = query!(
        batch.db(),
        "INSERT INTO service_subscriptions (user_id, service, created_at)
         SELECT ?1, value, ?2 FROM json_each(?3)",
        user_id,
        now.timestamp_millis(),
        chosen
    );
    batch.write(dropped)?;
    batch.write(added)?;
    batch.run().await.map(drop)
}
