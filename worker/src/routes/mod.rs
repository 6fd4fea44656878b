//! The route table: which endpoint a path names, which methods it answers, and the checks
//! every request passes first (same-origin writes, who is calling). Unknown paths and
//! wrong methods get JSON errors like everything else.

mod admin;
mod agents;
mod alerts;
mod auth;
mod breaches;
mod canned;
mod categories;
mod health;
mod invitations;
mod knowledge;
mod me;
mod openapi;
mod reports;
mod status;
mod sweep_runs;
pub mod tickets;

use chrono::{DateTime, Utc};
use edgedesk_domain::auth::Principal;
use edgedesk_domain::{ApiError, ErrorCode};
use worker::{Context, Env, Method, Request};

use crate::auth::{identify, Caller};
use crate::clock;
use crate::http::{self, Reply};
use crate::store;

/// What every handler gets: the environment, the request's "now" and who is calling.
pub struct Ctx<'a> {
    pub env: &'a Env,
    pub now: DateTime<Utc>,
    pub caller: Caller,
    pub https: bool,
    /// Work that may finish after the response (publishing live updates).
    pub background: &'a Context,
}

impl Ctx<'_> {
    pub fn principal(&self) -> Option<&Principal> {
        self.caller.principal.as_ref()
    }
}

enum Endpoint {
    OpenApi,
    Health,
    Alerts,
    Bootstrap,
    SignUp,
    SignUpConfirm(String),
    Login,
    PasswordReset,
    PasswordResetLink(String),
    Logout,
    LogoutEverywhere,
    Me,
    Session,
    Availability,
    Language,
    MyServices,
    CannedReplies,
    AdminCannedReplies,
    BulkTickets,
    Articles,
    Article(String),
    Suggestions,
    Agents,
    Categories,
    Queues,
    Live,
    Tickets,
    Ticket(String),
    TicketActions(String),
    TicketPresence(String),
    CallInvitation(String, String),
    StatusLink(String),
    Status(String),
    StatusActions(String),
    StatusCallInvitation(String, String),
    AdminCategories,
    AdminCategory(String),
    AdminOutbox,
    AdminInbox,
    AdminAlerts,
    AdminAlertSettings,
    AdminAlertIntegrations,
    AdminAlertIntegration(String),
    AdminRules,
    AdminSla,
    SweepRuns,
    AdminUsers,
    AdminUser(String),
    AdminInvitations,
    AdminTokens,
    AdminOrganisations,
    AdminOrganisation(String),
    AdminToken(String),
    AdminWebhooks,
    Breaches,
    BreachRegister,
    ReportDashboard,
    ReportResults,
    Breach(String),
    BreachActions(String),
    BreachMembers(String),
    BreachIncidents(String),
    AdminWebhook(String),
    AdminWebhookDeliveries(String),
    AdminWebhookReplay(String, String),
    Invitation(String),
    AcceptInvitation(String),
}

