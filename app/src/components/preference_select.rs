use leptos::prelude::*;

/// A compact labelled `<select>` for a setting with a few fixed choices (language, theme).
/// Options are `(code, caption)`; `on_choose` receives the chosen code.
#[component]
pub fn PreferenceSelect(
    name: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    options: Vec<(&'static str, Signal<&'static str>)>,
    #[prop(into)] selected: Signal<&'static str>,
    on_choose: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label class="compact-field">
            <span>{label}</span>
            <select name=name on:change=move |ev| on_choose(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(code, caption)| {
                        view! { <option value=code selected=move || selected.get() == code>{caption}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
