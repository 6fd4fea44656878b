//! A case's 72-hour clock as a badge: hours left, hours overdue, or stopped.

use chrono::{DateTime, Utc};
use edgedesk_domain::breach::Clock;
use leptos::prelude::*;

use crate::dates::now;
use crate::i18n::use_i18n;

#[component]
pub fn ClockBadge(deadline: DateTime<Utc>, stopped: bool) -> impl IntoView {
    let i18n = use_i18n();
    let clock = Clock::of(deadline, stopped, now());
    let class = match clock {
        Clock::Stopped => "chip breach-clock breach-clock-stopped",
        _ if clock.urgent() => "chip breach-clock breach-clock-urgent",
        _ => "chip breach-clock",
    };
    view! { <span class=class data-testid="breach-clock">{move || i18n.b().clock(clock)}</span> }
}
