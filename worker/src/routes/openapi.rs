use worker::{Headers, Response};

use crate::http::{self, Reply};

/// The API described in OpenAPI 3.1, kept next to the route table (tests/api/openapi.spec.mjs
/// fails when a route is missing from it or an answer does not match it).
const DOCUMENT: &str = include_str!("../../openapi.json");

/// `GET /api/openapi.json`: public, like the API's shape itself.
pub fn show() -> Reply {
    let headers = Headers::new();
    headers.set("Content-Type", "application/json; charset=utf-8").map_err(http::internal)?;
    Ok(Response::ok(DOCUMENT).map_err(http::internal)?.with_headers(headers))
}
