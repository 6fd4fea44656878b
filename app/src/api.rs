//! The API client: typed calls over the DTOs shared with the Worker. Every failure comes
//! back as the API's own error shape, including "could not reach the server".

use edgedesk_domain::admin::{
    AcceptInvitation, ApiTokenCreated, ApiTokenSummary, InvitationCreated, InvitationInfo, NewApiToken,
    NewInvitation, NewOrganisation, OrganisationChange, OrganisationSummary, UserChange, UserSummary,
};
use edgedesk_domain::alert::{AlertSummary, Integration, SavedAlertPolicy, SavedIntegrationPolicy};
use edgedesk_domain::auth::{Credentials, LanguageChoice, Me, SessionInfo, SignUp};
use edgedesk_domain::breach::{BreachAction, BreachCase, BreachSummary, Invite, NewBreachCase};
use edgedesk_domain::canned::CannedReplies;
use edgedesk_domain::category::{Category, CategoryInput};
use edgedesk_domain::inbound::Inbox;
use edgedesk_domain::knowledge::{Article, ArticleInput, ArticleSummary, Suggestions};
use edgedesk_domain::message::Language as Lang;
use edgedesk_domain::outbox::OutboxMessage;
use edgedesk_domain::paging::Page;
use edgedesk_domain::presence::{Presence, PresenceUpdate};
use edgedesk_domain::queue::QueueCount;
use edgedesk_domain::report::Dashboard;
use edgedesk_domain::reset::{NewPassword, ResetRequest};
use edgedesk_domain::sla::SavedSlaSettings;
use edgedesk_domain::subscription::{ServiceChoice, ServiceSubscriptions};
use edgedesk_domain::sweep::SweepRun;
use edgedesk_domain::ticket::{
    AgentSummary, CreatedTicket, NewTicket, StatusView, TicketSummary, TicketView,
};
use edgedesk_domain::webhook::{CreatedWebhook, Delivery, NewWebhook, Webhook, WebhookChange};
use edgedesk_domain::workflow::{ActionRequest, BulkOutcome, BulkRequest, SavedRules};
use edgedesk_domain::{ApiError, Conflict, ErrorCode};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub async fn create_ticket(report: &NewTicket) -> Result<CreatedTicket, ApiError> {
    post("/api/tickets", report).await
}

