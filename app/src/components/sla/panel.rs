use edgedesk_domain::sla::{Clock, ClockState, RecordedStep, BREACH};
use leptos::prelude::*;

use crate::dates::local;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// The ticket's SLA for agents: each clock with its due time, share used, explanation and
/// pauses, and the warnings and breaches the sweep recorded.
#[component]
pub fn SlaPanel() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        let sla = workspace.shown.with(|shown| shown.sla.clone())?;
        let s = i18n.s();
        let policy = sla.clocks.first().map(|clock| clock.policy.clone()).unwrap_or_default();
        let clocks = sla.clocks.into_iter().map(|clock| view! { <ClockView clock=clock/> }).collect_view();
        let mut recorded = sla.recorded;
        recorded.sort_by_key(|step| (step.at, step.percent));
        Some(view! {
            <section class="card sla-panel" aria-labelledby="sla-heading">
                <h2 id="sla-heading" class="section-title">{s.panel_heading}</h2>
                <p class="muted">{s.policy} ": " {policy}</p>
                <ol class="sla-clocks">{clocks}</ol>
                <h3 class="subsection-title">{s.steps}</h3>
                {if recorded.is_empty() {
                    view! { <p class="muted">{s.no_steps}</p> }.into_any()
                } else {
                    view! { <ol class="sla-steps">{recorded.into_iter().map(|step| view! { <StepView step=step/> }).collect_view()}</ol> }
                        .into_any()
                }}
            </section>
        })
    }
}

#[component]
fn ClockView(clock: Clock) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.s();
    let lang = i18n.lang().code();
    let used = clock.used_percent();
    let due = clock.due_at.map(|due| {
        view! { <p>{s.due} " " <time datetime=due.to_rfc3339()>{local(due, lang)}</time></p> }
    });
    let pauses = clock
        .pauses
        .iter()
        .map(|pause| {
            let until = pause.until.map_or_else(|| s.until_now.to_string(), |until| local(until, lang));
            view! {
                <li>
                    <time datetime=pause.from.to_rfc3339()>{local(pause.from, lang)}</time> " – " {until} ": "
                    {s.pause(pause.reason)} " (" {s.duration(pause.seconds)} ")"
                </li>
            }
        })
        .collect_view();
    let has_pauses = !clock.pauses.is_empty();
    view! {
        <li class=format!("sla-clock sla-{}", clock.tone().as_str()) data-target=clock.target.as_str()>
            <h3 class="sla-clock-title">
                {s.target(clock.target)} " "
                <span class="sla-state">{s.state(clock.state, clock.breached)}</span>
            </h3>
            {due}
            {(clock.state != ClockState::Paused).then(|| view! {
                <p>
                    <meter min="0" max="100" value=used.min(100) aria-label=format!("{} {}", s.target(clock.target), s.used)></meter>
                    // An overdue clock's share keeps growing; past 100 % the number says nothing.
                    " " {if used > 100 { "> 100".to_string() } else { used.to_string() }} " % " {s.used}
                </p>
            })}
            <p class="sla-explanation">
                {s.target_length} " " {s.duration(clock.target_seconds())} " · " {s.hours(&clock.hours)}
            </p>
            {has_pauses.then(|| view! { <p class="muted">{s.pauses}</p> <ul class="sla-pauses">{pauses}</ul> })}
        </li>
    }
}

#[component]
fn StepView(step: RecordedStep) -> impl IntoView {
    let i18n = use_i18n();
    let s = i18n.s();
    let what = if step.percent >= BREACH {
        s.step_breached.to_string()
    } else {
        format!("{} % {}", step.percent, s.step_used)
    };
    let class = if step.percent >= BREACH { "sla-step sla-breached" } else { "sla-step sla-warning" };
    view! {
        <li class=class>
            <time datetime=step.at.to_rfc3339()>{local(step.at, i18n.lang().code())}</time> ": "
            {s.target(step.target)} " · " {what}
        </li>
    }
}
