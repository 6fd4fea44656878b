//! Request parsing and response building shared by every route: one place that turns an
//! [`ApiError`] into JSON, enforces body limits and adds security headers.

use edgedesk_domain::body::{missing_field, unknown_field};
use edgedesk_domain::id::{oversized_number, parse_id};
use edgedesk_domain::{ApiError, ErrorCode};
use serde::{de::DeserializeOwned, Serialize};
use worker::{console_error, Env, Method, Request, Response};

use crate::store::request::Served;

/// Largest request body the API reads. Ticket text is limited far below this by the domain.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub type Reply = Result<Response, ApiError>;

pub fn json<T: Serialize>(status: u16, body: &T) -> Reply {
    Response::from_json(body).map(|response| response.with_status(status)).map_err(internal)
}

/// A CSV file to download under `name` (a name the Worker made: dates and words only).
pub fn csv_download(body: String, name: &str) -> Reply {
    let mut response = Response::ok(body).map_err(internal)?;
    let headers = response.headers_mut();
    headers.set("Content-Type", "text/csv; charset=utf-8").map_err(internal)?;
    headers.set("Content-Disposition", &format!("attachment; filename=\"{name}\"")).map_err(internal)?;
    Ok(response)
}

pub fn error_response(error: &ApiError) -> Response {
    let mut response = Response::from_json(error)
        .map(|response| response.with_status(error.http_status()))
        .unwrap_or_else(|_| Response::empty().expect("an empty response").with_status(500));
    if let Some(seconds) = error.retry_after {
        let _ = response.headers_mut().set("Retry-After", &seconds.to_string());
    }
    response
}

/// The query string of the request, read from the raw URL (parsing it with the `url`
/// crate would add its IDNA tables to the Worker for nothing).
pub fn query_string(req: &Request) -> String {
    let url = req.inner().url();
    let without_fragment = url.split('#').next().unwrap_or_default();
    without_fragment.split_once('?').map(|(_, query)| query.to_string()).unwrap_or_default()
}

/// `scheme://host[:port]` of the request, for links in notifications.
pub fn origin(req: &Request) -> String {
    let url = req.inner().url();
    match url.split_once("://") {
        Some((scheme, rest)) => {
            format!("{scheme}://{}", rest.split(['/', '?', '#']).next().unwrap_or_default())
        }
        None => String::new(),
    }
}

/// Where people reach the desk (`PUBLIC_URL`), for links in mail that no request started
/// (a ticket opened by mail): no trailing slash.
pub fn public_url(env: &Env) -> String {
    let url = env.var("PUBLIC_URL").map(|value| value.to_string()).unwrap_or_default();
    let url = url.trim().trim_end_matches('/');
    if url.is_empty() {
        "http://localhost:8787".to_string()
    } else {
        url.to_string()
    }
}

/// The client's address as Cloudflare reports it.
pub fn client_address(req: &Request) -> String {
    req.headers().get("cf-connecting-ip").ok().flatten().unwrap_or_else(|| "unknown".to_string())
}

/// A numeric id from the path; anything that is not one names nothing, so it is a 404.
pub fn path_id(text: &str, what: &str) -> Result<i64, ApiError> {
    parse_id(text).ok_or_else(|| ApiError::not_found(what))
}

/// Reads a JSON object body: `Content-Type: application/json`, at most [`MAX_BODY_BYTES`],
/// numbers D1 can hold exactly, and only fields the request type takes.
pub async fn read_json<T: DeserializeOwned + Serialize>(req: &mut Request) -> Result<T, ApiError> {
    let value = read_object(req).await?;
    let parsed = T::deserialize(&value).map_err(|err| {
        let detail = err.to_string();
        match missing_field(&detail) {
            Some(field) => {
                ApiError::new(ErrorCode::Required, format!("{field} is required")).with_field(field)
            }
            None => invalid_json(detail),
        }
    })?;
    let understood = serde_json::to_value(&parsed).map_err(internal)?;
    if let Some(field) = unknown_field(&value, &understood) {
        return Err(ApiError::new(ErrorCode::InvalidJson, format!("{field} is not a field of this request"))
            .with_field(&field));
    }
    Ok(parsed)
}

fn invalid_json(detail: String) -> ApiError {
    ApiError::new(ErrorCode::InvalidJson, format!("The body is not valid JSON for this request: {detail}"))
}