impl Endpoint {
    fn from_path(path: &str) -> Option<Self> {
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
        match segments.as_slice() {
            ["api", "openapi.json"] => Some(Self::OpenApi),
            ["api", "health"] => Some(Self::Health),
            ["api", "alerts"] => Some(Self::Alerts),
            ["api", "auth", "bootstrap"] => Some(Self::Bootstrap),
            ["api", "auth", "signup"] => Some(Self::SignUp),
            ["api", "auth", "signup", token] => Some(Self::SignUpConfirm((*token).to_string())),
            ["api", "auth", "login"] => Some(Self::Login),
            ["api", "auth", "password-reset"] => Some(Self::PasswordReset),
            ["api", "auth", "password-reset", token] => Some(Self::PasswordResetLink((*token).to_string())),
            ["api", "auth", "logout"] => Some(Self::Logout),
            ["api", "auth", "logout-everywhere"] => Some(Self::LogoutEverywhere),
            ["api", "me"] => Some(Self::Me),
            ["api", "session"] => Some(Self::Session),
            ["api", "me", "availability"] => Some(Self::Availability),
            ["api", "me", "language"] => Some(Self::Language),
            ["api", "me", "services"] => Some(Self::MyServices),
            ["api", "kb"] => Some(Self::Articles),
            ["api", "canned-replies"] => Some(Self::CannedReplies),
            ["api", "admin", "canned-replies"] => Some(Self::AdminCannedReplies),
            ["api", "kb", id] => Some(Self::Article((*id).to_string())),
            ["api", "suggestions"] => Some(Self::Suggestions),
            ["api", "agents"] => Some(Self::Agents),
            ["api", "categories"] => Some(Self::Categories),
            ["api", "queues"] => Some(Self::Queues),
            ["api", "live"] => Some(Self::Live),
            ["api", "tickets"] => Some(Self::Tickets),
            ["api", "tickets", "bulk"] => Some(Self::BulkTickets),
            ["api", "tickets", id] => Some(Self::Ticket((*id).to_string())),
            ["api", "tickets", id, "actions"] => Some(Self::TicketActions((*id).to_string())),
            ["api", "tickets", id, "presence"] => Some(Self::TicketPresence((*id).to_string())),
            ["api", "tickets", id, "calls", file] => {
                Some(Self::CallInvitation((*id).to_string(), (*file).to_string()))
            }
            ["api", "tickets", id, "status-link"] => Some(Self::StatusLink((*id).to_string())),
            ["api", "status", token] => Some(Self::Status((*token).to_string())),
            ["api", "status", token, "actions"] => Some(Self::StatusActions((*token).to_string())),
            ["api", "status", token, "calls", file] => {
                Some(Self::StatusCallInvitation((*token).to_string(), (*file).to_string()))
            }
            ["api", "admin", "categories"] => Some(Self::AdminCategories),
            ["api", "admin", "categories", id] => Some(Self::AdminCategory((*id).to_string())),
            ["api", "admin", "outbox"] => Some(Self::AdminOutbox),
            ["api", "admin", "inbox"] => Some(Self::AdminInbox),
            ["api", "admin", "alerts"] => Some(Self::AdminAlerts),
            ["api", "admin", "alerts", "settings"] => Some(Self::AdminAlertSettings),
            ["api", "admin", "alerts", "integrations"] => Some(Self::AdminAlertIntegrations),
            ["api", "admin", "alerts", "integrations", id] => {
                Some(Self::AdminAlertIntegration((*id).to_string()))
            }
            ["api", "admin", "rules"] => Some(Self::AdminRules),
            ["api", "admin", "sla"] => Some(Self::AdminSla),
            ["api", "sweep-runs"] => Some(Self::SweepRuns),
            ["api", "admin", "users"] => Some(Self::AdminUsers),
            ["api", "admin", "users", id] => Some(Self::AdminUser((*id).to_string())),
            ["api", "admin", "invitations"] => Some(Self::AdminInvitations),
            ["api", "admin", "tokens"] => Some(Self::AdminTokens),
            ["api", "admin", "organisations"] => Some(Self::AdminOrganisations),
            ["api", "admin", "organisations", id] => Some(Self::AdminOrganisation((*id).to_string())),
            ["api", "admin", "tokens", id] => Some(Self::AdminToken((*id).to_string())),
            ["api", "admin", "webhooks"] => Some(Self::AdminWebhooks),
            ["api", "breaches"] => Some(Self::Breaches),
            ["api", "reports", "dashboard"] => Some(Self::ReportDashboard),
            ["api", "reports", "results"] => Some(Self::ReportResults),
            ["api", "breaches", "register"] => Some(Self::BreachRegister),
            ["api", "breaches", id] => Some(Self::Breach((*id).to_string())),
            ["api", "breaches", id, "actions"] => Some(Self::BreachActions((*id).to_string())),
            ["api", "breaches", id, "members"] => Some(Self::BreachMembers((*id).to_string())),
            ["api", "breaches", id, "incidents"] => Some(Self::BreachIncidents((*id).to_string())),
            ["api", "admin", "webhooks", id] => Some(Self::AdminWebhook((*id).to_string())),
            ["api", "admin", "webhooks", id, "deliveries"] => {
                Some(Self::AdminWebhookDeliveries((*id).to_string()))
            }
            ["api", "admin", "webhooks", id, "deliveries", delivery, "replay"] => {
                Some(Self::AdminWebhookReplay((*id).to_string(), (*delivery).to_string()))
            }
            ["api", "invitations", token] => Some(Self::Invitation((*token).to_string())),
            ["api", "invitations", token, "accept"] => Some(Self::AcceptInvitation((*token).to_string())),
            _ => None,
        }
    }

