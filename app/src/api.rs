//! The API client: typed calls over the DTOs shared with the Worker. Every failure comes
//! back as the API's own error shape, including "could not reach the server".

use edgedesk_domain::paging::Page;
use edgedesk_domain::ticket::{CreatedTicket, NewTicket, Ticket, TicketSummary};
use edgedesk_domain::{ApiError, ErrorCode};
use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;

pub async fn create_ticket(report: &NewTicket) -> Result<CreatedTicket, ApiError> {
    let request = Request::post("/api/tickets").json(report).map_err(network)?;
    decode(request.send().await.map_err(network)?).await
}

pub async fn list_tickets(cursor: Option<&str>) -> Result<Page<TicketSummary>, ApiError> {
    let mut request = Request::get("/api/tickets");
    if let Some(cursor) = cursor {
        request = request.query([("cursor", cursor)]);
    }
    decode(request.send().await.map_err(network)?).await
}

pub async fn get_ticket(id: &str) -> Result<Ticket, ApiError> {
    let path = format!("/api/tickets/{}", js_sys::encode_uri_component(id));
    decode(Request::get(&path).send().await.map_err(network)?).await
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response.json::<T>().await.map_err(|err| ApiError::new(ErrorCode::Internal, err.to_string()));
    }
    let status = response.status();
    Err(response.json::<ApiError>().await.unwrap_or_else(|_| {
        ApiError::new(ErrorCode::Internal, format!("The server answered {status} without an explanation"))
    }))
}

fn network(err: gloo_net::Error) -> ApiError {
    ApiError::new(ErrorCode::Network, err.to_string())
}
