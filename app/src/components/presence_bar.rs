use std::time::Duration;

use edgedesk_domain::presence::{Presence, PresenceUpdate, RENEW_EVERY_SECONDS};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// Tells colleagues this ticket is open here (and whether a reply is being written), and
/// shows who else has it open. Renewed on a timer and whenever writing starts or stops.
#[component]
pub fn PresenceBar() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let others = RwSignal::new(Vec::<Presence>::new());
    let Some(ticket_id) = workspace.ticket_id() else { return ().into_any() };
    let renew = move || {
        let update = PresenceUpdate { editing: workspace.editing.get_untracked() };
        spawn_local(async move {
            // Presence is a courtesy: if it fails, the page simply shows nobody.
            if let Ok(list) = api::presence(ticket_id, &update).await {
                others.set(list);
            }
        });
    };
    Effect::new(move |_| {
        workspace.editing.track();
        renew();
    });
    if let Ok(timer) = set_interval_with_handle(renew, Duration::from_secs(RENEW_EVERY_SECONDS)) {
        on_cleanup(move || timer.clear());
    }
    view! {
        <p class="presence" role="status" data-testid="presence">
            {move || {
                let p = i18n.p();
                others
                    .get()
                    .into_iter()
                    .map(|person| {
                        let doing = if person.editing { p.presence_writing } else { p.presence_viewing };
                        view! { <span class="badge">{person.name} " " {doing}</span> " " }
                    })
                    .collect_view()
            }}
        </p>
    }
    .into_any()
}
