use edgedesk_domain::sweep::SweepRun;
use leptos::prelude::*;

use crate::api;
use crate::components::data_table::DataTable;
use crate::dates::local;
use crate::i18n::use_i18n;

/// The most recent cron sweeps, so admins see a run that failed and why.
#[component]
pub fn SweepRuns() -> impl IntoView {
    let i18n = use_i18n();
    let runs = LocalResource::new(api::sweep_runs);
    move || {
        let s = i18n.s();
        let lang = i18n.lang().code();
        let rows: Vec<SweepRun> = runs.get()?.ok()?;
        Some(view! {
            <section class="card" aria-labelledby="runs-heading">
                <h2 id="runs-heading" class="section-title">{s.runs_heading}</h2>
                {if rows.is_empty() {
                    view! { <p class="muted">{s.no_runs}</p> }.into_any()
                } else {
                    view! {
                        <DataTable class="sweep-runs"
                            columns=vec![s.run_scheduled, s.run_examined, s.run_warnings, s.run_breaches, s.run_conflicts, s.run_error]>
                            {rows.into_iter().map(|run| {
                                let report = run.report;
                                let failed = report.error.is_some();
                                view! {
                                    <tr class:run-failed=failed>
                                        <td data-label=s.run_scheduled>{local(report.scheduled_at, lang)}</td>
                                        <td data-label=s.run_examined>{report.tickets_examined}</td>
                                        <td data-label=s.run_warnings>{report.sla_warnings}</td>
                                        <td data-label=s.run_breaches>{report.sla_breaches}</td>
                                        <td data-label=s.run_conflicts>{report.sla_conflicts}</td>
                                        <td data-label=s.run_error>{report.error.unwrap_or_else(|| s.run_ok.to_string())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </DataTable>
                    }
                    .into_any()
                }}
            </section>
        })
    }
}
