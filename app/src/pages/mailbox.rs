//! The dev mailbox: every message Edgedesk sends, with its delivery state (admins).

use edgedesk_domain::outbox::OutboxMessage;
use leptos::prelude::*;

use crate::api;
use crate::components::data_table::DataTable;
use crate::components::guard::RequireAccount;
use crate::dates::local;
use crate::i18n::use_i18n;
use crate::session::use_session_expiry;
use crate::title::use_page_title;

#[component]
pub fn MailboxPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.p().mailbox_title.to_string());
    view! {
        <h1>{move || i18n.p().mailbox_title}</h1>
        <p class="lead">{move || i18n.p().mailbox_intro}</p>
        <RequireAccount admin_only=true>
            <Mailbox/>
        </RequireAccount>
    }
}

#[component]
fn Mailbox() -> impl IntoView {
    let i18n = use_i18n();
    let expiry = use_session_expiry();
    let messages = LocalResource::new(move || {
        let expiry = expiry.clone();
        async move { api::outbox(None).await.map(|page| page.items).map_err(expiry) }
    });
    let row = move |message: OutboxMessage| {
        let p = i18n.p();
        let lang = i18n.lang().code();
        let delivery = match (&message.delivered_at, &message.last_error) {
            (Some(at), _) => {
                format!("{} ({})", local(*at, lang), message.delivered_via.clone().unwrap_or_default())
            }
            (None, Some(error)) => format!("{} · {} × · {error}", p.delivery_failed, message.attempts),
            (None, None) => format!("{} · {}", p.delivery_waiting, local(message.send_after, lang)),
        };
        view! {
            <tr>
                <td data-label=p.col_to>{message.recipient}</td>
                <td data-label=p.col_subject>
                    <details>
                        <summary>{message.subject}</summary>
                        <p class="prose">{message.body}</p>
                    </details>
                </td>
                <td data-label=p.col_delivery>{delivery}</td>
            </tr>
        }
    };
    move || match messages.get() {
        None | Some(Err(None)) => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
        Some(Err(Some(error))) => {
            view! { <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p> }
                .into_any()
        }
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="empty-state">{i18n.p().mailbox_empty}</p> }.into_any()
        }
        Some(Ok(list)) => view! {
            <DataTable columns=vec![i18n.p().col_to, i18n.p().col_subject, i18n.p().col_delivery]>
                {list.into_iter().map(row).collect_view()}
            </DataTable>
        }
        .into_any(),
    }
}