/// One page of a queue; `filters` are the list's query parameters (queue, status, q…).
pub async fn list_tickets(
    filters: &[(&'static str, String)],
    cursor: Option<&str>,
) -> Result<Page<TicketSummary>, ApiError> {
    let mut request = Request::get("/api/tickets").query(
        filters.iter().filter(|(_, value)| !value.is_empty()).map(|(key, value)| (*key, value.as_str())),
    );
    if let Some(cursor) = cursor {
        request = request.query([("cursor", cursor)]);
    }
    send(request).await
}

/// One process step on a ticket; `Stale` carries the current page when the version was old.
pub async fn act(ticket_id: i64, action: &ActionRequest) -> Result<Saved<TicketView>, ApiError> {
    let request =
        Request::post(&format!("/api/tickets/{ticket_id}/actions")).json(action).map_err(network)?;
    versioned(dispatch(request).await?).await
}

/// A step taken through a status link (reply, confirm, reopen, rate).
pub async fn act_by_link(token: &str, action: &ActionRequest) -> Result<Saved<StatusView>, ApiError> {
    let path = format!("/api/status/{}/actions", js_sys::encode_uri_component(token));
    let request = Request::post(&path).json(action).map_err(network)?;
    versioned(dispatch(request).await?).await
}

pub async fn articles(search: &str) -> Result<Vec<ArticleSummary>, ApiError> {
    send(Request::get("/api/kb").query([("q", search)])).await
}

pub async fn article(id: &str) -> Result<Article, ApiError> {
    send(Request::get(&format!("/api/kb/{}", js_sys::encode_uri_component(id)))).await
}

pub async fn create_article(input: &ArticleInput) -> Result<Article, ApiError> {
    post("/api/kb", input).await
}

pub async fn update_article(id: i64, input: &ArticleInput) -> Result<Saved<Article>, ApiError> {
    let request = Request::patch(&format!("/api/kb/{id}")).json(input).map_err(network)?;
    versioned(dispatch(request).await?).await
}

/// Earlier solutions for a text; `ticket` leaves that ticket itself out.
pub async fn suggestions(text: &str, ticket: Option<i64>) -> Result<Suggestions, ApiError> {
    let ticket = ticket.map(|id| id.to_string()).unwrap_or_default();
    send(Request::get("/api/suggestions").query([("q", text), ("ticket", ticket.as_str())])).await
}

/// Renews the caller's presence on a ticket and returns who else is there.
pub async fn presence(ticket_id: i64, update: &PresenceUpdate) -> Result<Vec<Presence>, ApiError> {
    post(&format!("/api/tickets/{ticket_id}/presence"), update).await
}

pub async fn canned_replies() -> Result<CannedReplies, ApiError> {
    send(Request::get("/api/canned-replies")).await
}

/// One step for many tickets; the answer says per ticket whether it worked.
pub async fn bulk(request: &BulkRequest) -> Result<Vec<BulkOutcome>, ApiError> {
    post("/api/tickets/bulk", request).await
}

pub async fn all_categories() -> Result<Vec<Category>, ApiError> {
    send(Request::get("/api/admin/categories")).await
}

pub async fn create_category(input: &CategoryInput) -> Result<Category, ApiError> {
    post("/api/admin/categories", input).await
}

pub async fn update_category(id: i64, input: &CategoryInput) -> Result<Saved<Category>, ApiError> {
    let request = Request::patch(&format!("/api/admin/categories/{id}")).json(input).map_err(network)?;
    versioned(dispatch(request).await?).await
}

pub async fn rules() -> Result<SavedRules, ApiError> {
    send(Request::get("/api/admin/rules")).await
}

pub async fn save_rules(rules: &SavedRules) -> Result<Saved<SavedRules>, ApiError> {
    let request = Request::put("/api/admin/rules").json(rules).map_err(network)?;
    versioned(dispatch(request).await?).await
}

pub async fn alert_policy() -> Result<SavedAlertPolicy, ApiError> {
    send(Request::get("/api/admin/alerts/settings")).await
}

pub async fn save_alert_policy(policy: &SavedAlertPolicy) -> Result<Saved<SavedAlertPolicy>, ApiError> {
    let request = Request::put("/api/admin/alerts/settings").json(policy).map_err(network)?;
    versioned(dispatch(request).await?).await
}

pub async fn alert_integrations() -> Result<Vec<Integration>, ApiError> {
    send(Request::get("/api/admin/alerts/integrations")).await
}

pub async fn save_alert_integration(
    token_id: i64,
    settings: &SavedIntegrationPolicy,
) -> Result<Saved<SavedIntegrationPolicy>, ApiError> {
    let address = format!("/api/admin/alerts/integrations/{token_id}");
    let request = Request::put(&address).json(settings).map_err(network)?;
    versioned(dispatch(request).await?).await
}

/// The dashboard for the report the address names (`search`: the page's own query string).
pub async fn dashboard(search: &str) -> Result<Dashboard, ApiError> {
    send(Request::get(&format!("/api/reports/dashboard{search}"))).await
}

pub async fn breaches() -> Result<Vec<BreachSummary>, ApiError> {
    send(Request::get("/api/breaches")).await
}

pub async fn open_breach(case: &NewBreachCase) -> Result<BreachCase, ApiError> {
    post("/api/breaches", case).await
}

pub async fn breach(id: &str) -> Result<BreachCase, ApiError> {
    send(Request::get(&format!("/api/breaches/{}", js_sys::encode_uri_component(id)))).await
}

pub async fn breach_act(id: i64, action: &BreachAction) -> Result<Saved<BreachCase>, ApiError> {
    let request = Request::post(&format!("/api/breaches/{id}/actions")).json(action).map_err(network)?;
    versioned(dispatch(request).await?).await
}

pub async fn breach_invite(id: i64, invite: &Invite) -> Result<BreachCase, ApiError> {
    post(&format!("/api/breaches/{id}/members"), invite).await
}

pub async fn recent_alerts() -> Result<Vec<AlertSummary>, ApiError> {
    send(Request::get("/api/admin/alerts")).await
}

pub async fn sla_settings() -> Result<SavedSlaSettings, ApiError> {
    send(Request::get("/api/admin/sla")).await
}

pub async fn save_sla_settings(settings: &SavedSlaSettings) -> Result<Saved<SavedSlaSettings>, ApiError> {
    let request = Request::put("/api/admin/sla").json(settings).map_err(network)?;
    versioned(dispatch(request).await?).await
}

pub async fn sweep_runs() -> Result<Vec<SweepRun>, ApiError> {
    send(Request::get("/api/sweep-runs")).await
}

pub async fn save_canned_replies(canned: &CannedReplies) -> Result<Saved<CannedReplies>, ApiError> {
    let request = Request::put("/api/admin/canned-replies").json(canned).map_err(network)?;
    versioned(dispatch(request).await?).await
}

pub async fn categories() -> Result<Vec<Category>, ApiError> {
    send(Request::get("/api/categories")).await
}

/// The console's sidebar: the caller's queues with their counts.
pub async fn queues() -> Result<Vec<QueueCount>, ApiError> {
    send(Request::get("/api/queues")).await
}

pub async fn agents() -> Result<Vec<AgentSummary>, ApiError> {
    send(Request::get("/api/agents")).await
}

pub async fn set_away(away: bool) -> Result<(), ApiError> {
    let request =
        Request::put("/api/me/availability").json(&serde_json::json!({ "away": away })).map_err(network)?;
    decode::<serde_json::Value>(dispatch(request).await?).await.map(|_| ())
}

pub async fn set_language(language: Lang) -> Result<(), ApiError> {
    let request = Request::put("/api/me/language").json(&LanguageChoice { language }).map_err(network)?;
    decode::<LanguageChoice>(dispatch(request).await?).await.map(|_| ())
}

pub async fn outbox(cursor: Option<&str>) -> Result<Page<OutboxMessage>, ApiError> {
    let mut request = Request::get("/api/admin/outbox").query([("limit", "100")]);
    if let Some(cursor) = cursor {
        request = request.query([("cursor", cursor)]);
    }
    send(request).await
}

pub async fn inbox() -> Result<Inbox, ApiError> {
    send(Request::get("/api/admin/inbox").query([("limit", "100")])).await
}

pub async fn get_ticket(id: &str) -> Result<TicketView, ApiError> {
    send(Request::get(&format!("/api/tickets/{}", js_sys::encode_uri_component(id)))).await
}

pub async fn revoke_status_link(ticket_id: i64) -> Result<(), ApiError> {
    expect_empty(
        dispatch(Request::delete(&format!("/api/tickets/{ticket_id}/status-link")).build().map_err(network)?)
            .await?,
    )
    .await
}

pub async fn list_accounts(cursor: Option<&str>) -> Result<Page<UserSummary>, ApiError> {
    let mut request = Request::get("/api/admin/users").query([("limit", "100")]);
    if let Some(cursor) = cursor {
        request = request.query([("cursor", cursor)]);
    }
    send(request).await
}

/// The outcome of a versioned write that did not fail outright.
pub enum Saved<T> {
    Done(T),
    /// Someone else changed it first; this is what is stored now.
    Stale(T),
}

impl<T> Saved<T> {
    pub fn map<U>(self, convert: impl FnOnce(T) -> U) -> Saved<U> {
        match self {
            Saved::Done(value) => Saved::Done(convert(value)),
            Saved::Stale(value) => Saved::Stale(convert(value)),
        }
    }
}

pub async fn update_account(id: i64, change: &UserChange) -> Result<Saved<UserSummary>, ApiError> {
    let request = Request::patch(&format!("/api/admin/users/{id}")).json(change).map_err(network)?;
    versioned(dispatch(request).await?).await
}

/// Reads the answer to a versioned write: a 409 with `current` means someone saved first;
/// any other failure (including other 409s) is an ordinary error.
async fn versioned<T: DeserializeOwned>(response: Response) -> Result<Saved<T>, ApiError> {
    if response.ok() {
        return decode(response).await.map(Saved::Done);
    }
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    if let Ok(conflict) = serde_json::from_str::<Conflict<T>>(&body) {
        return Ok(Saved::Stale(conflict.current));
    }
    Err(serde_json::from_str::<ApiError>(&body).unwrap_or_else(|_| {
        ApiError::new(ErrorCode::Internal, format!("The server answered {status} without an explanation"))
    }))
}

pub async fn invite(invitation: &NewInvitation) -> Result<InvitationCreated, ApiError> {
    post("/api/admin/invitations", invitation).await
}

pub async fn list_organisations() -> Result<Vec<OrganisationSummary>, ApiError> {
    send(Request::get("/api/admin/organisations")).await
}

pub async fn create_organisation(organisation: &NewOrganisation) -> Result<OrganisationSummary, ApiError> {
    post("/api/admin/organisations", organisation).await
}

pub async fn update_organisation(
    id: i64,
    change: &OrganisationChange,
) -> Result<Saved<OrganisationSummary>, ApiError> {
    let request = Request::patch(&format!("/api/admin/organisations/{id}")).json(change).map_err(network)?;
    versioned(dispatch(request).await?).await
}

pub async fn list_tokens() -> Result<Vec<ApiTokenSummary>, ApiError> {
    send(Request::get("/api/admin/tokens")).await
}

pub async fn create_token(token: &NewApiToken) -> Result<ApiTokenCreated, ApiError> {
    post("/api/admin/tokens", token).await
}

pub async fn revoke_token(id: i64) -> Result<(), ApiError> {
    expect_empty(
        dispatch(Request::delete(&format!("/api/admin/tokens/{id}")).build().map_err(network)?).await?,
    )
    .await
}

pub async fn list_webhooks() -> Result<Vec<Webhook>, ApiError> {
    send(Request::get("/api/admin/webhooks")).await
}

pub async fn create_webhook(webhook: &NewWebhook) -> Result<CreatedWebhook, ApiError> {
    post("/api/admin/webhooks", webhook).await
}

pub async fn change_webhook(id: i64, change: &WebhookChange) -> Result<Webhook, ApiError> {
    let request = Request::patch(&format!("/api/admin/webhooks/{id}")).json(change).map_err(network)?;
    decode(dispatch(request).await?).await
}

pub async fn delete_webhook(id: i64) -> Result<(), ApiError> {
    expect_empty(
        dispatch(Request::delete(&format!("/api/admin/webhooks/{id}")).build().map_err(network)?).await?,
    )
    .await
}

pub async fn webhook_deliveries(id: i64) -> Result<Vec<Delivery>, ApiError> {
    send(Request::get(&format!("/api/admin/webhooks/{id}/deliveries"))).await
}

pub async fn replay_delivery(id: i64, delivery: i64) -> Result<Delivery, ApiError> {
    let request = Request::post(&format!("/api/admin/webhooks/{id}/deliveries/{delivery}/replay"))
        .build()
        .map_err(network)?;
    decode(dispatch(request).await?).await
}

pub async fn get_invitation(token: &str) -> Result<InvitationInfo, ApiError> {
    send(Request::get(&format!("/api/invitations/{}", js_sys::encode_uri_component(token)))).await
}

pub async fn accept_invitation(token: &str, acceptance: &AcceptInvitation) -> Result<Me, ApiError> {
    post(&format!("/api/invitations/{}/accept", js_sys::encode_uri_component(token)), acceptance).await
}

pub async fn get_status(token: &str) -> Result<StatusView, ApiError> {
    send(Request::get(&format!("/api/status/{}", js_sys::encode_uri_component(token)))).await
}

/// The signed-in account, or `None` when signed out.
pub async fn me() -> Result<Option<Me>, ApiError> {
    send::<SessionInfo>(Request::get("/api/session")).await.map(|session| session.me)
}

pub async fn login(credentials: &Credentials) -> Result<Me, ApiError> {
    post("/api/auth/login", credentials).await
}

pub async fn my_services() -> Result<Vec<ServiceChoice>, ApiError> {
    send(Request::get("/api/me/services")).await
}

pub async fn save_my_services(asked: &ServiceSubscriptions) -> Result<Vec<ServiceChoice>, ApiError> {
    let request = Request::put("/api/me/services").json(asked).map_err(network)?;
    decode(dispatch(request).await?).await
}

/// Asks for an account (202 whether or not the address has one: a mail says what next).
pub async fn signup(account: &SignUp) -> Result<(), ApiError> {
    let request = Request::post("/api/auth/signup").json(account).map_err(network)?;
    expect_empty(dispatch(request).await?).await
}

/// Creates the account with the link's token and signs its holder in.
pub async fn confirm_signup(token: &str) -> Result<Me, ApiError> {
    let path = format!("/api/auth/signup/{}", js_sys::encode_uri_component(token));
    decode(dispatch(Request::post(&path).build().map_err(network)?).await?).await
}

/// Asks for a link to choose a new password (202 whether or not the address has an account).
pub async fn request_password_reset(request: &ResetRequest) -> Result<(), ApiError> {
    let request = Request::post("/api/auth/password-reset").json(request).map_err(network)?;
    expect_empty(dispatch(request).await?).await
}

/// Sets a new password with the link's token (204).
pub async fn complete_password_reset(token: &str, password: &NewPassword) -> Result<(), ApiError> {
    let path = format!("/api/auth/password-reset/{}", js_sys::encode_uri_component(token));
    let request = Request::post(&path).json(password).map_err(network)?;
    expect_empty(dispatch(request).await?).await
}

pub async fn logout() -> Result<(), ApiError> {
    expect_empty(dispatch(Request::post("/api/auth/logout").build().map_err(network)?).await?).await
}

pub async fn logout_everywhere() -> Result<(), ApiError> {
    expect_empty(dispatch(Request::post("/api/auth/logout-everywhere").build().map_err(network)?).await?)
        .await
}

/// For answers without a body (204).
async fn expect_empty(response: Response) -> Result<(), ApiError> {
    if response.ok() {
        Ok(())
    } else {
        Err(error_of(response).await)
    }
}

async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let request = Request::post(path).json(body).map_err(network)?;
    decode(dispatch(request).await?).await
}

async fn send<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, ApiError> {
    decode(dispatch(request.build().map_err(network)?).await?).await
}

thread_local! {
    /// The D1 bookmark of the latest answer (README, "Round trips to D1").
    static BOOKMARK: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

const BOOKMARK_HEADER: &str = "X-D1-Bookmark";

/// Sends `request` with the D1 bookmark of the last answer, so a read served by a replica
/// is at least as fresh as what this browser saw (its own writes included), and keeps the
/// bookmark of this answer for the next request.
async fn dispatch(request: Request) -> Result<Response, ApiError> {
    if let Some(bookmark) = BOOKMARK.with(|bookmark| bookmark.borrow().clone()) {
        request.headers().set(BOOKMARK_HEADER, &bookmark);
    }
    let response = request.send().await.map_err(network)?;
    if let Some(bookmark) = response.headers().get(BOOKMARK_HEADER) {
        BOOKMARK.with(|latest| *latest.borrow_mut() = Some(bookmark));
    }
    Ok(response)
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response.json::<T>().await.map_err(|err| ApiError::new(ErrorCode::Internal, err.to_string()));
    }
    Err(error_of(response).await)
}

async fn error_of(response: Response) -> ApiError {
    let status = response.status();
    response.json::<ApiError>().await.unwrap_or_else(|_| {
        ApiError::new(ErrorCode::Internal, format!("The server answered {status} without an explanation"))
    })
}

fn network(err: gloo_net::Error) -> ApiError {
    ApiError::new(ErrorCode::Network, err.to_string())
}
