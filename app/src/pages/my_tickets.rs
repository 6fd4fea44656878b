//! A customer's own tickets (and their organisation's, when it shares them).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::guard::RequireAccount;
use crate::components::ticket_list::TicketList;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn MyTicketsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t().my_tickets_title.to_string());
    view! {
        <h1>{move || i18n.t().my_tickets_title}</h1>
        <RequireAccount>
            <p><A href="/">{move || i18n.t().nav_report}</A></p>
            <TicketList empty_text=Signal::derive(move || i18n.t().my_tickets_empty)/>
        </RequireAccount>
    }
}
