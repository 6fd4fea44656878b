//! Forms send through Leptos `Action`s: the action knows whether a send is under way and
//! what the last one came to, so no form keeps its own busy and failure signals.

use leptos::prelude::*;

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
