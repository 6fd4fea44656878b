//! Accounts as admins manage them: the list, one account, and versioned changes.

use edgedesk_domain::admin::UserSummary;
use edgedesk_domain::auth::OrganisationRef;
use edgedesk_domain::message::Language;
use edgedesk_domain::paging::PageRequest;
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::users::{parse_role, parse_tier};
use super::{all, changes, db, run, ABOVE_EVERY_ID};
use crate::clock::from_millis;

const COLUMNS: &str =
    "SELECT u.id, u.name, u.email, u.role, u.tier, u.active, u.privacy_lead, u.language, u.created_at, u.version,
                              o.id AS organisation_id, o.name AS organisation_name
                       FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id";

#[derive(Deserialize)]
struct Row {
    id: i64,
    name: String,
    email: String,
    role: String,
    tier: Option<String>,
    active: i64,
    privacy_lead: i64,
    language: String,
    created_at: i64,
    version: i64,
    organisation_id: Option<i64>,
    organisation_name: Option<String>,
}

impl Row {
    fn into_summary(self) -> Result<UserSummary, ApiError> {
        Ok(UserSummary {
            id: self.id,
            name: self.name,
            email: self.email,
            role: parse_role(&self.role)?,
            tier: parse_tier(self.tier.as_deref())?,
            organisation: self
                .organisation_id
                .zip(self.organisation_name)
                .map(|(id, name)| OrganisationRef { id, name }),
            active: self.active == 1,
            privacy_lead: self.privacy_lead == 1,
            language: Language::parse(&self.language).unwrap_or_default(),
            created_at: from_millis(self.created_at),
            version: self.version,
        })
    }
}

/// Newest accounts first, keyset-paginated like tickets.
pub async fn newest(env: &Env, page: PageRequest) -> Result<Vec<UserSummary>, ApiError> {
    let db = db(env)?;
    let before = page.before_id.unwrap_or(ABOVE_EVERY_ID);
    let rows = all::<Row>(query!(
        &db,
        &format!("{COLUMNS} WHERE u.id < ?1 ORDER BY u.id DESC LIMIT ?2"),
        before,
        page.fetch_limit()
    ))
    .await?;
    rows.into_iter().map(Row::into_summary).collect()
}

pub async fn by_id(env: &Env, id: i64) -> Result<Option<UserSummary>, ApiError> {
    Batch::one(env, |batch| by_id_in(batch, id)).await
}

pub fn by_id_in(batch: &mut Batch, id: i64) -> Result<Pending<Option<UserSummary>>, ApiError> {
    batch.read(query!(batch.db(), &format!("{COLUMNS} WHERE u.id = ?1"), id), |rows: Vec<Row>| {
        rows.into_iter().next().map(Row::into_summary).transpose()
    })
}

/// Writes `next` only if the stored version is still `next.version`; returns whether it did.
pub async fn update(env: &Env, next: &UserSummary) -> Result<bool, ApiError> {
    let db = db(env)?;
    let result = run(query!(
        &db,
        "UPDATE users SET role = ?1, tier = ?2, active = ?3, organisation_id = ?4, privacy_lead = ?7,
         version = version + 1 WHERE id = ?5 AND version = ?6",
        next.role.as_str(),
        next.tier.map(|tier| tier.as_str()),
        i64::from(next.active),
        next.organisation.as_ref().map(|organisation| organisation.id),
        next.id,
        next.version,
        i64::from(next.privacy_lead)
    ))
    .await?;
    let changes = changes(&result)?;
    Ok(changes == 1)
}
