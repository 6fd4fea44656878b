//! The agent console's ticket list (staff only).

use leptos::prelude::*;

use crate::components::guard::RequireAccount;
use crate::components::ticket_list::TicketList;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn ConsolePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t().console_title.to_string());
    view! {
        <h1>{move || i18n.t().console_title}</h1>
        <RequireAccount staff_only=true>
            <TicketList empty_text=Signal::derive(move || i18n.t().console_empty)/>
        </RequireAccount>
    }
}
