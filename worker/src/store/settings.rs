//! Settings admins change rarely, stored as JSON under a key with a version.

use edgedesk_domain::canned::CannedReplies;
use edgedesk_domain::sla::SlaSettings;
use edgedesk_domain::workflow::Rules;
use edgedesk_domain::ApiError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use worker::{query, Env};

use super::{changes, db, first, run};
use crate::http;

const RULES: &str = "rules";
const CANNED_REPLIES: &str = "canned_replies";
const SLA: &str = "sla";

/// The value under `key` and its version; `None` until someone saves one.
async fn load<T: DeserializeOwned>(env: &Env, key: &str) -> Result<Option<(T, i64)>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        value: String,
        version: i64,
    }
    let db = db(env)?;
    let row = first::<Row>(query!(&db, "SELECT value, version FROM settings WHERE key = ?1", key)).await?;
    row.map(|row| Ok((serde_json::from_str(&row.value).map_err(http::internal)?, row.version))).transpose()
}

/// Saves `value` based on `version` (0 = nothing saved yet); false when someone saved first.
async fn save<T: Serialize>(env: &Env, key: &str, value: &T, version: i64) -> Result<bool, ApiError> {
    let db = db(env)?;
    let value = serde_json::to_string(value).map_err(http::internal)?;
    let result = if version == 0 {
        run(query!(
            &db,
            "INSERT INTO settings (key, value, version) VALUES (?1, ?2, 1) ON CONFLICT (key) DO NOTHING",
            key,
            value
        ))
        .await?
    } else {
        run(query!(
            &db,
            "UPDATE settings SET value = ?2, version = version + 1 WHERE key = ?1 AND version = ?3",
            key,
            value,
            version
        ))
        .await?
    };
    Ok(changes(&result)? == 1)
}

/// The process rules (priority matrix, reopen window) and their version; the defaults
/// until an admin saves a change.
pub async fn rules(env: &Env) -> Result<(Rules, i64), ApiError> {
    Ok(load(env, RULES).await?.unwrap_or((Rules::default(), 0)))
}

pub async fn save_rules(env: &Env, rules: &Rules, version: i64) -> Result<bool, ApiError> {
    save(env, RULES, rules, version).await
}

pub async fn canned_replies(env: &Env) -> Result<CannedReplies, ApiError> {
    let (replies, version) = load(env, CANNED_REPLIES).await?.unwrap_or_default();
    Ok(CannedReplies { replies, version })
}

pub async fn save_canned_replies(env: &Env, canned: &CannedReplies) -> Result<bool, ApiError> {
    save(env, CANNED_REPLIES, &canned.replies, canned.version).await
}

/// The SLA calendars, policies, warning steps and breach actions; the defaults until an
/// admin saves a change.
pub async fn sla(env: &Env) -> Result<(SlaSettings, i64), ApiError> {
    Ok(load(env, SLA).await?.unwrap_or((SlaSettings::default(), 0)))
}

pub async fn save_sla(env: &Env, settings: &SlaSettings, version: i64) -> Result<bool, ApiError> {
    save(env, SLA, settings, version).await
}
