use edgedesk_domain::auth::Tier;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::priority::Level;
use edgedesk_domain::sla::BREACH;
use edgedesk_domain::ticket::{Author, TicketKind, TimelineEntry};
use edgedesk_domain::workflow::{EventKind, FieldChange, ResolutionCode};
use leptos::prelude::*;

use crate::dates::local;
use crate::i18n::{use_i18n, I18n};
use crate::workspace::use_workspace;

/// The ticket's conversation, oldest first: public replies as messages from the customer's
/// side or the desk's, internal notes styled as notes, and every other event condensed to
/// one line. All text is rendered as text nodes, so markup in it stays inert.
#[component]
pub fn Timeline() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let list = NodeRef::<leptos::html::Ol>::new();
    // The newest entry sits just above the compose box, as in a chat: on a workspace whose
    // conversation scrolls in its own pane, bring it into view whenever one arrives.
    Effect::new(move |_| {
        workspace.shown.with(|shown| shown.timeline.len());
        if let Some(list) = list.get() {
            request_animation_frame(move || list.set_scroll_top(list.scroll_height()));
        }
    });
    view! {
        <section class="card conversation" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="section-title">{move || i18n.p().timeline_heading}</h2>
            // Focusable so keyboard users can scroll the pane it becomes on wide screens.
            <ol class="timeline" node_ref=list tabindex="0" aria-labelledby="timeline-heading">
                {move || {
                    let staff = workspace.staff();
                    workspace
                        .shown
                        .get()
                        .timeline
                        .into_iter()
                        .map(|entry| match entry.kind {
                            EventKind::Reply | EventKind::Note => view! { <Message entry=entry/> }.into_any(),
                            _ => view! { <SystemLine entry=entry staff=staff/> }.into_any(),
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

/// The author, the time and, on notes, the mark that only colleagues see this.
fn head(i18n: I18n, entry: &TimelineEntry) -> impl IntoView {
    let at = entry.at.to_rfc3339();
    let when = local(entry.at, i18n.lang().code());
    let internal = !entry.public;
    view! {
        <p class="event-head">
            {internal.then(|| view! { <span class="badge badge-internal">{i18n.p().event_note}</span> " " })}
            <strong>{entry.actor.clone()}</strong>
            " · "
            <time datetime=at>{when}</time>
        </p>
    }
}

/// A reply or a note: the words someone wrote, in full.
#[component]
fn Message(entry: TimelineEntry) -> impl IntoView {
    let i18n = use_i18n();
    let side = match (entry.kind, entry.author) {
        (EventKind::Note, _) => "msg-note",
        (_, Author::Customer) => "msg-customer",
        _ => "msg-desk",
    };
    let class = format!("event msg {side}");
    view! {
        <li class=class class:event-internal=!entry.public data-kind=entry.kind.as_str()>
            {head(i18n, &entry)}
            {entry.details.text.clone().map(|text| view! { <p class="prose">{text}</p> })}
        </li>
    }
}

/// Every other event on one line: what happened, what changed, who and when.
#[component]
fn SystemLine(entry: TimelineEntry, staff: bool) -> impl IntoView {
    let i18n = use_i18n();
    let p = i18n.p();
    let s = i18n.s();
    // A report's first values (status new, its type, tier) say nothing the ticket does not.
    let changes: Vec<String> = match entry.kind {
        EventKind::Created => Vec::new(),
        _ => entry.details.changes.iter().map(|change| described(i18n, change, staff)).collect(),
    };
    let reached: Vec<String> = entry
        .details
        .sla
        .iter()
        .map(|step| {
            let what = if step.percent >= BREACH {
                s.step_breached.to_string()
            } else {
                format!("{} % {}", step.percent, s.step_used)
            };
            format!("{} · {what}", s.target(step.target))
        })
        .collect();
    let detail = changes.into_iter().chain(reached).collect::<Vec<_>>().join("; ");
    let at = entry.at.to_rfc3339();
    let when = local(entry.at, i18n.lang().code());
    // A resolution's notes and a reason given for a step are people's words: shown in full.
    let text = entry.details.text.clone();
    let class = if entry.kind == EventKind::Resolved {
        "event event-system event-resolved"
    } else {
        "event event-system"
    };
    view! {
        <li class=class class:event-internal=!entry.public data-kind=entry.kind.as_str()>
            <p class="event-head">
                <strong>{p.event(entry.kind)}</strong>
                {entry.details.automatic.then(|| view! { " (" {p.event_automatic} ")" })}
                {(!detail.is_empty()).then(|| view! { " · " <span class="event-changes">{detail}</span> })}
                " · " {entry.actor.clone()} " · "
                <time datetime=at>{when}</time>
                {(!entry.public).then(|| view! { " " <span class="badge badge-internal">{p.timeline_internal}</span> })}
            </p>
            {text.map(|text| view! { <p class="prose">{text}</p> })}
        </li>
    }
}

/// "Status: Open → In progress", with stored codes in the reader's words. Names (assignee,
/// category) and priorities are shown as they are.
pub fn described(i18n: I18n, change: &FieldChange, staff: bool) -> String {
    let (t, p) = (i18n.t(), i18n.p());
    let lang = i18n.lang();
    let label = match change.field.as_str() {
        "status" => p.field_status,
        "kind" => p.field_kind,
        "tier" => p.field_tier,
        "assignee" => p.field_assignee,
        "impact" => p.field_impact,
        "urgency" => p.field_urgency,
        "priority" => p.field_priority,
        "category" => p.field_category,
        "resolution" => p.resolve_code,
        _ => p.major_heading,
    };
    let value = |value: &Option<String>| {
        let Some(text) = value else { return "–".to_string() };
        let words = match change.field.as_str() {
            "status" => Status::parse(text).map(|status| t.status_for(status, staff)),
            "kind" => TicketKind::parse(text).map(|kind| p.kind(kind)),
            "tier" => Tier::parse(text).map(|tier| p.tier(tier)),
            "impact" | "urgency" => Level::parse(text).map(|level| p.level(level)),
            "resolution" => ResolutionCode::parse(text).map(|code| p.resolution(code, lang)),
            _ => None,
        };
        words.map_or_else(|| text.clone(), str::to_string)
    };
    format!("{label}: {} → {}", value(&change.before), value(&change.after))
}
