//! A ticket for a signed-in account (its reporter, their organisation, or staff).

use edgedesk_domain::ErrorCode;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::guard::RequireAccount;
use crate::components::status_link_control::StatusLinkControl;
use crate::components::ticket_card::TicketCard;
use crate::i18n::use_i18n;
use crate::session::{use_session, use_session_expiry};
use crate::title::use_page_title;

#[component]
pub fn TicketPage() -> impl IntoView {
    view! {
        <RequireAccount>
            <TicketView/>
        </RequireAccount>
    }
}

#[component]
fn TicketView() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let expiry = use_session_expiry();
    let session = use_session();
    let ticket = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        let expiry = expiry.clone();
        async move { api::get_ticket(&id).await.map_err(expiry) }
    });
    use_page_title(move || match ticket.get() {
        Some(Ok(view)) => format!("{} {}", view.ticket.public.number, view.ticket.public.title),
        Some(Err(Some(error))) if error.code == ErrorCode::NotFound => i18n.t().ticket_not_found.to_string(),
        Some(Err(Some(_))) => i18n.t().err_generic.to_string(),
        _ => i18n.t().loading.to_string(),
    });

    move || {
        let t = i18n.t();
        match ticket.get() {
            // Err(None): the session ended and the person is on their way to sign in.
            None | Some(Err(None)) => view! { <p role="status" class="muted">{t.loading}</p> }.into_any(),
            Some(Err(Some(error))) if error.code == ErrorCode::NotFound => {
                view! { <h1>{t.ticket_not_found}</h1> }.into_any()
            }
            Some(Err(Some(error))) => {
                view! { <p role="alert" class="alert alert-error">{t.error(error.code, None)}</p> }.into_any()
            }
            Some(Ok(page)) => view! {
                <TicketCard ticket=page.ticket.public.clone() reporter=page.ticket.reporter.name.clone()/>
                {session.is_staff().then(|| view! {
                    <StatusLinkControl ticket_id=page.ticket.id active=page.ticket.status_link_active/>
                })}
            }
            .into_any(),
        }
    }
}
