//! A ticket for a signed-in account: the customer's portal page (public history, reply,
//! confirm, reopen, rate) or the agent's workspace (the whole history and every step).

use edgedesk_domain::ErrorCode;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::components::alert_panel::AlertPanel;
use crate::components::article_from_resolution::ArticleFromResolution;
use crate::components::breach::ticket_panel::BreachTicketPanel;
use crate::components::call_list::CallList;
use crate::components::compose::Compose;
use crate::components::customer_actions::CustomerActions;
use crate::components::guard::RequireAccount;
use crate::components::outcome_banner::OutcomeBanner;
use crate::components::presence_bar::PresenceBar;
use crate::components::requester_panel::RequesterPanel;
use crate::components::shortcuts::Shortcuts;
use crate::components::sla::panel::SlaPanel;
use crate::components::sla::promise::SlaPromise;
use crate::components::status_link_control::StatusLinkControl;
use crate::components::suggestion_list::SuggestionList;
use crate::components::ticket_card::TicketCard;
use crate::components::timeline::Timeline;
use crate::components::work::WorkPanel;
use crate::i18n::use_i18n;
use crate::live::use_live;
use crate::session::use_session_expiry;
use crate::title::use_page_title;
use crate::workspace::{Shown, Target, Workspace};

/// The portal's ticket page: public history, reply, confirm, reopen, rate.
#[component]
pub fn CustomerTicketPage() -> impl IntoView {
    view! {
        <RequireAccount>
            <TicketLoader layout=|| view! { <CustomerTicket/> }.into_any()/>
        </RequireAccount>
    }
}

/// The console's ticket page: the agent's workspace.
#[component]
pub fn StaffTicketPage() -> impl IntoView {
    view! {
        <RequireAccount staff_only=true>
            <TicketLoader layout=|| view! { <StaffTicket/> }.into_any()/>
        </RequireAccount>
    }
}

/// Loads the ticket into a `Workspace` and draws it with `layout` (a function, so each
/// bundle links only its own).
#[component]
fn TicketLoader(layout: fn() -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let expiry = use_session_expiry();
    let page = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        let expiry = expiry.clone();
        async move { api::get_ticket(&id).await.map_err(expiry) }
    });
    use_page_title(move || match page.get() {
        Some(Ok(view)) => format!("{} {}", view.ticket.public.number, view.ticket.public.title),
        Some(Err(Some(error))) if error.code == ErrorCode::NotFound => i18n.t().ticket_not_found.to_string(),
        Some(Err(Some(_))) => i18n.t().err_generic.to_string(),
        _ => i18n.t().loading.to_string(),
    });

    move || {
        let t = i18n.t();
        match page.get() {
            // Err(None): the session ended and the person is on their way to sign in.
            None | Some(Err(None)) => view! { <p role="status" class="muted">{t.loading}</p> }.into_any(),
            Some(Err(Some(error))) if error.code == ErrorCode::NotFound => {
                view! { <h1>{t.ticket_not_found}</h1> }.into_any()
            }
            Some(Err(Some(error))) => {
                view! { <p role="alert" class="alert alert-error">{t.error(error.code, None)}</p> }.into_any()
            }
            Some(Ok(view)) => {
                let id = view.ticket.id;
                let workspace = Workspace::new(Shown::from(view), Target::Ticket(id));
                provide_context(workspace);
                layout()
            }
        }
    }
}

#[component]
fn CustomerTicket() -> impl IntoView {
    let workspace = crate::workspace::use_workspace();
    follow_live_changes(workspace);
    view! {
        <div class="ticket-layout">
            <div class="ticket-main">
                <OutcomeBanner/>
                <TicketCard/>
                <SlaPromise/>
                <CallList/>
                <CustomerActions/>
                <Timeline/>
                <Compose/>
            </div>
        </div>
    }
}

#[component]
fn StaffTicket() -> impl IntoView {
    let workspace = crate::workspace::use_workspace();
    follow_live_changes(workspace);
    let link_active =
        workspace.shown.with_untracked(|s| s.ticket.as_ref().is_some_and(|t| t.status_link_active));
    // On a phone the side panel is a sheet over the conversation, opened from a bar at the
    // thumb's reach; on wider screens it is simply beside it.
    let sheet_open = RwSignal::new(false);
    let i18n = crate::i18n::use_i18n();
    view! {
        <div class="ticket-layout ticket-layout-staff">
            <div class="ticket-main">
                <PresenceBar/>
                <OutcomeBanner/>
                <TicketCard/>
                <CallList/>
                <Timeline/>
                <Compose/>
            </div>
            <div class="sheet-bar">
                <button type="button" class="button button-primary" aria-controls="ticket-side"
                    aria-expanded=move || sheet_open.get().to_string()
                    on:click=move |_| sheet_open.update(|open| *open = !*open)>
                    {move || if sheet_open.get() { i18n.c().close_actions } else { i18n.c().open_actions }}
                </button>
            </div>
            <aside id="ticket-side" class="ticket-side" class:sheet-open=move || sheet_open.get()>
                <WorkPanel/>
                <AlertPanel/>
                <RequesterPanel/>
                <SlaPanel/>
                <BreachTicketPanel/>
                <SuggestionList text=Signal::derive(move || workspace.shown.with(|s| s.public.title.clone()))
                    ticket=workspace.ticket_id().unwrap_or_default()/>
                <ArticleFromResolution/>
                <StatusLinkControl ticket_id=workspace.ticket_id().unwrap_or_default() active=link_active/>
                <Shortcuts/>
            </aside>
        </div>
    }
}

/// When someone else changes this ticket (or while polling), the page shows the new state
/// in place; what the agent is typing lives in its own signals and is not touched.
fn follow_live_changes(workspace: Workspace) {
    let live = use_live();
    let Some(id) = workspace.ticket_id() else { return };
    let reload = Action::new_local(move |_: &()| async move {
        let Ok(view) = api::get_ticket(&id.to_string()).await else { return };
        let fresh = Shown::from(view);
        if workspace.shown.try_with_untracked(|shown| *shown != fresh) == Some(true) {
            workspace.shown.set(fresh);
        }
    });
    Effect::watch(
        move || live.refresh.get(),
        move |refresh, _, _| {
            // The agent's own step answers with the new page; no second fetch is needed.
            if !refresh.is_some_and(|refresh| refresh.concerns(id)) || workspace.busy.get_untracked() {
                return;
            }
            reload.dispatch(());
        },
        false,
    );
}
