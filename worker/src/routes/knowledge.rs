use edgedesk_domain::knowledge::{match_any, ArticleInput, Suggestions};
use edgedesk_domain::paging::query_pairs;
use edgedesk_domain::{policy, ApiError, Conflict, ErrorCode};
use worker::Request;

use super::Ctx;
use crate::http::{self, Reply};
use crate::store;
use crate::store::batch::{Batch, Pending};

fn is_staff(ctx: &Ctx<'_>) -> bool {
    policy::staff(ctx.principal()).is_ok()
}

fn search_text(req: &Request) -> String {
    query_pairs(&http::query_string(req))
        .find(|(key, _)| key == "q")
        .map(|(_, value)| value)
        .unwrap_or_default()
}

/// `GET /api/kb?q=`: published articles for everyone (drafts too for staff), best match
/// first, or the newest without a search.
pub async fn list(req: &Request, ctx: &Ctx<'_>) -> Reply {
    let text = search_text(req);
    let fts_query = match_any(&text);
    if !text.trim().is_empty() && fts_query.is_none() {
        return http::json(200, &Vec::<()>::new());
    }
    http::json(200, &store::knowledge::articles(ctx.env, fts_query.as_deref(), is_staff(ctx), 50).await?)
}

/// `GET /api/kb/{id}`: a published article, or a draft for staff; otherwise 404.
pub async fn show(id: &str, ctx: &Ctx<'_>) -> Reply {
    let missing = || ApiError::not_found("Article");
    let mut article =
        store::knowledge::article(ctx.env, http::path_id(id, "Article")?).await?.ok_or_else(missing)?;
    if !is_staff(ctx) {
        if !article.published {
            return Err(missing());
        }
        // Which ticket it came from is the desk's business.
        article.source_ticket_id = None;
    }
    http::json(200, &article)
}

/// `POST /api/kb` (staff): a new article, often written from a ticket's resolution.
pub async fn create(req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    let principal = policy::staff(ctx.principal())?;
    let input = http::read_json::<ArticleInput>(req).await?.validate()?;
    let id = store::knowledge::insert(ctx.env, &input, &principal.name, ctx.now).await?.ok_or_else(|| {
        ApiError::new(ErrorCode::InvalidValue, "There is no such ticket").with_field("source_ticket_id")
    })?;
    http::json(201, &store::knowledge::article(ctx.env, id).await?.ok_or_else(|| http::internal("vanished"))?)
}

/// `PATCH /api/kb/{id}` (staff): title, text and publication, versioned.
pub async fn update(id: &str, req: &mut Request, ctx: &Ctx<'_>) -> Reply {
    policy::staff(ctx.principal())?;
    let id = http::path_id(id, "Article")?;
    let missing = || ApiError::not_found("Article");
    let input = http::read_json::<ArticleInput>(req).await?.validate()?;
    let version = input.version.ok_or_else(|| {
        ApiError::new(ErrorCode::VersionRequired, "Say which version this change is based on")
            .with_field("version")
    })?;
    if !store::knowledge::update(ctx.env, id, version, &input, ctx.now).await? {
        let current = store::knowledge::article(ctx.env, id).await?.ok_or_else(missing)?;
        let error =
            ApiError::new(ErrorCode::VersionConflict, "Someone changed this article meanwhile; look again");
        return http::json(409, &Conflict { error, current });
    }
    http::json(200, &store::knowledge::article(ctx.env, id).await?.ok_or_else(missing)?)
}

/// `GET /api/suggestions?q=&ticket=`: earlier solutions for a text being written. Everyone
/// gets published articles; staff also get similar resolved tickets (never customers:
/// those tickets belong to other people).
pub async fn suggestions(req: &Request, ctx: &Ctx<'_>) -> Reply {
    let pairs: Vec<(String, String)> = query_pairs(&http::query_string(req)).collect();
    let value = |name: &str| pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone());
    let Some(fts_query) = match_any(&value("q").unwrap_or_default()) else {
        return http::json(200, &Suggestions::default());
    };
    let staff = is_staff(ctx);
    let except = value("ticket").and_then(|id| edgedesk_domain::id::parse_id(&id)).unwrap_or(0);
    let mut batch = Batch::new(ctx.env)?;
    let tickets = match staff {
        true => store::knowledge::similar_resolved_in(&mut batch, &fts_query, except, 5)?,
        false => Pending::ready(Vec::new()),
    };
    let articles = store::knowledge::articles_in(&mut batch, Some(&fts_query), staff, 5)?;
    let found = batch.run().await?;
    http::json(200, &Suggestions { tickets: tickets.take(&found)?, articles: articles.take(&found)? })
}
