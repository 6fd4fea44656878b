//! Monitoring, for admins: where monitoring sends alerts, how alerts become incidents (for
//! the desk and per integration), and the latest alerts with what each became.

use edgedesk_domain::alert::{AlertSummary, SavedAlertPolicy};
use leptos::prelude::*;

use crate::api;
use crate::components::alert_integrations::AlertIntegrations;
use crate::components::alert_policy_editor::AlertPolicyEditor;
use crate::components::data_table::DataTable;
use crate::components::guard::RequireAccount;
use crate::dates::local;
use crate::i18n::use_i18n;
use crate::session::use_session_expiry;
use crate::title::use_page_title;

#[component]
pub fn MonitoringPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.p().monitoring_title.to_string());
    let desk = RwSignal::new(None::<SavedAlertPolicy>);
    let address = format!("{}/api/alerts", window().location().origin().unwrap_or_default());
    view! {
        <h1>{move || i18n.p().monitoring_title}</h1>
        <p class="lead">{move || i18n.p().monitoring_intro}</p>
        <p class="alert-address">
            <strong>{move || i18n.p().alert_address} ":"</strong>
            <code data-testid="alert-address">{address}</code>
        </p>
        <RequireAccount admin_only=true>
            <AlertPolicyEditor saved=desk/>
            <AlertIntegrations desk/>
            <RecentAlerts/>
        </RequireAccount>
    }
}

#[component]
fn RecentAlerts() -> impl IntoView {
    let i18n = use_i18n();
    let expiry = use_session_expiry();
    let alerts = LocalResource::new(move || {
        let expiry = expiry.clone();
        async move { api::recent_alerts().await.map_err(expiry) }
    });
    let row = move |alert: AlertSummary| {
        let (p, c) = (i18n.p(), i18n.c());
        let lang = i18n.lang();
        let (state, state_class) = match alert.alert.resolved_at {
            None => (c.alert_firing, "chip alert-state alert-firing"),
            Some(_) => (c.alert_recovered, "chip alert-state alert-recovered"),
        };
        let from = format!("{} · {}", alert.alert.integration, alert.alert.dedup_key);
        view! {
            <tr>
                <td data-label=p.col_alert>
                    <span>{alert.summary}</span>
                    <br/><span class="muted">{from}</span>
                </td>
                <td data-label=c.alert_severity class=format!("severity-{}", alert.alert.severity.as_str())>
                    {c.severity(alert.alert.severity)}
                </td>
                <td data-label=p.col_fired>{alert.alert.occurrences}</td>
                <td data-label=p.col_last_seen>{local(alert.alert.last_seen_at, lang.code())}</td>
                <td data-label=p.col_state><span class=state_class>{state}</span></td>
                <td data-label=p.col_incident>
                    <a href=format!("/tickets/{}", alert.ticket_id)>{alert.ticket_number}</a>
                    " " <span class="muted">{i18n.t().status_for(alert.ticket_status, true)}</span>
                </td>
            </tr>
        }
    };
    view! {
        <section class="card" aria-labelledby="recent-alerts-heading">
            <h2 id="recent-alerts-heading" class="section-title">{move || i18n.p().recent_alerts_heading}</h2>
            {move || match alerts.get() {
                None | Some(Err(None)) => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
                Some(Err(Some(error))) => {
                    view! { <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p> }.into_any()
                }
                Some(Ok(list)) if list.is_empty() => {
                    view! { <p class="empty-state">{i18n.p().recent_alerts_empty}</p> }.into_any()
                }
                Some(Ok(list)) => {
                    let p = i18n.p();
                    let columns =
                        vec![p.col_alert, i18n.c().alert_severity, p.col_fired, p.col_last_seen, p.col_state, p.col_incident];
                    view! { <DataTable columns=columns>{list.into_iter().map(row).collect_view()}</DataTable> }.into_any()
                }
            }}
        </section>
    }
}
