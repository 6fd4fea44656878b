//! A chart drawn as SVG from a report table: bars for counts and shares, lines for trends.
//! Hand-drawn, so the reports bundle carries no charting library. The table beside it is
//! the accessible form of the same numbers.

use leptos::prelude::*;

use crate::report_tables::ReportTable;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChartKind {
    Bars,
    Lines,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 30.0;
const TICKS: usize = 4;
/// At most this many labels under the axis; the others are in the table.
const MAX_LABELS: usize = 10;

/// A round top for the axis: 1, 2 or 5 times a power of ten, at least `max`.
fn nice_top(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|step| step * power).find(|top| *top >= max).unwrap_or(10.0 * power)
}

#[component]
pub fn Chart(
    table: ReportTable,
    /// The table's columns drawn, each a series.
    series: Vec<usize>,
    kind: ChartKind,
    /// A fixed top (100 for percentages); otherwise the largest value, rounded up.
    top: Option<f64>,
    /// What an axis value reads as ("4 h", "80 %").
    axis: Callback<f64, String>,
    label: String,
) -> impl IntoView {
    let values = |column: usize| table.rows.iter().map(move |row| row.values.get(column).copied().flatten());
    let largest = series.iter().flat_map(|column| values(*column)).flatten().fold(0.0, f64::max);
    let top = top.unwrap_or_else(|| nice_top(largest));
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y = move |value: f64| TOP + plot_height * (1.0 - (value / top).clamp(0.0, 1.0));
    let rows = table.rows.len().max(1);
    let band = plot_width / rows as f64;
    let every = rows.div_ceil(MAX_LABELS);

    let grid = (0..=TICKS)
        .map(|tick| {
            let value = top * tick as f64 / TICKS as f64;
            let at = y(value);
            view! {
                <line class="chart-grid" x1=LEFT x2=WIDTH - RIGHT y1=at y2=at/>
                <text class="chart-axis" x=LEFT - 6.0 y=at + 4.0 text-anchor="end">{axis.run(value)}</text>
            }
        })
        .collect_view();
    let labels = table
        .rows
        .iter()
        .enumerate()
        .filter(|(index, _)| index % every == 0)
        .map(|(index, row)| {
            let x = LEFT + band * (index as f64 + 0.5);
            // Every other label gives way on a phone, where the text is larger.
            let parity = if (index / every) % 2 == 1 { "chart-axis chart-x-odd" } else { "chart-axis" };
            view! { <text class=parity x=x y=HEIGHT - 10.0 text-anchor="middle">{row.label.clone()}</text> }
        })
        .collect_view();
    let marks = match kind {
        ChartKind::Bars => {
            let width = band * 0.8 / series.len().max(1) as f64;
            series
                .iter()
                .enumerate()
                .flat_map(|(nth, column)| {
                    values(*column)
                        .enumerate()
                        // A zero is no bar: the table says it.
                        .filter_map(move |(index, value)| Some((index, value.filter(|value| *value > 0.0)?)))
                        .map(move |(index, value)| {
                            let x = LEFT + band * index as f64 + band * 0.1 + width * nth as f64;
                            view! {
                                <rect class=format!("chart-mark series-{nth}") x=x y=y(value) width=width
                                    height=(TOP + plot_height - y(value)).max(0.0)/>
                            }
                        })
                        .collect::<Vec<_>>()
                })
                .collect_view()
                .into_any()
        }
        ChartKind::Lines => series
            .iter()
            .enumerate()
            .map(|(nth, column)| {
                let points: Vec<(f64, f64)> = values(*column)
                    .enumerate()
                    .filter_map(|(index, value)| Some((LEFT + band * (index as f64 + 0.5), y(value?))))
                    .collect();
                let path = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                view! {
                    <polyline class=format!("chart-line series-{nth}") points=path/>
                    {points
                        .into_iter()
                        .map(|(x, y)| view! { <circle class=format!("chart-dot series-{nth}") cx=x cy=y r="3"/> })
                        .collect_view()}
                }
            })
            .collect_view()
            .into_any(),
    };
    let legend = series
        .iter()
        .enumerate()
        .map(|(nth, column)| {
            view! {
                <li><span class=format!("legend-swatch series-{nth}") aria-hidden="true"></span>
                    {table.columns[*column].name.clone()}</li>
            }
        })
        .collect_view();
    view! {
        <div class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label>
                {grid}
                {marks}
                {labels}
            </svg>
            <ul class="chart-legend">{legend}</ul>
        </div>
    }
}
