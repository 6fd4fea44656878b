//! Full-text search over resolved tickets and knowledge-base articles (FTS5).

use chrono::{DateTime, Utc};
use edgedesk_domain::knowledge::{excerpt, Article, ArticleInput, ArticleSummary, SimilarTicket};
use edgedesk_domain::ticket::{ticket_number, TicketKind};
use edgedesk_domain::ApiError;
use serde::Deserialize;
use worker::{query, Env};

use super::batch::{Batch, Pending};
use super::{db, first, inserted_id};
use crate::clock::from_millis;

/// Resolved or closed tickets matching `fts_query`, best first (title weighs most, then the
/// resolution, then the description).
pub fn similar_resolved_in(
    batch: &mut Batch,
    fts_query: &str,
    except_id: i64,
    limit: u32,
) -> Result<Pending<Vec<SimilarTicket>>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        id: i64,
        kind: String,
        title: String,
        resolution_notes: Option<String>,
    }
    let statement = query!(
        batch.db(),
        "SELECT t.id, t.kind, t.title, t.resolution_notes
         FROM tickets_fts JOIN tickets t ON t.id = tickets_fts.rowid
         WHERE tickets_fts MATCH ?1 AND t.status IN ('resolved', 'closed') AND t.id != ?2
         ORDER BY bm25(tickets_fts, 10.0, 1.0, 5.0) LIMIT ?3",
        fts_query,
        except_id,
        limit
    );
    batch.read(statement, |rows: Vec<Row>| {
        Ok(rows
            .into_iter()
            .map(|row| SimilarTicket {
                id: row.id,
                number: ticket_number(TicketKind::parse(&row.kind).unwrap_or(TicketKind::Incident), row.id),
                title: row.title,
                resolution: row.resolution_notes.as_deref().map(excerpt),
            })
            .collect())
    })
}

#[derive(Deserialize)]
struct ArticleRow {
    id: i64,
    title: String,
    body: String,
    source_ticket_id: Option<i64>,
    published: i64,
    author: String,
    updated_at: i64,
    version: i64,
}

fn summary(row: ArticleRow) -> ArticleSummary {
    ArticleSummary {
        id: row.id,
        title: row.title,
        excerpt: excerpt(&row.body),
        published: row.published == 1,
    }
}

const ARTICLE_COLUMNS: &str =
    "a.id, a.title, a.body, a.source_ticket_id, a.published, a.author, a.updated_at, a.version";

/// Articles matching `fts_query` (or the newest, without one); drafts only for staff.
pub async fn articles(
    env: &Env,
    fts_query: Option<&str>,
    with_drafts: bool,
    limit: u32,
) -> Result<Vec<ArticleSummary>, ApiError> {
    Batch::one(env, |batch| articles_in(batch, fts_query, with_drafts, limit)).await
}

pub fn articles_in(
    batch: &mut Batch,
    fts_query: Option<&str>,
    with_drafts: bool,
    limit: u32,
) -> Result<Pending<Vec<ArticleSummary>>, ApiError> {
    let db = batch.db();
    let published = if with_drafts { "" } else { "AND a.published = 1" };
    let statement = match fts_query {
        Some(fts_query) => query!(
            &db,
            &format!(
                "SELECT {ARTICLE_COLUMNS} FROM kb_fts JOIN kb_articles a ON a.id = kb_fts.rowid
                 WHERE kb_fts MATCH ?1 {published} ORDER BY bm25(kb_fts, 5.0, 1.0) LIMIT ?2"
            ),
            fts_query,
            limit
        ),
        None => query!(
            &db,
            &format!("SELECT {ARTICLE_COLUMNS} FROM kb_articles a WHERE 1 = 1 {published} ORDER BY a.id DESC LIMIT ?1"),
            limit
        ),
    };
    batch.read(statement, |rows: Vec<ArticleRow>| Ok(rows.into_iter().map(summary).collect()))
}

pub async fn article(env: &Env, id: i64) -> Result<Option<Article>, ApiError> {
    let db = db(env)?;
    let row = first::<ArticleRow>(query!(
        &db,
        &format!("SELECT {ARTICLE_COLUMNS} FROM kb_articles a WHERE a.id = ?1"),
        id
    ))
    .await?;
    Ok(row.map(|row| Article {
        id: row.id,
        title: row.title,
        body: row.body,
        source_ticket_id: row.source_ticket_id,
        published: row.published == 1,
        author: row.author,
        updated_at: from_millis(row.updated_at),
        version: row.version,
    }))
}

/// A new article; `None` when it names a source ticket that does not exist.
pub async fn insert(
    env: &Env,
    input: &ArticleInput,
    author: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, ApiError> {
    let db = db(env)?;
    inserted_id(query!(
        &db,
        "INSERT INTO kb_articles (title, body, source_ticket_id, published, author, created_at, updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?6
         WHERE ?3 IS NULL OR EXISTS (SELECT 1 FROM tickets WHERE id = ?3)
         RETURNING id",
        &input.title,
        &input.body,
        input.source_ticket_id,
        i32::from(input.published),
        author,
        now.timestamp_millis()
    ))
    .await
}

/// Saves a change based on `version`; false when someone saved first.
pub async fn update(
    env: &Env,
    id: i64,
    version: i64,
    input: &ArticleInput,
    now: DateTime<Utc>,
) -> Result<bool, ApiError> {
    #[derive(Deserialize)]
    struct Updated {
        version: i64,
    }
    let db = db(env)?;
    // RETURNING, not the change count: D1 counts the FTS trigger's rows as changes too.
    let updated = first::<Updated>(query!(
        &db,
        "UPDATE kb_articles SET title = ?3, body = ?4, published = ?5, updated_at = ?6, version = version + 1
         WHERE id = ?1 AND version = ?2 RETURNING version",
        id,
        version,
        &input.title,
        &input.body,
        i32::from(input.published),
        now.timestamp_millis()
    ))
    .await?;
    Ok(updated.is_some_and(|row| row.version == version + 1))
}
