use chrono::{DateTime, Utc};
use edgedesk_domain::sla::SlaBadge;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The most urgent clock of a ticket in a list: what is left (or how late it is), coloured
/// by the warning step the sweep last recorded.
#[component]
pub fn SlaBadgeView(badge: SlaBadge, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let s = i18n.s();
        let target = s.target(badge.target);
        match badge.due_at {
            None => format!("{target} · {}", s.paused),
            Some(due) => match (due - now.get()).num_seconds() {
                left if left >= 0 => format!("{target} · {} {}", s.duration(left), s.left),
                late => format!("{target} · {} {}", s.overdue, s.duration(-late)),
            },
        }
    };
    view! {
        <span class=format!("sla-badge sla-{}", badge.tone().as_str()) data-level=badge.level>
            {text}
        </span>
    }
}
