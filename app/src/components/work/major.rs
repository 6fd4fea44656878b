use edgedesk_domain::ticket::TicketKind;
use edgedesk_domain::workflow::Command;
use leptos::prelude::*;
use leptos_router::components::A;

use super::state;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// Declare a major incident, or link this incident to one as a child.
#[component]
pub fn MajorForm() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let major_id = RwSignal::new(String::new());
    let eligible = move || {
        state(workspace).is_some_and(|state| {
            state.kind == TicketKind::Incident && !state.is_major && state.major_id.is_none()
        })
    };
    let link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(major_id) = major_id.get_untracked().trim().parse() {
            workspace.send(Command::LinkToMajor { major_id });
        }
    };
    view! {
        <Show when=eligible>
            <form class="card work-form" on:submit=link aria-labelledby="major-heading">
                <h3 id="major-heading">{move || i18n.p().major_heading}</h3>
                <button type="button" class="button" disabled=move || workspace.busy.get()
                    on:click=move |_| workspace.send(Command::MarkMajor)>{move || i18n.p().mark_major}</button>
                <div class="field">
                    <label for="field-major-id">{move || i18n.p().link_major_id}</label>
                    <input id="field-major-id" name="major-id" inputmode="numeric" bind:value=major_id/>
                </div>
                <button type="submit" class="button" disabled=move || workspace.busy.get()>{move || i18n.p().link_major}</button>
            </form>
        </Show>
    }
}

/// The incidents linked to a major incident.
#[component]
pub fn LinkedList() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        let linked =
            workspace.shown.with(|shown| shown.ticket.as_ref().map(|t| t.linked.clone()).unwrap_or_default());
        (!linked.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby="linked-heading">
                    <h3 id="linked-heading">{i18n.p().linked_heading}</h3>
                    <ul>
                        {linked.into_iter().map(|ticket| view! {
                            <li>
                                <A href=format!("/tickets/{}", ticket.id)>{ticket.number}</A> " "
                                {ticket.title} " · " {i18n.t().status_for(ticket.status, true)}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
