use edgedesk_domain::category::{Category, CategoryInput};
use edgedesk_domain::{ApiError, ErrorCode};
use serde::Deserialize;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::{all, changes, db, inserted_id};
use crate::http;

#[derive(Deserialize)]
struct Row {
    id: i64,
    name: String,
    parent_id: Option<i64>,
    service: Option<String>,
    questions: String,
    active: i64,
    version: i64,
}

fn category(row: Row) -> Category {
    Category {
        id: row.id,
        name: row.name,
        parent_id: row.parent_id,
        service: row.service,
        questions: serde_json::from_str(&row.questions).unwrap_or_default(),
        active: row.active == 1,
        version: row.version,
    }
}

const COLUMNS: &str = "SELECT id, name, parent_id, service, questions, active, version FROM categories";

/// Every category (admins) or the active ones (the report form), parents first.
pub async fn list(env: &Env, only_active: bool) -> Result<Vec<Category>, ApiError> {
    let db = db(env)?;
    let filter = if only_active { "WHERE active = 1" } else { "" };
    let rows = all::<Row>(Ok(db.prepare(format!(
        "{COLUMNS} {filter} ORDER BY coalesce(parent_id, id), parent_id IS NOT NULL, name"
    ))))
    .await?;
    Ok(rows.into_iter().map(category).collect())
}

pub fn by_id_in(batch: &mut Batch, id: i64) -> Result<Pending<Option<Category>>, ApiError> {
    batch.read(query!(batch.db(), &format!("{COLUMNS} WHERE id = ?1"), id), |rows: Vec<Row>| {
        Ok(rows.into_iter().next().map(category))
    })
}

pub async fn by_id(env: &Env, id: i64) -> Result<Option<Category>, ApiError> {
    Batch::one(env, |batch| by_id_in(batch, id)).await
}

fn name_taken_error() -> ApiError {
    ApiError::new(ErrorCode::NameTaken, "A category with this name already exists there").with_field("name")
}

/// An update can collide with another category's name only through the UNIQUE index.
fn name_taken(error: worker::Error) -> ApiError {
    if error.to_string().contains("UNIQUE") {
        name_taken_error()
    } else {
        http::storage(error)
    }
}

/// A new category; `name_taken` when its parent already has one of that name.
pub async fn insert(env: &Env, input: &CategoryInput) -> Result<i64, ApiError> {
    let db = db(env)?;
    let questions = serde_json::to_string(&input.questions).map_err(http::internal)?;
    let id = inserted_id(query!(
        &db,
        "INSERT INTO categories (name, parent_id, service, questions, active) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO NOTHING RETURNING id",
        &input.name,
        input.parent_id,
        &input.service,
        questions,
        i32::from(input.active)
    ))
    .await?;
    id.ok_or_else(name_taken_error)
}

/// Saves a change made to `version`; false when someone else saved first.
pub async fn update(env: &Env, id: i64, version: i64, input: &CategoryInput) -> Result<bool, ApiError> {
    let db = db(env)?;
    let questions = serde_json::to_string(&input.questions).map_err(http::internal)?;
    let statement = query!(
        &db,
        "UPDATE categories SET name = ?3, parent_id = ?4, service = ?5, questions = ?6, active = ?7, version = version + 1
         WHERE id = ?1 AND version = ?2",
        id,
        version,
        &input.name,
        input.parent_id,
        &input.service,
        questions,
        i32::from(input.active)
    )
    .map_err(http::storage)?;
    super::request::count();
    let result = statement.run().await.map_err(name_taken)?;
    Ok(changes(&result)? == 1)
}
