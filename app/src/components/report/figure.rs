//! One figure of the reports: its title, the chart, and the numbers beside it.

use leptos::prelude::*;

use super::chart::{Chart, ChartKind};
use super::numbers::Numbers;
use crate::i18n::use_i18n;
use crate::report_tables::{ReportTable, Unit};

#[component]
pub fn Figure(table: ReportTable, series: Vec<usize>, kind: ChartKind, file_stem: String) -> impl IntoView {
    let i18n = use_i18n();
    let unit = series.first().map_or(Unit::Count, |column| table.columns[*column].unit);
    let top = (unit == Unit::Percent).then_some(100.0);
    let axis = Callback::new(move |value: f64| {
        let t = i18n.r();
        match unit {
            Unit::Count => t.number(value.round()),
            Unit::Minutes => t.minutes_short(value),
            Unit::Percent => format!("{} %", t.number(value.round())),
        }
    });
    let heading = format!("figure-{}", table.id);
    let labelled_by = heading.clone();
    let empty =
        table.rows.iter().all(|row| series.iter().all(|column| row.values[*column].unwrap_or(0.0) == 0.0));
    view! {
        <section class="card report-figure" aria-labelledby=labelled_by>
            <h2 id=heading class="section-title">{table.title.clone()}</h2>
            {empty.then(|| view! { <p class="muted">{i18n.r().no_data}</p> })}
            <div class="figure-body">
                <Chart table=table.clone() series kind top axis label=table.title.clone()/>
                <Numbers table file_stem/>
            </div>
        </section>
    }
}