/// Reads a JSON object body with [`read_json`]'s checks, leaving its shape to the caller.
pub async fn read_object(req: &mut Request) -> Result<serde_json::Value, ApiError> {
    let content_type = header(req, "content-type").unwrap_or_default().to_ascii_lowercase();
    let media_type = content_type.split(';').next().unwrap_or_default().trim();
    if media_type != "application/json" {
        return Err(ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "Send the body as JSON with Content-Type: application/json",
        ));
    }
    let too_large = || {
        ApiError::new(ErrorCode::PayloadTooLarge, format!("The body must be at most {MAX_BODY_BYTES} bytes"))
    };
    let declared = header(req, "content-length").and_then(|len| len.trim().parse::<usize>().ok());
    if declared.is_some_and(|len| len > MAX_BODY_BYTES) {
        return Err(too_large());
    }
    let body = req
        .bytes()
        .await
        .map_err(|_| ApiError::new(ErrorCode::InvalidJson, "The request body could not be read"))?;
    if body.len() > MAX_BODY_BYTES {
        return Err(too_large());
    }
    // Serde would accept `[]` for a struct whose fields all default; request bodies are objects.
    let value: serde_json::Value =
        serde_json::from_slice(&body).map_err(|err| invalid_json(err.to_string()))?;
    if !value.is_object() {
        return Err(invalid_json("expected a JSON object".to_string()));
    }
    if let Some(field) = oversized_number(&value) {
        return Err(ApiError::new(
            ErrorCode::InvalidValue,
            format!("{field} is larger than any id or count here"),
        )
        .with_field(&field));
    }
    Ok(value)
}

/// CSRF defence for cookie-authenticated writes: a browser always sends `Origin` on a
/// cross-site POST, so a write whose `Origin` is not this site is refused. Clients that
/// send no `Origin` (curl, servers) are not browsers carrying someone else's cookie.
pub fn require_same_origin(req: &Request) -> Result<(), ApiError> {
    let Some(origin) = header(req, "origin") else { return Ok(()) };
    let host = header(req, "host").unwrap_or_default();
    let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or_default();
    if !host.is_empty() && origin_host.eq_ignore_ascii_case(&host) {
        Ok(())
    } else {
        Err(ApiError::new(ErrorCode::CrossOrigin, "Cross-site requests cannot change anything here"))
    }
}

fn header(req: &Request, name: &str) -> Option<String> {
    req.headers().get(name).ok().flatten()
}

/// Logs the cause for operators and answers with a generic 500: internals never leak.
pub fn internal(cause: impl std::fmt::Display) -> ApiError {
    console_error!("internal error: {cause}");
    ApiError::new(ErrorCode::Internal, "Something went wrong on our side; nothing was saved")
}

/// D1 failures are reported as a retryable 503 without the driver's text.
pub fn storage(cause: worker::Error) -> ApiError {
    // A refuted request is served again; its failed batch is no fault to report.
    if !crate::store::request::refuted() {
        console_error!("D1 error: {cause}");
    }
    ApiError::new(ErrorCode::StorageUnavailable, "The ticket store is unavailable; please try again")
}

/// The header that carries a D1 bookmark both ways (README, "Round trips to D1").
const BOOKMARK: &str = "X-D1-Bookmark";

/// Where the request's D1 session starts: after the bookmark the client last saw (so it
/// reads its own writes from any replica), else anywhere for reads and at the primary for
/// writes (which check versions against the latest state). Only a plausible bookmark is
/// passed on (hex and dashes, short): anything else is ignored, never an error.
pub fn d1_session_start(req: &Request) -> String {
    let bookmark = req.headers().get(BOOKMARK).ok().flatten().filter(|bookmark| {
        (1..=128).contains(&bookmark.len()) && bookmark.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
    });
    match (bookmark, req.method()) {
        (Some(bookmark), _) => bookmark,
        (None, Method::Get | Method::Head) => "first-unconstrained".to_string(),
        (None, _) => "first-primary".to_string(),
    }
}

/// What the request did with D1: how many round trips it took, as `Server-Timing`
/// (browsers' developer tools show it; tests and `make bench` read it so the count cannot
/// creep up unnoticed), and the bookmark for the client's next request.
pub fn with_d1(mut response: Response, served: &Served) -> Response {
    if response.status_code() != 101 {
        let headers = response.headers_mut();
        let timing = format!("d1;desc=\"round trips: {}\"", served.round_trips);
        let set = |name: &str, value: &str| {
            if let Err(err) = headers.set(name, value) {
                console_error!("could not set {name}: {err}");
            }
        };
        set("Server-Timing", &timing);
        if let Some(bookmark) = &served.bookmark {
            set(BOOKMARK, bookmark);
        }
    }
    response
}

/// API responses are data, never documents: nothing may run or frame them, and they
/// must not be cached by shared caches because they will carry personal data.
pub fn with_security_headers(mut response: Response, https: bool) -> Response {
    // A WebSocket handshake from a Durable Object has immutable headers and no body.
    if response.status_code() == 101 {
        return response;
    }
    let headers = response.headers_mut();
    let set = |name: &str, value: &str| {
        if let Err(err) = headers.set(name, value) {
            console_error!("could not set {name}: {err}");
        }
    };
    set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    set("X-Content-Type-Options", "nosniff");
    set("Referrer-Policy", "no-referrer");
    set("Cache-Control", "no-store");
    if https {
        set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    }
    response
}
