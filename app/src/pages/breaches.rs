//! Data-breach cases, for staff: the cases the reader may see with their 72-hour clocks,
//! a form to open one, and for the privacy lead the register to export.

use chrono::Duration;
use edgedesk_domain::breach::BreachSummary;
use leptos::prelude::*;

use crate::api;
use crate::components::breach::clock_badge::ClockBadge;
use crate::components::breach::new_case::NewCaseForm;
use crate::components::data_table::DataTable;
use crate::components::guard::RequireAccount;
use crate::dates::{local, now};
use crate::i18n::use_i18n;
use crate::session::{use_session, use_session_expiry};
use crate::title::use_page_title;

#[component]
pub fn BreachesPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.b().title.to_string());
    let session = use_session();
    let lead = move || session.me().is_some_and(|me| me.privacy_lead);
    view! {
        <h1>{move || i18n.b().title}</h1>
        <p class="lead">{move || i18n.b().intro}</p>
        <RequireAccount staff_only=true>
            <CaseList/>
            <details class="card">
                <summary class="section-title">{move || i18n.b().open_case}</summary>
                <NewCaseForm incident_ids=Vec::new()/>
            </details>
            <Show when=lead>
                <Register/>
            </Show>
        </RequireAccount>
    }
}

#[component]
fn CaseList() -> impl IntoView {
    let i18n = use_i18n();
    let expiry = use_session_expiry();
    let cases = LocalResource::new(move || {
        let expiry = expiry.clone();
        async move { api::breaches().await.map_err(expiry) }
    });
    let row = move |case: BreachSummary| {
        let b = i18n.b();
        let stopped = case.clock_stopped || case.closed_at.is_some();
        view! {
            <tr>
                <td data-label=b.col_case><a href=format!("/breaches/{}", case.id)>{case.number}</a></td>
                <td data-label=b.col_title>{case.title}</td>
                <td data-label=b.col_aware>{local(case.aware_at, i18n.lang().code())}</td>
                <td data-label=b.col_clock>
                    {match case.closed_at {
                        Some(_) => view! { <span class="chip">{b.closed}</span> }.into_any(),
                        None => view! { <ClockBadge deadline=case.deadline stopped/> }.into_any(),
                    }}
                </td>
                <td data-label=b.col_risk>{b.risk_word(case.risk)}</td>
            </tr>
        }
    };
    view! {
        <section class="card" aria-labelledby="cases-heading">
            <h2 id="cases-heading" class="section-title">{move || i18n.b().title}</h2>
            {move || match cases.get() {
                None | Some(Err(None)) => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
                Some(Err(Some(error))) => {
                    view! { <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p> }.into_any()
                }
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty-state">{i18n.b().empty}</p> }.into_any(),
                Some(Ok(list)) => {
                    let b = i18n.b();
                    let columns = vec![b.col_case, b.col_title, b.col_aware, b.col_clock, b.col_risk];
                    view! { <DataTable columns=columns>{list.into_iter().map(row).collect_view()}</DataTable> }.into_any()
                }
            }}
        </section>
    }
}

/// The register for a period, as files: the browser downloads what the API answers.
#[component]
fn Register() -> impl IntoView {
    let i18n = use_i18n();
    let today = now().date_naive();
    let from = RwSignal::new((today - Duration::days(365)).to_string());
    let to = RwSignal::new(today.to_string());
    let link = move |format: &'static str| {
        format!(
            "/api/breaches/register?from={}&to={}&format={format}&lang={}",
            from.get(),
            to.get(),
            i18n.lang().code()
        )
    };
    view! {
        <section class="card" aria-labelledby="register-heading">
            <h2 id="register-heading" class="section-title">{move || i18n.b().register_heading}</h2>
            <p class="muted">{move || i18n.b().register_intro}</p>
            <div class="field-row">
                <div class="field">
                    <label for="register-from">{move || i18n.b().from}</label>
                    <input id="register-from" type="date" bind:value=from/>
                </div>
                <div class="field">
                    <label for="register-to">{move || i18n.b().to}</label>
                    <input id="register-to" type="date" bind:value=to/>
                </div>
            </div>
            <p class="button-row">
                <a class="button" href=move || link("csv") download>{move || i18n.b().download_csv}</a>
                <a class="button" href=move || link("json") download>{move || i18n.b().download_json}</a>
            </p>
        </section>
    }
}
