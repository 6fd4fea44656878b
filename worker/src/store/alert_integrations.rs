//! Monitoring integrations: the API tokens that may send alerts, with the settings each one
//! keeps for itself (`alert_integrations`).

use edgedesk_domain::alert::{Integration, IntegrationPolicy, SavedIntegrationPolicy};
use edgedesk_domain::auth::Scope;
use edgedesk_domain::ApiError;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::{all, changes, db, run};
use crate::clock::from_millis;
use crate::http;

/// Live tokens with the alerts scope (scopes are stored space-separated), their settings and
/// how many incidents their alerts opened.
const INTEGRATIONS: &str =
    "SELECT t.id AS token_id, t.name, t.last_used_at, i.policy, COALESCE(i.version, 0) AS version,
        (SELECT COUNT(*) FROM alerts a WHERE a.token_id = t.id) AS incidents
 FROM api_tokens t LEFT JOIN alert_integrations i ON i.token_id = t.id
 WHERE t.revoked_at IS NULL AND (' ' || t.scopes || ' ') LIKE ?1";

#[derive(Deserialize)]
struct Row {
    token_id: i64,
    name: String,
    last_used_at: Option<i64>,
    policy: Option<String>,
    version: i64,
    incidents: i64,
}

fn scope_pattern() -> String {
    format!("% {} %", Scope::AlertsWrite.as_str())
}

fn parse<T: DeserializeOwned>(text: Option<String>) -> Result<Option<T>, ApiError> {
    text.map(|text| serde_json::from_str(&text)).transpose().map_err(http::internal)
}

fn integration(row: Row) -> Result<Integration, ApiError> {
    Ok(Integration {
        token_id: row.token_id,
        name: row.name,
        last_used_at: row.last_used_at.map(from_millis),
        incidents: row.incidents,
        settings: SavedIntegrationPolicy { policy: parse(row.policy)?, version: row.version },
    })
}

/// Every integration, by name.
pub async fn list(env: &Env) -> Result<Vec<Integration>, ApiError> {
    let db = db(env)?;
    let sql = format!("{INTEGRATIONS} ORDER BY t.name, t.id");
    let rows: Vec<Row> = all(query!(&db, &sql, scope_pattern())).await?;
    rows.into_iter().map(integration).collect()
}

/// One integration; `None` for a revoked token, one without the alerts scope, or none at all.
pub async fn find(env: &Env, token_id: i64) -> Result<Option<Integration>, ApiError> {
    let db = db(env)?;
    let sql = format!("{INTEGRATIONS} AND t.id = ?2");
    let rows: Vec<Row> = all(query!(&db, &sql, scope_pattern(), token_id)).await?;
    rows.into_iter().next().map(integration).transpose()
}

/// Saves an integration's own settings (`None`: back to the desk's) based on `version` (0 =
/// never saved); false when someone saved first.
pub async fn save(
    env: &Env,
    token_id: i64,
    policy: Option<&IntegrationPolicy>,
    version: i64,
) -> Result<bool, ApiError> {
    let db = db(env)?;
    let policy = policy.map(serde_json::to_string).transpose().map_err(http::internal)?;
    // A first save inserts only from version 0; later ones update only the version read.
    let result = run(query!(
        &db,
        "INSERT INTO alert_integrations (token_id, policy, version)
         SELECT ?1, ?2, 1 WHERE ?3 = 0 OR EXISTS (SELECT 1 FROM alert_integrations WHERE token_id = ?1)
         ON CONFLICT (token_id) DO UPDATE SET policy = excluded.policy, version = alert_integrations.version + 1
         WHERE alert_integrations.version = ?3",
        token_id,
        policy,
        version
    ))
    .await?;
    Ok(changes(&result)? == 1)
}

/// The integration's own settings, if it has any, read in `batch`.
pub fn own_in(batch: &mut Batch, token_id: i64) -> Result<Pending<Option<IntegrationPolicy>>, ApiError> {
    #[derive(Deserialize)]
    struct Own {
        policy: Option<String>,
    }
    let statement = query!(batch.db(), "SELECT policy FROM alert_integrations WHERE token_id = ?1", token_id);
    batch.read(statement, |rows: Vec<Own>| parse(rows.into_iter().next().and_then(|row| row.policy)))
}
