use edgedesk_domain::auth::Tier;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::priority::Level;
use edgedesk_domain::ticket::TicketKind;
use edgedesk_domain::workflow::{FieldChange, ResolutionCode};
use leptos::prelude::*;

use crate::dates::local;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// The ticket's history, oldest first. Internal entries (staff only) are marked; all text
/// is rendered as text nodes, so markup in it stays inert.
#[component]
pub fn Timeline() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let change = move |change: FieldChange| {
        let (t, p) = (i18n.t(), i18n.p());
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
        let staff = workspace.staff();
        let lang = i18n.lang();
        let field = change.field.clone();
        // Stored values are codes; each field says them in the reader's words. Names
        // (assignee, category) and priorities are shown as they are.
        let value = move |value: Option<String>| {
            let Some(text) = value else { return "–".to_string() };
            let words = match field.as_str() {
                "status" => Status::parse(&text).map(|status| t.status_for(status, staff)),
                "kind" => TicketKind::parse(&text).map(|kind| p.kind(kind)),
                "tier" => Tier::parse(&text).map(|tier| p.tier(tier)),
                "impact" | "urgency" => Level::parse(&text).map(|level| p.level(level)),
                "resolution" => ResolutionCode::parse(&text).map(|code| p.resolution(code, lang)),
                _ => None,
            };
            words.map_or(text, str::to_string)
        };
        view! { <li>{label} ": " {value(change.before)} " → " {value(change.after)}</li> }
    };
    view! {
        <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="section-title">{move || i18n.p().timeline_heading}</h2>
            <ol class="timeline">
                {move || {
                    let lang = i18n.lang().code();
                    workspace
                        .shown
                        .get()
                        .timeline
                        .into_iter()
                        .map(|entry| {
                            let at = entry.at.to_rfc3339();
                            let local = local(entry.at, lang);
                            view! {
                                <li class="event" class:event-internal=!entry.public data-kind=entry.kind.as_str()>
                                    <p class="event-head">
                                        <strong>{i18n.p().event(entry.kind)}</strong>
                                        " · " {entry.actor} " · "
                                        <time datetime=at>{local}</time>
                                        {(!entry.public).then(|| view! {
                                            " " <span class="badge badge-internal">{i18n.p().timeline_internal}</span>
                                        })}
                                    </p>
                                    {(!entry.details.changes.is_empty()).then(|| view! {
                                        <ul class="changes">
                                            {entry.details.changes.into_iter().map(change).collect_view()}
                                        </ul>
                                    })}
                                    {entry.details.text.map(|text| view! { <p class="prose">{text}</p> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
