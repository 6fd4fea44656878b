//! A ticket through its status link: no account needed. Right after reporting, it doubles
//! as the confirmation that shows the ticket number and explains the link.

use edgedesk_domain::ErrorCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api;
use crate::components::call_list::CallList;
use crate::components::compose::Compose;
use crate::components::customer_actions::CustomerActions;
use crate::components::outcome_banner::OutcomeBanner;
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
    let link = move || {
        window().location().href().unwrap_or_default().split('?').next().unwrap_or_default().to_string()
    };

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
                let number = view.ticket.number.clone();
                provide_context(Workspace::new(Shown::from(view), Target::StatusLink(token)));
                view! {
                    <Show when=just_created>
                        <section class="card confirmation" aria-labelledby="received-title">
                            <h2 id="received-title">{t.received_title}</h2>
                            <p>
                                {t.received_number} " "
                                <strong class="ticket-number" data-testid="ticket-number">{number.clone()}</strong>
                            </p>
                            <p class="muted">{t.received_hint}</p>
                            <p>
                                <strong>{t.status_link_label}</strong> ": "
                                <a href=link data-testid="status-link">{link}</a>
                            </p>
                            <p class="muted">{t.status_link_hint}</p>
                            <A href="/">{t.report_another}</A>
                        </section>
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
