//! A ticket through its status link: no account needed. Right after reporting, it doubles
//! as the confirmation that shows the ticket number and explains the link.

use edgedesk_domain::ErrorCode;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api;
use crate::components::call_list::CallList;
use crate::components::compose::Compose;
use crate::components::customer_actions::CustomerActions;
use crate::components::outcome_banner::OutcomeBanner;
use crate::components::report_received::ReportReceived;
use crate::components::sla::promise::SlaPromise;
use crate::components::ticket_card::TicketCard;
use crate::components::timeline::Timeline;
use crate::i18n::use_i18n;
use crate::title::use_page_title;
use crate::workspace::{Shown, Target, Workspace};

#[component]
pub fn StatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let just_created = move || query.read().get("new").is_some();
    let ticket = LocalResource::new(move || {
        let token = params.read().get("token").unwrap_or_default();
        async move { api::get_status(&token).await.map(|view| (token, view)) }
    });
    use_page_title(move || match ticket.get() {
        None => i18n.t().loading.to_string(),
        Some(Ok((_, view))) => format!("{} {}", view.ticket.number, view.ticket.title),
        Some(Err(_)) => i18n.t().status_not_found.to_string(),
    });

    move || {
        let t = i18n.t();
        match ticket.get() {
            None => view! { <p role="status" class="muted">{t.loading}</p> }.into_any(),
            Some(Err(error)) if error.code == ErrorCode::NotFound => {
                view! { <h1>{t.status_not_found}</h1> }.into_any()
            }
            Some(Err(error)) => {
                view! { <p role="alert" class="alert alert-error">{t.error(error.code, None)}</p> }.into_any()
            }
            Some(Ok((token, view))) => {
                provide_context(Workspace::new(Shown::from(view), Target::StatusLink(token)));
                view! {
                    <Show when=just_created>
                        <ReportReceived/>
                    </Show>
                    <OutcomeBanner/>
                    <TicketCard/>
                    <SlaPromise/>
                    <CallList/>
                    <CustomerActions/>
                    <Compose/>
                    <Timeline/>
                }
                .into_any()
            }
        }
    }
}
