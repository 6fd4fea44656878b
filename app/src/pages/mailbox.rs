//! Mail, for admins: the address customers write to, what the desk received there and
//! what became of each message, and every message the desk sends (the dev mailbox).

use edgedesk_domain::inbound::{Inbox, Outcome, ReceivedMail};
use edgedesk_domain::outbox::OutboxMessage;
use edgedesk_domain::ApiError;
use leptos::prelude::*;

use crate::api;
use crate::components::data_table::DataTable;
use crate::components::guard::RequireAccount;
use crate::dates::local;
use crate::i18n::{use_i18n, I18n};
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
            <Received/>
            <Sent/>
        </RequireAccount>
    }
}

#[component]
fn Received() -> impl IntoView {
    let i18n = use_i18n();
    let expiry = use_session_expiry();
    let inbox = LocalResource::new(move || {
        let expiry = expiry.clone();
        async move { api::inbox().await.map_err(expiry) }
    });
    let row = move |mail: ReceivedMail| {
        let p = i18n.p();
        let ignored = !matches!(
            mail.outcome,
            Outcome::Opened | Outcome::OpenedFollowUp | Outcome::Replied | Outcome::Reopened
        );
        let outcome_class = if ignored { "chip mail-outcome mail-ignored" } else { "chip mail-outcome" };
        view! {
            <tr>
                <td data-label=p.col_from>{mail.sender}</td>
                <td data-label=p.col_subject>{mail.subject}</td>
                <td data-label=p.col_received>{local(mail.received_at, i18n.lang().code())}</td>
                <td data-label=p.col_outcome>
                    <span class=outcome_class>{p.mail_outcome(mail.outcome)}</span>
                    {mail.ticket_id.zip(mail.ticket_number).map(|(id, number)| view! {
                        " " <a href=format!("/tickets/{id}")>{number}</a>
                    })}
                </td>
            </tr>
        }
    };
    let listed = move |inbox: Inbox| {
        let p = i18n.p();
        let table = if inbox.items.is_empty() {
            view! { <p class="empty-state">{p.received_empty}</p> }.into_any()
        } else {
            let columns = vec![p.col_from, p.col_subject, p.col_received, p.col_outcome];
            view! { <DataTable columns=columns>{inbox.items.into_iter().map(row).collect_view()}</DataTable> }
                .into_any()
        };
        view! {
            <p class="alert-address">
                <strong>{p.mail_address} ":"</strong>
                " " <code data-testid="desk-address">{inbox.address}</code>
            </p>
            {table}
        }
    };
    view! {
        <section class="card" aria-labelledby="received-heading">
            <h2 id="received-heading" class="section-title">{move || i18n.p().received_heading}</h2>
            {move || inbox.get().map(|inbox| loaded(i18n, inbox, listed))}
        </section>
    }
}

#[component]
fn Sent() -> impl IntoView {
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
    let listed = move |list: Vec<OutboxMessage>| {
        let p = i18n.p();
        if list.is_empty() {
            return view! { <p class="empty-state">{p.mailbox_empty}</p> }.into_any();
        }
        view! {
            <DataTable columns=vec![p.col_to, p.col_subject, p.col_delivery]>
                {list.into_iter().map(row).collect_view()}
            </DataTable>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="sent-heading">
            <h2 id="sent-heading" class="section-title">{move || i18n.p().sent_heading}</h2>
            <p class="muted">{move || i18n.p().sent_intro}</p>
            {move || messages.get().map(|messages| loaded(i18n, messages, listed))}
        </section>
    }
}

/// A list as loaded: its view, or the error in the reader's language (a lapsed session
/// is handled by the session guard, so it shows as still loading).
fn loaded<T, V: IntoView + 'static>(
    i18n: I18n,
    result: Result<T, Option<ApiError>>,
    listed: impl Fn(T) -> V,
) -> AnyView {
    match result {
        Ok(value) => listed(value).into_any(),
        Err(None) => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
        Err(Some(error)) => {
            view! { <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p> }
                .into_any()
        }
    }
}