    /// Whether a GET of this endpoint only reads: nothing it does needs undoing when its
    /// answer is thrown away. (Status links record an abuse-limit attempt; the live
    /// connection is long-lived.)
    fn only_reads(&self) -> bool {
        matches!(
            self,
            Self::Me
                | Self::Session
                | Self::Agents
                | Self::CannedReplies
                | Self::Articles
                | Self::Article(_)
                | Self::Suggestions
                | Self::Categories
                | Self::Queues
                | Self::Tickets
                | Self::Ticket(_)
                | Self::CallInvitation(..)
                | Self::AdminCategories
                | Self::AdminOutbox
                | Self::AdminInbox
                | Self::AdminAlerts
                | Self::AdminAlertSettings
                | Self::AdminAlertIntegrations
                | Self::Breaches
                | Self::BreachRegister
                | Self::ReportDashboard
                | Self::ReportResults
                | Self::AdminRules
                | Self::AdminSla
                | Self::SweepRuns
                | Self::AdminUsers
                | Self::AdminTokens
                | Self::AdminOrganisations
        )
    }

    fn allowed_methods(&self) -> &'static str {
        match self {
            Self::Tickets | Self::AdminCategories | Self::Articles => "GET, POST",
            Self::Article(_) => "GET, PATCH",
            Self::TicketActions(_) | Self::TicketPresence(_) | Self::StatusActions(_) | Self::BulkTickets => {
                "POST"
            }
            Self::AdminCannedReplies | Self::AdminAlertIntegration(_) => "PUT",
            Self::Availability | Self::Language => "PUT",
            Self::MyServices => "GET, PUT",
            Self::AdminRules | Self::AdminSla | Self::AdminAlertSettings => "GET, PUT",
            Self::AdminCategory(_) => "PATCH",
            Self::Agents
            | Self::Queues
            | Self::Live
            | Self::Suggestions
            | Self::CannedReplies
            | Self::Categories
            | Self::CallInvitation(..)
            | Self::StatusCallInvitation(..)
            | Self::AdminOutbox
            | Self::AdminInbox
            | Self::AdminAlerts
            | Self::AdminAlertIntegrations => "GET",
            Self::StatusLink(_) | Self::AdminToken(_) => "DELETE",
            Self::AdminTokens | Self::AdminOrganisations | Self::AdminWebhooks | Self::Breaches => {
                "GET, POST"
            }
            Self::BreachRegister | Self::Breach(_) | Self::ReportDashboard | Self::ReportResults => "GET",
            Self::BreachActions(_) | Self::BreachMembers(_) | Self::BreachIncidents(_) => "POST",
            Self::AdminWebhook(_) => "PATCH, DELETE",
            Self::AdminWebhookDeliveries(_) => "GET",
            Self::AdminWebhookReplay(..) => "POST",
            Self::AdminUser(_) | Self::AdminOrganisation(_) => "PATCH",
            Self::AdminInvitations | Self::AcceptInvitation(_) => "POST",
            Self::AdminUsers | Self::Invitation(_) => "GET",
            Self::Alerts
            | Self::PasswordReset
            | Self::PasswordResetLink(_)
            | Self::Bootstrap
            | Self::SignUp
            | Self::SignUpConfirm(_)
            | Self::Login
            | Self::Logout
            | Self::LogoutEverywhere => "POST",
            Self::OpenApi
            | Self::Health
            | Self::Me
            | Self::Session
            | Self::Ticket(_)
            | Self::Status(_)
            | Self::SweepRuns => "GET",
        }
    }
}

pub async fn handle(req: &mut Request, env: &Env, background: &Context, https: bool) -> Reply {
    let Some(endpoint) = Endpoint::from_path(&req.path()) else {
        return Err(ApiError::new(ErrorCode::NotFound, format!("No API route {}", req.path())));
    };
    // workers-rs reads a method it does not know (QUERY, PROPFIND…) as GET; the raw name
    // decides first, so such a request is refused instead of answered as a read.
    let raw_method = req.inner().method();
    if !KNOWN_METHODS.contains(&raw_method.as_str()) {
        return method_not_allowed(&endpoint, &raw_method);
    }
    let method = req.method();
    if !matches!(method, Method::Get | Method::Head | Method::Options) {
        http::require_same_origin(req)?;
    }
    let now = clock::now();
    // A read may start from who this isolate remembers is calling, proved in its own first
    // batch; if the proof fails, the answer is thrown away and the read served again.
    let recall = method == Method::Get && endpoint.only_reads();
    let reply = serve(&endpoint, req, env, now, recall, https, background).await;
    if recall && store::request::settle().await.map_err(http::storage)? {
        return serve(&endpoint, req, env, now, false, https, background).await;
    }
    reply
}

