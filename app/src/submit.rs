//! Forms send through Leptos `Action`s: the action knows whether a send is under way and
//! what the last one came to, so no form keeps its own busy and failure signals.

use edgedesk_domain::ApiError;
use leptos::prelude::*;

use crate::api::Saved;

/// What the last send came to, or nothing while a new one is under way, so an old success
/// or failure never stands beside a new attempt.
pub fn settled<I, T, E>(action: Action<I, Result<T, E>>) -> Option<Result<T, E>>
where
    I: Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
    E: Clone + Send + Sync + 'static,
{
    if action.pending().get() {
        None
    } else {
        action.value().get()
    }
}

/// What a versioned save says in its form. Either way the form then shows what is stored
/// (`show`): the saved value, or the newer one someone else saved first (a conflict).
pub fn versioned_message<T>(
    outcome: Result<Saved<T>, ApiError>,
    show: impl Fn(T),
    (saved, conflict): (&str, &str),
    explain: impl Fn(&ApiError) -> String,
) -> (bool, String) {
    match outcome {
        Ok(Saved::Done(value)) => {
            show(value);
            (true, saved.to_string())
        }
        Ok(Saved::Stale(value)) => {
            show(value);
            (false, conflict.to_string())
        }
        Err(error) => (false, explain(&error)),
    }
}
