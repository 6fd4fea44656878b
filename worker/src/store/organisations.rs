use chrono::{DateTime, Utc};
use edgedesk_domain::admin::{NewOrganisation, OrganisationSummary};
use edgedesk_domain::{ApiError, ErrorCode};
use serde::Deserialize;
use worker::{query, Env};

use super::{all, changes, db, first, inserted_id, run};

#[derive(Deserialize)]
struct Row {
    id: i64,
    name: String,
    members_see_all_tickets: i64,
    members: i64,
    version: i64,
}

impl From<Row> for OrganisationSummary {
    fn from(row: Row) -> Self {
        OrganisationSummary {
            id: row.id,
            name: row.name,
            members_see_all_tickets: row.members_see_all_tickets == 1,
            members: row.members,
            version: row.version,
        }
    }
}

const COLUMNS: &str = "SELECT o.id, o.name, o.members_see_all_tickets, o.version,
                              (SELECT COUNT(*) FROM users u WHERE u.organisation_id = o.id) AS members
                       FROM organisations o";

pub async fn list(env: &Env) -> Result<Vec<OrganisationSummary>, ApiError> {
    let db = db(env)?;
    let rows = all::<Row>(Ok(db.prepare(format!("{COLUMNS} ORDER BY o.name")))).await?;
    Ok(rows.into_iter().map(OrganisationSummary::from).collect())
}

pub async fn by_id(env: &Env, id: i64) -> Result<Option<OrganisationSummary>, ApiError> {
    let db = db(env)?;
    let row = first::<Row>(query!(&db, &format!("{COLUMNS} WHERE o.id = ?1"), id)).await?;
    Ok(row.map(OrganisationSummary::from))
}

/// A new organisation; `name_taken` when another has the name.
pub async fn insert(env: &Env, organisation: &NewOrganisation, now: DateTime<Utc>) -> Result<i64, ApiError> {
    let db = db(env)?;
    let id = inserted_id(query!(
        &db,
        "INSERT INTO organisations (name, members_see_all_tickets, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO NOTHING RETURNING id",
        &organisation.name,
        i64::from(organisation.members_see_all_tickets),
        now.timestamp_millis()
    ))
    .await?;
    id.ok_or_else(|| ApiError {
        field: Some("name".into()),
        ..ApiError::new(ErrorCode::NameTaken, "An organisation with this name already exists")
    })
}

/// Sets ticket sharing if the stored version is still `version`; returns whether it did.
pub async fn set_sharing(env: &Env, id: i64, version: i64, shares: bool) -> Result<bool, ApiError> {
    let db = db(env)?;
    let result = run(query!(
        &db,
        "UPDATE organisations SET members_see_all_tickets = ?1, version = version + 1 WHERE id = ?2 AND version = ?3",
        i64::from(shares),
        id,
        version
    )).await?;
    Ok(changes(&result)? == 1)
}
