//! A customer's own tickets (and their organisation's, when it shares them), open or closed.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::guard::RequireAccount;
use crate::components::select_field::SelectField;
use crate::components::service_updates::ServiceUpdates;
use crate::components::ticket_list::TicketList;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn MyTicketsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t().my_tickets_title.to_string());
    let queue = RwSignal::new("open".to_string());
    let queues = Signal::derive(move || {
        ["open", "closed", "all"]
            .into_iter()
            .map(|name| {
                let caption = match name {
                    "open" => i18n.p().queue_open,
                    "closed" => i18n.p().queue_closed,
                    _ => i18n.p().queue_all,
                };
                (name.to_string(), caption.to_string())
            })
            .collect()
    });
    let filters = Signal::derive(move || vec![("queue", queue.get())]);
    // Each view says what its emptiness means: nothing open is good news, not "no tickets".
    let empty_text = Signal::derive(move || {
        let t = i18n.t();
        match queue.get().as_str() {
            "open" => t.my_tickets_none_open,
            "closed" => t.my_tickets_none_closed,
            _ => t.my_tickets_empty,
        }
    });
    view! {
        <h1>{move || i18n.t().my_tickets_title}</h1>
        <RequireAccount>
            <p><A href="/">{move || i18n.t().nav_report}</A></p>
            <SelectField name="queue" label=Signal::derive(move || i18n.p().queue_label) value=queue options=queues/>
            <TicketList empty_text=empty_text filters=filters/>
            <ServiceUpdates/>
        </RequireAccount>
    }
}
