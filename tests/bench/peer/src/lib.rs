//! What a Worker costs with nothing of a service desk in it: each request is one D1
//! statement answered as JSON. `make bench` divides Edgedesk's p50 by this one's.

use serde::{Deserialize, Serialize};
use worker::{event, query, Context, Env, Request, Response, Result};

#[derive(Serialize, Deserialize)]
struct Item {
    id: i64,
    title: String,
    status: String,
    priority: String,
    updated_at: f64,
}

#[derive(Deserialize)]
struct NewItem {
    title: String,
}

#[event(fetch)]
async fn fetch(mut req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let db = env.d1("DB")?;
    let path = req.path();
    match (req.method(), path.as_str()) {
        (worker::Method::Get, "/health") => Response::ok("ok"),
        // The list: the 50 most recently updated rows.
        (worker::Method::Get, "/items") => {
            let rows = db
                .prepare("SELECT id, title, status, priority, updated_at FROM items ORDER BY updated_at DESC LIMIT 50")
                .all()
                .await?
                .results::<Item>()?;
            Response::from_json(&rows)
        }
        // The page: one row by id.
        (worker::Method::Get, item) if item.starts_with("/items/") => {
            let id: f64 = item["/items/".len()..].parse().map_err(|_| "bad id")?;
            match query!(&db, "SELECT id, title, status, priority, updated_at FROM items WHERE id = ?1", id)?
                .first::<Item>(None)
                .await?
            {
                Some(row) => Response::from_json(&row),
                None => Response::error("not found", 404),
            }
        }
        // Creation: one INSERT.
        (worker::Method::Post, "/items") => {
            let new: NewItem = req.json().await?;
            let row = query!(
                &db,
                "INSERT INTO items (title, status, priority, updated_at) VALUES (?1, 'new', 'p3', ?2)
                 RETURNING id, title, status, priority, updated_at",
                new.title,
                worker::Date::now().as_millis() as f64
            )?
            .first::<Item>(None)
            .await?;
            Ok(Response::from_json(&row)?.with_status(201))
        }
        _ => Response::error("not found", 404),
    }
}
