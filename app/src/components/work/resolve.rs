use edgedesk_domain::ticket::TicketKind;
use edgedesk_domain::workflow::{Command, ResolutionCode};
use leptos::prelude::*;

use super::state;
use crate::components::select_field::SelectField;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// Resolution needs a code and notes; a major incident can resolve its children too.
#[component]
pub fn ResolveForm() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let request = state(workspace).is_some_and(|state| state.kind == TicketKind::Request);
    let default = if request { ResolutionCode::Fulfilled } else { ResolutionCode::Fixed };
    let code = RwSignal::new(default.as_str().to_string());
    let notes = RwSignal::new(String::new());
    let linked = RwSignal::new(true);
    let options = Signal::derive(move || {
        ResolutionCode::FOR_PEOPLE
            .into_iter()
            .map(|c| (c.as_str().to_string(), i18n.p().resolution(c, i18n.lang()).to_string()))
            .collect()
    });
    let is_major = move || state(workspace).is_some_and(|state| state.is_major);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        workspace.send(Command::Resolve {
            code: ResolutionCode::parse(&code.get_untracked()).unwrap_or(default),
            notes: notes.get_untracked(),
            resolve_linked: is_major() && linked.get_untracked(),
        });
    };
    view! {
        <form class="card work-form" on:submit=submit aria-labelledby="resolve-heading">
            <h3 id="resolve-heading">{move || i18n.p().resolve_heading}</h3>
            <SelectField name="resolution" label=Signal::derive(move || i18n.p().resolve_code) value=code options=options/>
            <TextField name="notes" label=Signal::derive(move || i18n.p().resolve_notes) value=notes multiline=true rows=3/>
            <Show when=is_major>
                <label class="checkbox">
                    <input type="checkbox" name="resolve-linked" bind:checked=linked/> " " {move || i18n.p().resolve_linked}
                </label>
            </Show>
            <button type="submit" class="button button-primary" disabled=move || workspace.busy.get()>{move || i18n.p().resolve}</button>
        </form>
    }
}
