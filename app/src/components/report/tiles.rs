//! The headline figures: response and resolution times against the promise, compliance,
//! breaches, the open backlog, reopens, satisfaction and major incidents.

use edgedesk_domain::report::{Dashboard, Figures, Summary};
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// One tile: a label, the big number, and the lines under it.
#[component]
fn Tile(
    label: &'static str,
    value: String,
    #[prop(optional)] tone: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=format!("report-tile {tone}")>
            <p class="tile-label">{label}</p>
            <p class="tile-value">{value}</p>
            <div class="tile-detail">{children()}</div>
        </div>
    }
}

/// "ok" when every stop kept its target, "warn" under 90 %, "bad" under 75 %.
fn tone(figures: &Figures) -> &'static str {
    match figures.compliance_percent {
        None => "",
        Some(share) if share >= 90.0 => "tile-ok",
        Some(share) if share >= 75.0 => "tile-warn",
        Some(_) => "tile-bad",
    }
}

#[component]
fn TimeTile(label: &'static str, promise: &'static str, figures: Figures) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.r();
    view! {
        <Tile label value=t.minutes(figures.median_minutes) tone=tone(&figures)>
            <p>{format!("{}: {} · {}: {}", t.average, t.minutes(figures.average_minutes), t.p90,
                t.minutes(figures.p90_minutes.map(|p90| p90 as f64)))}</p>
            <p>{format!("{} {} ({} / {}) · {}: {}", t.percent(figures.compliance_percent), t.within_target,
                figures.count - figures.breached, figures.count, t.promise, promise)}</p>
        </Tile>
    }
}

#[component]
pub fn Tiles(report: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.r();
    let Summary { opened, majors, first_response, resolution, reopened, reopen_percent, csat } =
        report.period.clone();
    let today = report.today.clone();
    let backlog = report.backlog.clone();
    view! {
        <section class="report-tiles" aria-label=t.period>
            <TimeTile label=t.first_response promise=t.promise_response figures=first_response/>
            <TimeTile label=t.resolution promise=t.promise_resolution figures=resolution/>
            <Tile label=t.sla_breaches value=(first_response.breached + resolution.breached).to_string()
                tone={if first_response.breached + resolution.breached > 0 { "tile-bad" } else { "tile-ok" }}>
                <p>{format!("{}: {} · {}: {}", t.first_response, first_response.breached, t.resolution, resolution.breached)}</p>
            </Tile>
            <Tile label=t.backlog value=backlog.total.to_string() tone={if backlog.breached > 0 { "tile-warn" } else { "" }}>
                <p>{format!("{} {}", backlog.breached, t.breached_now)}</p>
            </Tile>
            <Tile label=t.opened value=opened.to_string()>
                <p>{format!("{}: {}", t.resolved, resolution.count)}</p>
            </Tile>
            <Tile label=t.reopen_rate value=t.percent(reopen_percent)>
                <p>{format!("{reopened} / {}", resolution.count)}</p>
            </Tile>
            <Tile label=t.csat value={if csat.rated == 0 { t.no_ratings.to_string() } else { t.percent(csat.satisfied_percent) }}>
                <p>{(csat.rated > 0).then(|| format!("{} · {} / {} · {}: {}", t.satisfied, csat.satisfied, csat.rated,
                    t.average, csat.average.map(|average| t.number(average)).unwrap_or_default()))}</p>
            </Tile>
            <Tile label=t.majors value=majors.to_string() tone={if majors > 0 { "tile-warn" } else { "" }}>
                <p>{t.majors_detail}</p>
            </Tile>
        </section>
        <section class="card report-today" aria-labelledby="today-heading">
            <h2 id="today-heading" class="section-title">{t.today}</h2>
            <dl class="today-figures">
                <div><dt>{t.opened}</dt><dd>{today.opened}</dd></div>
                <div><dt>{format!("{} ({})", t.first_response, t.median)}</dt><dd>{t.minutes(today.first_response.median_minutes)}</dd></div>
                <div><dt>{t.resolved}</dt><dd>{today.resolution.count}</dd></div>
                <div><dt>{format!("{} ({})", t.resolution, t.median)}</dt><dd>{t.minutes(today.resolution.median_minutes)}</dd></div>
                <div><dt>{t.sla_breaches}</dt><dd>{today.first_response.breached + today.resolution.breached}</dd></div>
                <div><dt>{t.majors}</dt><dd>{today.majors}</dd></div>
            </dl>
        </section>
    }
}
