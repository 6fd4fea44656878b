//! The customer portal: report a problem, follow one's tickets, the status link, help
//! articles, sign-in and invitations. What most visitors download, so it stays small.

use edgedesk_app::bundle::Bundle;
use edgedesk_app::frame::{start, Frame};
use edgedesk_app::pages::{
    invitation::InvitationPage,
    knowledge::{ArticlePage, KnowledgePage},
    my_tickets::MyTicketsPage,
    not_found::NotFoundPage,
    password_reset::{ForgotPasswordPage, ResetPasswordPage},
    report::ReportPage,
    sign_in::SignInPage,
    sign_up::{ConfirmEmailPage, SignUpPage},
    status::StatusPage,
    ticket::CustomerTicketPage,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

fn main() {
    start(Portal);
}

#[component]
fn Portal() -> impl IntoView {
    view! {
        <Frame bundle=Bundle::Portal>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=ReportPage/>
                <Route path=path!("/tickets/:id") view=CustomerTicketPage/>
                <Route path=path!("/status/:token") view=StatusPage/>
                <Route path=path!("/kb") view=KnowledgePage/>
                <Route path=path!("/kb/:id") view=ArticlePage/>
                <Route path=path!("/my-tickets") view=MyTicketsPage/>
                <Route path=path!("/sign-in") view=SignInPage/>
                <Route path=path!("/sign-up") view=SignUpPage/>
                <Route path=path!("/confirm-email/:token") view=ConfirmEmailPage/>
                <Route path=path!("/forgot-password") view=ForgotPasswordPage/>
                <Route path=path!("/reset-password/:token") view=ResetPasswordPage/>
                <Route path=path!("/invite/:token") view=InvitationPage/>
            </Routes>
        </Frame>
    }
}
