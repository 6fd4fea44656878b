//! Presence records: one row per (ticket, person), renewed by each open console page.

use chrono::{DateTime, Duration, Utc};
use edgedesk_domain::presence::{Presence, FRESH_FOR_SECONDS};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::{db, run};
use crate::clock::from_millis;
use crate::http;

/// Renews `mine` and returns everyone recently on the ticket, in one batch.
pub async fn renew(env: &Env, ticket_id: i64, mine: &Presence) -> Result<Vec<Presence>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        user_id: i64,
        name: String,
        editing: i64,
        seen_at: i64,
    }
    let db = db(env)?;
    let now = mine.seen_at.timestamp_millis();
    let upsert = query!(
        &db,
        "INSERT INTO presence (ticket_id, user_id, name, editing, seen_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (ticket_id, user_id) DO UPDATE SET name = excluded.name, editing = excluded.editing,
                                                        seen_at = excluded.seen_at",
        ticket_id,
        mine.user_id,
        &mine.name,
        i32::from(mine.editing),
        now
    )
    .map_err(http::storage)?;
    let recent = query!(
        &db,
        "SELECT user_id, name, editing, seen_at FROM presence WHERE ticket_id = ?1 AND seen_at >= ?2",
        ticket_id,
        now - FRESH_FOR_SECONDS * 1000
    )
    .map_err(http::storage)?;
    let results = super::send_batch(&db, vec![upsert, recent]).await.map_err(http::storage)?;
    let rows = results.get(1).map(|result| result.results::<Row>()).transpose().map_err(http::storage)?;
    Ok(rows
        .unwrap_or_default()
        .into_iter()
        .map(|row| Presence {
            user_id: row.user_id,
            name: row.name,
            editing: row.editing == 1,
            seen_at: from_millis(row.seen_at),
        })
        .collect())
}

/// Removes records nobody renewed for a day (the sweep's housekeeping).
pub async fn forget_old(env: &Env, now: DateTime<Utc>) -> Result<(), ApiError> {
    let db = db(env)?;
    let cutoff = (now - Duration::days(1)).timestamp_millis();
    run(query!(&db, "DELETE FROM presence WHERE seen_at < ?1", cutoff)).await.map(|_| ())
}
