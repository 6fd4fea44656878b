//! D1 access. SQL lives here and only here; rows are turned into domain DTOs on the way out.

pub mod accounts;
pub mod agents;
pub mod alert_integrations;
pub mod alerts;
pub mod api_tokens;
pub mod batch;
pub mod breaches;
pub mod calls;
pub mod categories;
pub mod events;
pub mod inbound_mail;
pub mod invitations;
pub mod knowledge;
pub mod limits;
pub mod organisations;
pub mod outbox;
pub mod password_resets;
pub mod presence;
pub mod reports;
pub mod request;
pub mod sessions;
pub mod settings;
pub mod signups;
pub mod sla;
pub mod statements;
pub mod subscriptions;
pub mod sweep_runs;
pub mod ticket_list;
pub mod tickets;
pub mod users;
pub mod webhooks;

use edgedesk_domain::ApiError;
use serde::de::DeserializeOwned;
use worker::{D1Database, D1PreparedStatement, D1Result, Env};

use request::count;

use crate::http;

/// Ids stay below 2^53 (they travel as JS numbers), so this bound means "no cursor".
pub const ABOVE_EVERY_ID: i64 = (1 << 53) - 1;

/// The `DB` binding from wrangler.toml, through the request's D1 session.
pub fn db(env: &Env) -> Result<D1Database, ApiError> {
    request::database(env).map_err(http::storage)
}

/// Whether D1 answers a trivial query.
pub async fn ping(env: &Env) -> bool {
    match db(env) {
        Ok(db) => {
            count();
            db.prepare("SELECT 1").first::<serde_json::Value>(None).await.is_ok()
        }
        Err(_) => false,
    }
}

/// Runs a statement built with `query!`, mapping every D1 failure the same way.
pub async fn run(statement: worker::Result<D1PreparedStatement>) -> Result<D1Result, ApiError> {
    let statement = statement.map_err(http::storage)?;
    match request::take_proof() {
        Some(proof) => with_proof(proof, statement).await,
        None => {
            count();
            statement.run().await
        }
    }
    .map_err(http::storage)
}

/// The first row of a statement's answer, if any.
pub async fn first<T: DeserializeOwned>(
    statement: worker::Result<D1PreparedStatement>,
) -> Result<Option<T>, ApiError> {
    let statement = statement.map_err(http::storage)?;
    match request::take_proof() {
        Some(proof) => with_proof(proof, statement)
            .await
            .and_then(|result| result.results::<T>())
            .map(|rows| rows.into_iter().next()),
        None => {
            count();
            statement.first::<T>(None).await
        }
    }
    .map_err(http::storage)
}

/// Every row of a statement's answer.
pub async fn all<T: DeserializeOwned>(
    statement: worker::Result<D1PreparedStatement>,
) -> Result<Vec<T>, ApiError> {
    let statement = statement.map_err(http::storage)?;
    match request::take_proof() {
        Some(proof) => with_proof(proof, statement).await,
        None => {
            count();
            statement.all().await
        }
    }
    .and_then(|result| result.results::<T>())
    .map_err(http::storage)
}

/// Runs `statements` as one D1 batch: one round trip, one transaction. The error is left
/// to the caller, which knows whether a UNIQUE failure means a lost race.
pub async fn send_batch(
    db: &D1Database,
    mut statements: Vec<D1PreparedStatement>,
) -> worker::Result<Vec<D1Result>> {
    count();
    let Some(proof) = request::take_proof() else {
        return db.batch(statements).await;
    };
    statements.insert(0, proof.statement);
    let mut results = db.batch(statements).await?;
    let proved = !results.is_empty() && (proof.holds)(&results.remove(0));
    if !proved {
        request::refute();
        return Err(worker::Error::RustError("the request's proof of its caller failed".into()));
    }
    Ok(results)
}

/// One statement in a batch with the request's proof.
async fn with_proof(proof: request::Proof, statement: D1PreparedStatement) -> worker::Result<D1Result> {
    let db = request::opened()?;
    request::require(proof);
    let mut results = send_batch(&db, vec![statement]).await?;
    results.pop().ok_or_else(|| worker::Error::RustError("D1 answered a batch of one with none".into()))
}

/// A batch that lost a race on a UNIQUE constraint (an event's version, a recorded SLA
/// step) rolled back whole: that is a `version_conflict`, anything else a storage failure.
pub fn lost_race(error: worker::Error, message: &str) -> ApiError {
    if error.to_string().contains("UNIQUE constraint failed") {
        ApiError::new(edgedesk_domain::ErrorCode::VersionConflict, message)
    } else {
        http::storage(error)
    }
}

/// The id an `INSERT … RETURNING id` produced, or `None` when it inserted nothing (an
/// `ON CONFLICT DO NOTHING` that met a conflict).
pub async fn inserted_id(statement: worker::Result<D1PreparedStatement>) -> Result<Option<i64>, ApiError> {
    #[derive(serde::Deserialize)]
    struct Inserted {
        id: i64,
    }
    Ok(first::<Inserted>(statement).await?.map(|row| row.id))
}

/// The id of an insert that cannot meet a conflict.
pub fn created(id: Option<i64>) -> Result<i64, ApiError> {
    id.ok_or_else(|| http::internal("INSERT … RETURNING id returned no row"))
}

/// How many rows a write changed (0 when D1 does not say).
pub fn changes(result: &D1Result) -> Result<usize, ApiError> {
    Ok(result.meta().map_err(http::storage)?.and_then(|meta| meta.changes).unwrap_or(0))
}
