use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::components::{
    admin_nav::AdminNav, command_palette::CommandPalette, footer::Footer, header::Header,
    live_status::LiveStatus,
};
use crate::focus::FocusOnNavigate;
use crate::i18n::provide_i18n;
use crate::live::provide_live;
use crate::pages::{
    admin::AdminPage,
    console::ConsolePage,
    invitation::InvitationPage,
    knowledge::{ArticlePage, KnowledgePage},
    mailbox::MailboxPage,
    my_tickets::MyTicketsPage,
    not_found::NotFoundPage,
    process_settings::ProcessSettingsPage,
    report::ReportPage,
    sign_in::SignInPage,
    sign_up::SignUpPage,
    sla_settings::SlaSettingsPage,
    status::StatusPage,
    ticket::TicketPage,
};
use crate::session::provide_session;
use crate::theme::provide_theme;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_theme();
    provide_session();
    provide_live();
    view! {
        <Router>
            <FocusOnNavigate/>
            <CommandPalette/>
            <Header/>
            <main id="main" class="page" tabindex="-1">
                <LiveStatus/>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=ReportPage/>
                    <Route path=path!("/tickets/:id") view=TicketPage/>
                    <Route path=path!("/status/:token") view=StatusPage/>
                    <Route path=path!("/kb") view=KnowledgePage/>
                    <Route path=path!("/kb/:id") view=ArticlePage/>
                    <Route path=path!("/my-tickets") view=MyTicketsPage/>
                    <Route path=path!("/sign-in") view=SignInPage/>
                    <Route path=path!("/sign-up") view=SignUpPage/>
                    <Route path=path!("/console") view=ConsolePage/>
                    <ParentRoute path=path!("/admin") view=|| view! { <AdminNav/><Outlet/> }>
                        <Route path=path!("") view=AdminPage/>
                        <Route path=path!("mailbox") view=MailboxPage/>
                        <Route path=path!("process") view=ProcessSettingsPage/>
                        <Route path=path!("sla") view=SlaSettingsPage/>
                    </ParentRoute>
                    <Route path=path!("/invite/:token") view=InvitationPage/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
