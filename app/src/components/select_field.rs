use edgedesk_domain::category::Category;
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

/// Categories as select options, subcategories indented, after a first "none" choice.
pub fn category_choices(categories: Vec<Category>, none: &str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), none.to_string())];
    for category in categories {
        let indent = if category.parent_id.is_some() { "– " } else { "" };
        options.push((category.id.to_string(), format!("{indent}{}", category.name)));
    }
    options
}
