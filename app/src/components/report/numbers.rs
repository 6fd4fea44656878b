//! A report table as the page shows it, with its CSV: the same rows, numbers as numbers.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::report_tables::ReportTable;

/// `data:` address of a CSV file, for a download link (no script, no object URL to free).
fn csv_address(csv: &str) -> String {
    format!("data:text/csv;charset=utf-8,{}", js_sys::encode_uri_component(csv))
}

#[component]
pub fn Numbers(table: ReportTable, file_stem: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.r();
    let csv = csv_address(&table.csv(t, i18n.lang()));
    let head = table
        .columns
        .iter()
        .map(|column| view! { <th scope="col">{column.short.clone()}</th> })
        .collect_view();
    let groups = (!table.groups.is_empty()).then(|| {
        let spans = table
            .groups
            .iter()
            .map(|(name, span)| match name.is_empty() {
                true => view! { <td colspan=*span></td> }.into_any(),
                false => {
                    view! { <th scope="colgroup" colspan=*span class="column-group">{name.clone()}</th> }
                        .into_any()
                }
            })
            .collect_view();
        view! { <tr><td></td>{spans}</tr> }
    });
    // Wide tables become cards on a phone; narrow ones stay tables.
    let class = if table.columns.len() > 3 { "data-table report-table" } else { "report-table" };
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .values
                .iter()
                .enumerate()
                .map(|(index, value)| {
                    let raw = value.map(|value| value.to_string()).unwrap_or_default();
                    view! {
                        <td data-label=table.columns[index].name.clone() data-value=raw class="numeric">
                            {table.shown(t, index, *value)}
                        </td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{row.label.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        // Focusable, so a keyboard can scroll a long table.
        <div class="table-wrap" tabindex="0">
            <table class=class data-table=table.id>
                <thead>{groups}<tr><th scope="col">{table.rows_are.clone()}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <a class="button button-quiet csv-link" href=csv download=format!("{file_stem}-{}.csv", table.id)>
            {t.download_csv}<span class="visually-hidden">{format!(": {}", table.title)}</span>
        </a>
    }
}
