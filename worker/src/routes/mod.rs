//! The route table: which endpoint a path names and which methods it answers.
//! Unknown paths and wrong methods get JSON errors like everything else.

mod health;
mod sweep_runs;
mod tickets;

use edgedesk_domain::{ApiError, ErrorCode};
use worker::{Env, Method, Request};

use crate::http::{self, Reply};

enum Endpoint {
    Health,
    Tickets,
    Ticket(String),
    SweepRuns,
}

impl Endpoint {
    fn from_path(path: &str) -> Option<Self> {
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
        match segments.as_slice() {
            ["api", "health"] => Some(Self::Health),
            ["api", "tickets"] => Some(Self::Tickets),
            ["api", "tickets", id] => Some(Self::Ticket((*id).to_string())),
            ["api", "sweep-runs"] => Some(Self::SweepRuns),
            _ => None,
        }
    }

    fn allowed_methods(&self) -> &'static str {
        match self {
            Self::Tickets => "GET, POST",
            Self::Health | Self::Ticket(_) | Self::SweepRuns => "GET",
        }
    }
}

pub async fn handle(req: &mut Request, env: &Env) -> Reply {
    let Some(endpoint) = Endpoint::from_path(&req.path()) else {
        return Err(ApiError::new(ErrorCode::NotFound, format!("No API route {}", req.path())));
    };
    match (&endpoint, req.method()) {
        (Endpoint::Health, Method::Get) => health::show(env).await,
        (Endpoint::Tickets, Method::Get) => tickets::list(req, env).await,
        (Endpoint::Tickets, Method::Post) => tickets::create(req, env).await,
        (Endpoint::Ticket(id), Method::Get) => tickets::show(id, env).await,
        (Endpoint::SweepRuns, Method::Get) => sweep_runs::list(env).await,
        (_, method) => {
            let allowed = endpoint.allowed_methods();
            let error = ApiError::new(
                ErrorCode::MethodNotAllowed,
                format!("{} is not allowed here; use {allowed}", method.as_ref()),
            );
            let mut response = http::error_response(&error);
            response.headers_mut().set("Allow", allowed).map_err(http::internal)?;
            Ok(response)
        }
    }
}
