//! Settings admins change rarely, stored as JSON under a key with a version.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use edgedesk_domain::alert::AlertPolicy;
use edgedesk_domain::canned::CannedReplies;
use edgedesk_domain::sla::SlaSettings;
use edgedesk_domain::workflow::Rules;
use edgedesk_domain::ApiError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::{changes, db, run};
use crate::http;

const RULES: &str = "rules";
const CANNED_REPLIES: &str = "canned_replies";
const SLA: &str = "sla";
const ALERTS: &str = "alerts";

thread_local! {
    /// Each setting as this isolate last read it: its version and value. Requests check the
    /// version in the batch they read anyway, so a change is seen at once and an unchanged
    /// value is neither sent by D1 nor parsed again.
    static CACHE: RefCell<HashMap<&'static str, Versioned>> = RefCell::new(HashMap::new());
}

/// A setting's version and its value (of the type its key stands for).
type Versioned = (i64, Rc<dyn Any>);

#[derive(Deserialize)]
struct Row {
    value: String,
    version: i64,
}

/// Adds the setting under `key` to `batch`: its value comes back only if its version is not
/// the cached one. Until someone saves one, the default at version 0.
fn read<T: DeserializeOwned + Default + Clone + 'static>(
    batch: &mut Batch,
    key: &'static str,
) -> Result<Pending<(T, i64)>, ApiError> {
    let cached = CACHE.with(|cache| {
        let cache = cache.borrow();
        let (version, value) = cache.get(key)?;
        Some((*version, value.clone().downcast::<T>().ok()?))
    });
    // No version is negative, so -1 asks for whatever is stored.
    let known = cached.as_ref().map_or(-1, |(version, _)| *version);
    let statement = query!(
        batch.db(),
        "SELECT value, version FROM settings WHERE key = ?1 AND version <> ?2",
        key,
        known
    );
    batch.read(statement, move |changed: Vec<Row>| {
        let (version, value) = match (changed.into_iter().next(), cached) {
            (Some(row), _) => {
                (row.version, Rc::new(serde_json::from_str::<T>(&row.value).map_err(http::internal)?))
            }
            (None, Some((version, value))) => return Ok(((*value).clone(), version)),
            (None, None) => (0, Rc::new(T::default())),
        };
        let copy = (*value).clone();
        CACHE.with(|cache| cache.borrow_mut().insert(key, (version, value as Rc<dyn Any>)));
        Ok((copy, version))
    })
}

/// The value this isolate last read under `key`, without asking D1: a guess that a batch
/// reading the setting must confirm.
fn remembered<T: Clone + 'static>(key: &'static str) -> Option<T> {
    CACHE.with(|cache| cache.borrow().get(key)?.1.clone().downcast::<T>().ok().map(|value| (*value).clone()))
}

async fn load<T: DeserializeOwned + Default + Clone + 'static>(
    env: &Env,
    key: &'static str,
) -> Result<(T, i64), ApiError> {
    Batch::one(env, |batch| read(batch, key)).await
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
    load(env, RULES).await
}

pub fn rules_in(batch: &mut Batch) -> Result<Pending<(Rules, i64)>, ApiError> {
    read(batch, RULES)
}

pub async fn save_rules(env: &Env, rules: &Rules, version: i64) -> Result<bool, ApiError> {
    save(env, RULES, rules, version).await
}

pub async fn canned_replies(env: &Env) -> Result<CannedReplies, ApiError> {
    let (replies, version) = load(env, CANNED_REPLIES).await?;
    Ok(CannedReplies { replies, version })
}

pub async fn save_canned_replies(env: &Env, canned: &CannedReplies) -> Result<bool, ApiError> {
    save(env, CANNED_REPLIES, &canned.replies, canned.version).await
}

/// The SLA calendars, policies, warning steps and breach actions; the defaults until an
/// admin saves a change.
pub async fn sla(env: &Env) -> Result<(SlaSettings, i64), ApiError> {
    load(env, SLA).await
}

pub fn sla_in(batch: &mut Batch) -> Result<Pending<(SlaSettings, i64)>, ApiError> {
    read(batch, SLA)
}

/// The SLA settings as this isolate last read them, if it has (see `remembered`).
pub fn remembered_sla() -> Option<SlaSettings> {
    remembered(SLA)
}

pub async fn save_sla(env: &Env, settings: &SlaSettings, version: i64) -> Result<bool, ApiError> {
    save(env, SLA, settings, version).await
}

/// How alerts become incidents; the defaults until an admin saves a change.
pub async fn alert_policy(env: &Env) -> Result<(AlertPolicy, i64), ApiError> {
    load(env, ALERTS).await
}

pub fn alert_policy_in(batch: &mut Batch) -> Result<Pending<(AlertPolicy, i64)>, ApiError> {
    read(batch, ALERTS)
}

pub async fn save_alert_policy(env: &Env, policy: &AlertPolicy, version: i64) -> Result<bool, ApiError> {
    save(env, ALERTS, policy, version).await
}
