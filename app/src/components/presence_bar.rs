use std::time::Duration;

use edgedesk_domain::live::ClientMessage;
use edgedesk_domain::presence::{PresenceUpdate, RENEW_EVERY_SECONDS};
use leptos::prelude::*;

use crate::api;
use crate::i18n::use_i18n;
use crate::live::{use_live, Connection};
use crate::session::use_session;
use crate::workspace::use_workspace;

/// Tells colleagues this ticket is open here (and whether a reply is being written), and
/// shows who else has it open. Over the live socket both ways are pushed at once; while
/// the socket is down the page renews a stored record on a timer instead.
#[component]
pub fn PresenceBar() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let live = use_live();
    let me = use_session().me().map(|me| me.id);
    let Some(ticket_id) = workspace.ticket_id() else { return ().into_any() };

    Effect::new(move |_| {
        live.set_doing(ClientMessage::Viewing { ticket_id, editing: workspace.editing.get() });
    });
    on_cleanup(move || live.set_doing(ClientMessage::Idle));

    let poll = Action::new_local(move |update: &PresenceUpdate| {
        let update = *update;
        async move { api::presence(ticket_id, &update).await }
    });
    // Presence is a courtesy: if a renewal fails, the page simply shows nobody.
    let polled = move || -> Vec<(String, bool)> {
        poll.value().with(|outcome| match outcome {
            Some(Ok(list)) => list.iter().map(|person| (person.name.clone(), person.editing)).collect(),
            _ => Vec::new(),
        })
    };
    let renew = move || {
        if live.connection.get_untracked() == Connection::Live {
            return;
        }
        poll.dispatch(PresenceUpdate { editing: workspace.editing.get_untracked() });
    };
    Effect::new(move |_| {
        workspace.editing.track();
        live.connection.track();
        renew();
    });
    if let Ok(timer) = set_interval_with_handle(renew, Duration::from_secs(RENEW_EVERY_SECONDS)) {
        on_cleanup(move || timer.clear());
    }
    let others = move || -> Vec<(String, bool)> {
        if live.connection.get() != Connection::Live {
            return polled();
        }
        live.presence.with(|heard| match heard {
            Some((id, viewers)) if *id == ticket_id => viewers
                .iter()
                .filter(|viewer| Some(viewer.user_id) != me)
                .map(|viewer| (viewer.name.clone(), viewer.editing))
                .collect(),
            _ => Vec::new(),
        })
    };
    view! {
        <p class="presence" role="status" data-testid="presence">
            {move || {
                let p = i18n.p();
                others()
                    .into_iter()
                    .map(|(name, editing)| {
                        let doing = if editing { p.presence_writing } else { p.presence_viewing };
                        view! { <span class="badge">{name} " " {doing}</span> " " }
                    })
                    .collect_view()
            }}
        </p>
    }
    .into_any()
}