async fn serve(
    endpoint: &Endpoint,
    req: &mut Request,
    env: &Env,
    now: DateTime<Utc>,
    recall: bool,
    https: bool,
    background: &Context,
) -> Reply {
    let method = req.method();
    let mut caller = identify(req, env, now, recall).await?;
    if let Some(touch) = caller.touch.take() {
        let env = env.clone();
        background.wait_until(async move { touch.record(&env, now).await });
    }
    let ctx = Ctx { env, now, caller, https, background };
    match (endpoint, method) {
        (Endpoint::OpenApi, Method::Get) => openapi::show(),
        (Endpoint::Health, Method::Get) => health::show(&ctx).await,
        (Endpoint::Alerts, Method::Post) => alerts::receive(req, &ctx).await,
        (Endpoint::Bootstrap, Method::Post) => auth::bootstrap(req, &ctx).await,
        (Endpoint::SignUp, Method::Post) => auth::signup(req, &ctx).await,
        (Endpoint::SignUpConfirm(token), Method::Post) => auth::confirm_signup(token, &ctx).await,
        (Endpoint::Login, Method::Post) => auth::login(req, &ctx).await,
        (Endpoint::PasswordReset, Method::Post) => auth::request_password_reset(req, &ctx).await,
        (Endpoint::PasswordResetLink(token), Method::Post) => {
            auth::complete_password_reset(token, req, &ctx).await
        }
        (Endpoint::Logout, Method::Post) => auth::logout(&ctx).await,
        (Endpoint::LogoutEverywhere, Method::Post) => auth::logout_everywhere(&ctx).await,
        (Endpoint::Me, Method::Get) => me::show(&ctx).await,
        (Endpoint::Session, Method::Get) => me::session(&ctx).await,
        (Endpoint::Availability, Method::Put) => agents::set_availability(req, &ctx).await,
        (Endpoint::Language, Method::Put) => me::set_language(req, &ctx).await,
        (Endpoint::MyServices, Method::Get) => me::services(&ctx).await,
        (Endpoint::MyServices, Method::Put) => me::set_services(req, &ctx).await,
        (Endpoint::Agents, Method::Get) => agents::list(&ctx).await,
        (Endpoint::CannedReplies, Method::Get) => canned::list(&ctx).await,
        (Endpoint::AdminCannedReplies, Method::Put) => canned::save(req, &ctx).await,
        (Endpoint::BulkTickets, Method::Post) => tickets::bulk(req, &ctx).await,
        (Endpoint::Articles, Method::Get) => knowledge::list(req, &ctx).await,
        (Endpoint::Articles, Method::Post) => knowledge::create(req, &ctx).await,
        (Endpoint::Article(id), Method::Get) => knowledge::show(id, &ctx).await,
        (Endpoint::Article(id), Method::Patch) => knowledge::update(id, req, &ctx).await,
        (Endpoint::Suggestions, Method::Get) => knowledge::suggestions(req, &ctx).await,
        (Endpoint::Categories, Method::Get) => categories::list(&ctx).await,
        (Endpoint::TicketActions(id), Method::Post) => tickets::act(id, req, &ctx).await,
        (Endpoint::TicketPresence(id), Method::Post) => tickets::presence(id, req, &ctx).await,
        (Endpoint::CallInvitation(id, file), Method::Get) => tickets::invitation(id, file, req, &ctx).await,
        (Endpoint::StatusActions(token), Method::Post) => status::act(token, req, &ctx).await,
        (Endpoint::StatusCallInvitation(token, file), Method::Get) => {
            status::invitation(token, file, req, &ctx).await
        }
        (Endpoint::AdminCategories, Method::Get) => categories::list_all(&ctx).await,
        (Endpoint::AdminCategories, Method::Post) => categories::create(req, &ctx).await,
        (Endpoint::AdminCategory(id), Method::Patch) => categories::update(id, req, &ctx).await,
        (Endpoint::AdminOutbox, Method::Get) => admin::list_outbox(req, &ctx).await,
        (Endpoint::AdminInbox, Method::Get) => admin::list_inbox(req, &ctx).await,
        (Endpoint::AdminAlerts, Method::Get) => admin::list_alerts(&ctx).await,
        (Endpoint::AdminAlertSettings, Method::Get) => admin::show_alert_policy(&ctx).await,
        (Endpoint::AdminAlertSettings, Method::Put) => admin::save_alert_policy(req, &ctx).await,
        (Endpoint::AdminAlertIntegrations, Method::Get) => admin::list_alert_integrations(&ctx).await,
        (Endpoint::AdminAlertIntegration(id), Method::Put) => {
            admin::save_alert_integration(id, req, &ctx).await
        }
        (Endpoint::AdminRules, Method::Get) => admin::show_rules(&ctx).await,
        (Endpoint::AdminRules, Method::Put) => admin::save_rules(req, &ctx).await,
        (Endpoint::AdminSla, Method::Get) => admin::show_sla(&ctx).await,
        (Endpoint::AdminSla, Method::Put) => admin::save_sla(req, &ctx).await,
        (Endpoint::Queues, Method::Get) => tickets::queues(&ctx).await,
        (Endpoint::Live, Method::Get) => crate::live::connect(req, &ctx).await,
        (Endpoint::Tickets, Method::Get) => tickets::list(req, &ctx).await,
        (Endpoint::Tickets, Method::Post) => tickets::create(req, &ctx).await,
        (Endpoint::Ticket(id), Method::Get) => tickets::show(id, &ctx).await,
        (Endpoint::StatusLink(id), Method::Delete) => tickets::revoke_status_link(id, &ctx).await,
        (Endpoint::Status(token), Method::Get) => status::show(token, &ctx).await,
        (Endpoint::SweepRuns, Method::Get) => sweep_runs::list(&ctx).await,
        (Endpoint::AdminUsers, Method::Get) => admin::list_users(req, &ctx).await,
        (Endpoint::AdminUser(id), Method::Patch) => admin::update_user(id, req, &ctx).await,
        (Endpoint::AdminInvitations, Method::Post) => admin::invite(req, &ctx).await,
        (Endpoint::AdminTokens, Method::Get) => admin::list_tokens(&ctx).await,
        (Endpoint::AdminTokens, Method::Post) => admin::create_token(req, &ctx).await,
        (Endpoint::AdminToken(id), Method::Delete) => admin::revoke_token(id, &ctx).await,
        (Endpoint::AdminWebhooks, Method::Get) => admin::list_webhooks(&ctx).await,
        (Endpoint::AdminWebhooks, Method::Post) => admin::create_webhook(req, &ctx).await,
        (Endpoint::Breaches, Method::Get) => breaches::list(&ctx).await,
        (Endpoint::ReportDashboard, Method::Get) => reports::dashboard(req, &ctx).await,
        (Endpoint::ReportResults, Method::Get) => reports::results(req, &ctx).await,
        (Endpoint::Breaches, Method::Post) => breaches::open(req, &ctx).await,
        (Endpoint::BreachRegister, Method::Get) => breaches::export_register(req, &ctx).await,
        (Endpoint::Breach(id), Method::Get) => breaches::show(id, &ctx).await,
        (Endpoint::BreachActions(id), Method::Post) => breaches::act(id, req, &ctx).await,
        (Endpoint::BreachMembers(id), Method::Post) => breaches::invite(id, req, &ctx).await,
        (Endpoint::BreachIncidents(id), Method::Post) => breaches::link_incident(id, req, &ctx).await,
        (Endpoint::AdminWebhook(id), Method::Patch) => admin::change_webhook(id, req, &ctx).await,
        (Endpoint::AdminWebhook(id), Method::Delete) => admin::delete_webhook(id, &ctx).await,
        (Endpoint::AdminWebhookDeliveries(id), Method::Get) => admin::list_deliveries(id, &ctx).await,
        (Endpoint::AdminWebhookReplay(id, delivery), Method::Post) => {
            admin::replay_delivery(id, delivery, &ctx).await
        }
        (Endpoint::AdminOrganisations, Method::Get) => admin::list_organisations(&ctx).await,
        (Endpoint::AdminOrganisations, Method::Post) => admin::create_organisation(req, &ctx).await,
        (Endpoint::AdminOrganisation(id), Method::Patch) => admin::update_organisation(id, req, &ctx).await,
        (Endpoint::Invitation(token), Method::Get) => invitations::show(token, &ctx).await,
        (Endpoint::AcceptInvitation(token), Method::Post) => invitations::accept(token, req, &ctx).await,
        (_, method) => method_not_allowed(endpoint, method.as_ref()),
    }
}

/// The methods HTTP defines for an API like this one; anything else is refused.
const KNOWN_METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

fn method_not_allowed(endpoint: &Endpoint, method: &str) -> Reply {
    let allowed = endpoint.allowed_methods();
    let error =
        ApiError::new(ErrorCode::MethodNotAllowed, format!("{method} is not allowed here; use {allowed}"));
    let mut response = http::error_response(&error);
    response.headers_mut().set("Allow", allowed).map_err(http::internal)?;
    Ok(response)
}
