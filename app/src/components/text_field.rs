use edgedesk_domain::auth::PASSWORD_MAX_CHARS;
use edgedesk_domain::ticket::max_chars;
use edgedesk_domain::FieldError;
use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The translated error for `field` among a form's errors, naming the field's length limit
/// when the problem is length.
pub fn field_error(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    let i18n = use_i18n();
    let limit = if field == "password" { Some(PASSWORD_MAX_CHARS) } else { max_chars(field) };
    Signal::derive(move || {
        errors.with(|errors| errors.iter().find(|e| e.field == field).map(|e| i18n.t().error(e.code, limit)))
    })
}

/// A labelled input or textarea with its error message tied to it for screen readers.
#[component]
pub fn TextField(
    /// The API field name; also the element id (`field-{name}`).
    #[prop(into)]
    name: String,
    #[prop(into)] label: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
    /// A multiline field's height in lines.
    #[prop(default = 6)]
    rows: u8,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        let has_hint = hint.is_some();
        move || {
            let ids: Vec<&str> =
                [has_hint.then_some(hint_id.as_str()), error.get().map(|_| error_id.as_str())]
                    .into_iter()
                    .flatten()
                    .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || if error.get().is_some() { "true" } else { "false" };
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=name.clone()
                rows=rows
                required=required
                aria-invalid=invalid
                aria-describedby=described_by.clone()
                bind:value=value
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name
                type=input_type
                autocomplete=autocomplete
                required=required
                aria-invalid=invalid
                aria-describedby=described_by
                bind:value=value
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id>{hint}</p> })}
            {control}
            <Show when=move || error.get().is_some()>
                <p class="field-error" id=error_id.clone()>{move || error.get()}</p>
            </Show>
        </div>
    }
}
