//! Settings admins change rarely, stored as JSON under a key.

use edgedesk_domain::workflow::Rules;
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::{changes, db, first, run};
use crate::http;

const RULES: &str = "rules";

/// The process rules (priority matrix, reopen window) and their version; the defaults
/// until an admin saves a change.
pub async fn rules(env: &Env) -> Result<(Rules, i64), ApiError> {
    #[derive(Deserialize)]
    struct Row {
        value: String,
        version: i64,
    }
    let db = db(env)?;
    let row = first::<Row>(query!(&db, "SELECT value, version FROM settings WHERE key = ?1", RULES)).await?;
    Ok(match row {
        Some(row) => (serde_json::from_str(&row.value).map_err(http::internal)?, row.version),
        None => (Rules::default(), 0),
    })
}

/// Saves rules based on `version` (0 = the defaults); false when someone saved first.
pub async fn save_rules(env: &Env, rules: &Rules, version: i64) -> Result<bool, ApiError> {
    let db = db(env)?;
    let value = serde_json::to_string(rules).map_err(http::internal)?;
    // Version 0 means "based on the defaults": only valid while nothing was saved yet.
    let result = if version == 0 {
        run(query!(
            &db,
            "INSERT INTO settings (key, value, version) VALUES (?1, ?2, 1) ON CONFLICT (key) DO NOTHING",
            RULES,
            value
        ))
        .await?
    } else {
        run(query!(
            &db,
            "UPDATE settings SET value = ?2, version = version + 1 WHERE key = ?1 AND version = ?3",
            RULES,
            value,
            version
        ))
        .await?
    };
    Ok(changes(&result)? == 1)
}
