use leptos::prelude::*;

/// A labelled `<select>` bound to a signal; options are `(value, caption)`.
#[component]
pub fn SelectField(
    /// The element id (`field-{name}`) and form name.
    name: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=move |ev| value.set(event_target_value(&ev))>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(option, caption)| {
                            let selected = value.get() == option;
                            view! { <option value=option selected=selected>{caption}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
