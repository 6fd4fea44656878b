use leptos::prelude::*;

use crate::components::timeline::described;
use crate::i18n::use_i18n;
use crate::workspace::{use_workspace, Outcome};

/// What happened to the last step: saved, refused and why, or overtaken by someone else,
/// with what they changed meanwhile.
#[component]
pub fn OutcomeBanner() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    move || {
        workspace.outcome.get().map(|outcome| match outcome {
            Outcome::Saved => {
                view! { <p role="status" class="alert alert-success">{i18n.p().saved}</p> }.into_any()
            }
            Outcome::Conflict(meanwhile) => {
                let staff = workspace.staff();
                let changes = meanwhile
                    .into_iter()
                    .map(|entry| {
                        let what = entry
                            .details
                            .changes
                            .iter()
                            .map(|change| described(i18n, change, staff))
                            .collect::<Vec<_>>()
                            .join("; ");
                        view! {
                            <li>
                                <strong>{i18n.p().event(entry.kind)}</strong> " · " {entry.actor}
                                {(!what.is_empty()).then(|| view! { " · " {what} })}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div role="alert" class="alert alert-warning conflict">
                        <p>{i18n.p().conflict}</p>
                        <ul class="conflict-changes">{changes}</ul>
                    </div>
                }
                .into_any()
            }
            Outcome::Failed(error) => {
                view! { <p role="alert" class="alert alert-error">{i18n.process_error(&error)}</p> }
                    .into_any()
            }
        })
    }
}
