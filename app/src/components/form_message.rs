use leptos::prelude::*;

/// The outcome of a settings form: `(true, text)` is a success (a status message),
/// `(false, text)` a problem (an alert).
#[component]
pub fn FormMessage(message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    move || {
        message.get().map(|(ok, text)| {
            if ok {
                view! { <p role="status" class="alert alert-success">{text}</p> }.into_any()
            } else {
                view! { <p role="alert" class="alert alert-error">{text}</p> }.into_any()
            }
        })
    }
}
