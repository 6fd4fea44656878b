//! Reports and the dashboard: the promise against what the desk did in a period, as tiles,
//! charts with their tables, a breakdown and the raw results. The address holds the
//! report (period, filters, breakdown), so a link shares it.

use edgedesk_domain::auth::Role;
use edgedesk_domain::report::Dashboard;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api;
use crate::components::guard::RequireAccount;
use crate::components::report::breach_tile::BreachTile;
use crate::components::report::chart::ChartKind;
use crate::components::report::figure::Figure;
use crate::components::report::filters::Filters;
use crate::components::report::numbers::Numbers;
use crate::components::report::tiles::Tiles;
use crate::i18n::use_i18n;
use crate::report_tables;
use crate::session::{use_session, use_session_expiry};
use crate::title::use_page_title;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.r().title.to_string());
    view! {
        <h1>{move || i18n.r().title}</h1>
        <RequireAccount staff_only=true>
            <Report/>
        </RequireAccount>
    }
}

#[component]
fn Report() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let expiry = use_session_expiry();
    let location = use_location();
    let agent_only = move || session.me().is_some_and(|me| me.role == Role::Agent);
    let report = LocalResource::new(move || {
        let search = location.search.get();
        let expiry = expiry.clone();
        async move {
            let search = if search.is_empty() {
                String::new()
            } else {
                format!("?{}", search.trim_start_matches('?'))
            };
            api::dashboard(&search).await.map_err(expiry)
        }
    });
    view! {
        <p class="lead">{move || if agent_only() { i18n.r().intro_agent } else { i18n.r().intro_desk }}</p>
        {move || match report.get() {
            None | Some(Err(None)) => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
            // A link with a bad period or filter says so and offers the default report.
            Some(Err(Some(error))) => view! {
                <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p>
                <p><a href="/reports">{i18n.r().reset}</a></p>
            }.into_any(),
            Some(Ok(report)) => view! { <Contents report agent_only=agent_only()/> }.into_any(),
        }}
    }
}

#[component]
fn Contents(report: Dashboard, agent_only: bool) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.r();
    let stem = format!("edgedesk-{}-{}", report.query.from, report.query.to);
    let mut query = report.query.clone();
    if agent_only {
        query.filters.agent = None;
    }
    let raw = move |format: &str| {
        format!("/api/reports/results?{}&format={format}&lang={}", query.to_query(), i18n.lang().code())
    };
    view! {
        <Filters query=report.query.clone() options=report.options.clone() agent_only/>
        <Tiles report=report.clone()/>
        <BreachTile/>
        <div class="report-grid">
            <Figure table=report_tables::in_and_out(&report, t) series=vec![0, 1] kind=ChartKind::Bars file_stem=stem.clone()/>
            <Figure table=report_tables::medians(&report, t) series=vec![0, 1] kind=ChartKind::Lines file_stem=stem.clone()/>
            <Figure table=report_tables::distribution(&report, t) series=vec![0, 1] kind=ChartKind::Bars file_stem=stem.clone()/>
            <Figure table=report_tables::compliance(&report, t) series=vec![0, 1] kind=ChartKind::Bars file_stem=stem.clone()/>
        </div>
        <section class="card" aria-labelledby="backlog-heading">
            <h2 id="backlog-heading" class="section-title">{t.backlog_title}</h2>
            <div class="backlog-tables">
                <div><h3>{t.by_status}</h3><Numbers table=report_tables::backlog_by_status(&report, t) file_stem=stem.clone()/></div>
                <div><h3>{t.by_tier}</h3><Numbers table=report_tables::backlog_by_tier(&report, t) file_stem=stem.clone()/></div>
                <div><h3>{t.by_age}</h3><Numbers table=report_tables::backlog_by_age(&report, t) file_stem=stem.clone()/></div>
            </div>
        </section>
        <section class="card" aria-labelledby="breakdown-heading">
            <h2 id="breakdown-heading" class="section-title">{report_tables::breakdown(&report, t).title}</h2>
            <Numbers table=report_tables::breakdown(&report, t) file_stem=stem.clone()/>
        </section>
        <section class="card" aria-labelledby="raw-heading">
            <h2 id="raw-heading" class="section-title">{t.raw_title}</h2>
            <p class="muted">{t.raw_intro}</p>
            <p class="button-row">
                <a class="button" href=raw("csv") download="">{t.raw_csv}</a>
                <a class="button button-quiet" href=raw("json") download="">{t.raw_json}</a>
            </p>
        </section>
        <details class="card definitions">
            <summary class="section-title">{t.definitions}</summary>
            <p>{t.definitions_text}</p>
        </details>
    }
}
