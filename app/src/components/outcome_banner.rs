use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::workspace::{use_workspace, Outcome};

/// What happened to the last step: saved, overtaken by someone else, or refused and why.
#[component]
pub fn OutcomeBanner() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        workspace.outcome.get().map(|outcome| match outcome {
            Outcome::Saved => {
                view! { <p role="status" class="alert alert-success">{i18n.p().saved}</p> }.into_any()
            }
            Outcome::Conflict => {
                view! { <p role="alert" class="alert alert-warning">{i18n.p().conflict}</p> }.into_any()
            }
            Outcome::Failed(error) => {
                view! { <p role="alert" class="alert alert-error">{i18n.process_error(&error)}</p> }
                    .into_any()
            }
        })
    }
}
