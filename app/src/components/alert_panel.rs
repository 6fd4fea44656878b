//! The monitoring alert behind an incident: which integration sent it, how often it fired
//! and whether it still does, beside the ticket where the requester would be.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::dates::local;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

#[component]
pub fn AlertPanel() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        let alert =
            workspace.shown.with(|shown| shown.ticket.as_ref().and_then(|ticket| ticket.alert.clone()))?;
        let (c, lang) = (i18n.c(), i18n.lang());
        let time =
            move |at: DateTime<Utc>| view! { <time datetime=at.to_rfc3339()>{local(at, lang.code())}</time> };
        let (state, state_class) = match alert.resolved_at {
            None => (c.alert_firing, "chip alert-state alert-firing"),
            Some(_) => (c.alert_recovered, "chip alert-state alert-recovered"),
        };
        Some(view! {
            <section class="card alert-panel" aria-labelledby="alert-heading">
                <h2 id="alert-heading" class="section-title">{c.alert_heading}</h2>
                <p class="requester-name">
                    <strong data-testid="alert-integration">{alert.integration}</strong>
                    " " <span class=state_class data-testid="alert-state">{state}</span>
                </p>
                <dl class="alert-facts">
                    <dt>{c.alert_severity}</dt>
                    <dd class=format!("severity-{}", alert.severity.as_str())>{c.severity(alert.severity)}</dd>
                    {alert.source.map(|source| view! { <dt>{c.alert_source}</dt> <dd>{source}</dd> })}
                    {alert.component.map(|service| view! { <dt>{c.alert_service}</dt> <dd>{service}</dd> })}
                    <dt>{c.alert_occurrences}</dt>
                    <dd data-testid="alert-occurrences">{alert.occurrences}</dd>
                    <dt>{c.alert_first_seen}</dt>
                    <dd>{time(alert.first_seen_at)}</dd>
                    <dt>{c.alert_last_seen}</dt>
                    <dd>{time(alert.last_seen_at)}</dd>
                    {alert.acknowledged_at.map(|at| view! { <dt>{c.alert_acknowledged}</dt> <dd>{time(at)}</dd> })}
                </dl>
            </section>
        })
    }
}
