//! The parts of a data-breach case's page, and the form that opens a case.

pub mod assessment;
pub mod clock_badge;
pub mod decisions;
pub mod new_case;
pub mod notice;
pub mod notifications;
pub mod queue_link;
pub mod ticket_panel;

use edgedesk_domain::breach::{BreachAction, BreachCase, BreachCommand};
use leptos::prelude::*;

use crate::api::{self, Saved};
use crate::i18n::use_i18n;

/// Sends `command` based on the case on screen; the page then shows what is stored (the
/// saved case, or the newer one after a conflict) and `message` says which.
pub fn send(
    case: RwSignal<Option<BreachCase>>,
    message: RwSignal<Option<(bool, String)>>,
) -> Action<BreachCommand, ()> {
    let i18n = use_i18n();
    Action::new_local(move |command: &BreachCommand| {
        let command = command.clone();
        async move {
            let Some((id, version)) = case.with_untracked(|case| case.as_ref().map(|c| (c.id, c.version)))
            else {
                return;
            };
            let outcome = api::breach_act(id, &BreachAction { version, command }).await;
            message.set(Some(match outcome {
                Ok(Saved::Done(saved)) => {
                    case.set(Some(saved));
                    (true, i18n.p().saved.to_string())
                }
                Ok(Saved::Stale(current)) => {
                    case.set(Some(current));
                    (false, i18n.p().conflict.to_string())
                }
                Err(error) => (false, i18n.b().error(&i18n, &error)),
            }));
        }
    })
}
