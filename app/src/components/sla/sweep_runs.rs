use edgedesk_domain::sweep::SweepRun;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::dates::local;
use crate::i18n::use_i18n;

/// The most recent cron sweeps, so admins see a run that failed and why.
#[component]
pub fn SweepRuns() -> impl IntoView {
    let i18n = use_i18n();
    let runs = RwSignal::new(None::<Vec<SweepRun>>);
    spawn_local(async move {
        runs.set(api::sweep_runs().await.ok());
    });
    move || {
        let s = i18n.s();
        let lang = i18n.lang().code();
        let rows = runs.get()?;
        Some(view! {
            <section class="card" aria-labelledby="runs-heading">
                <h2 id="runs-heading" class="section-title">{s.runs_heading}</h2>
                {if rows.is_empty() {
                    view! { <p class="muted">{s.no_runs}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table class="data-table sweep-runs">
                                <thead>
                                    <tr>
                                        <th scope="col">{s.run_scheduled}</th>
                                        <th scope="col">{s.run_examined}</th>
                                        <th scope="col">{s.run_warnings}</th>
                                        <th scope="col">{s.run_breaches}</th>
                                        <th scope="col">{s.run_conflicts}</th>
                                        <th scope="col">{s.run_error}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows.into_iter().map(|run| {
                                        let report = run.report;
                                        let failed = report.error.is_some();
                                        view! {
                                            <tr class:run-failed=failed>
                                                <td>{local(report.scheduled_at, lang)}</td>
                                                <td>{report.tickets_examined}</td>
                                                <td>{report.sla_warnings}</td>
                                                <td>{report.sla_breaches}</td>
                                                <td>{report.sla_conflicts}</td>
                                                <td>{report.error.unwrap_or_else(|| s.run_ok.to_string())}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }}
            </section>
        })
    }
}
