//! A subscription's latest deliveries: what was sent, how often, what the receiver
//! answered, and a button to send one again.

use edgedesk_domain::webhook::Delivery;
use leptos::prelude::*;

use crate::api;
use crate::components::data_table::DataTable;
use crate::dates::local;
use crate::i18n::use_i18n;

#[component]
pub fn WebhookDeliveries(id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let replay = Action::new_local(move |delivery: &i64| {
        let delivery = *delivery;
        async move { api::replay_delivery(id, delivery).await }
    });
    let deliveries = LocalResource::new(move || {
        replay.version().track();
        api::webhook_deliveries(id)
    });
    let row = move |delivery: Delivery| {
        let p = i18n.p();
        let lang = i18n.lang().code();
        let state = match (&delivery.delivered_at, &delivery.gave_up_at, &delivery.next_attempt_at) {
            (Some(at), _, _) => format!("{} {}", p.delivery_delivered, local(*at, lang)),
            (None, Some(at), _) => format!("{} {}", p.delivery_gave_up, local(*at, lang)),
            (None, None, Some(at)) => format!("{} {}", p.delivery_next, local(*at, lang)),
            (None, None, None) => String::new(),
        };
        let answer = match (delivery.last_status, delivery.last_response.clone()) {
            (Some(status), Some(text)) if !text.is_empty() => format!("{status} · {text}"),
            (Some(status), _) => status.to_string(),
            (None, text) => text.unwrap_or_default(),
        };
        let replay_label = format!("{}: {}", p.replay, delivery.message_id);
        view! {
            <tr>
                <td data-label=p.col_event>
                    {p.webhook_event(delivery.event)}
                    <details>
                        <summary><code>{delivery.message_id.clone()}</code></summary>
                        <pre class="payload">{delivery.payload.clone()}</pre>
                    </details>
                </td>
                <td data-label=p.col_created>{local(delivery.created_at, lang)}</td>
                <td data-label=p.col_attempts>{delivery.attempts}</td>
                <td data-label=p.col_state>{state}</td>
                <td data-label=p.col_answer><span class="muted">{answer}</span></td>
                <td>
                    <button type="button" class="button" aria-label=replay_label
                        on:click=move |_| { replay.dispatch(delivery.id); }>{p.replay}</button>
                </td>
            </tr>
        }
    };
    move || match deliveries.get() {
        None => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
        Some(Err(error)) => {
            view! { <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p> }
                .into_any()
        }
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="empty-state">{i18n.p().deliveries_empty}</p> }.into_any()
        }
        Some(Ok(list)) => {
            let p = i18n.p();
            let columns = vec![p.col_event, p.col_created, p.col_attempts, p.col_state, p.col_answer, ""];
            view! { <DataTable columns=columns>{list.into_iter().map(row).collect_view()}</DataTable> }
                .into_any()
        }
    }
}
