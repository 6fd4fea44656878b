//! Opens a data-breach case: what happened, since when the desk knows (the clock starts
//! there), who reported it and how, with the incidents it comes from.

use edgedesk_domain::breach::{NewBreachCase, ReportedVia};
use edgedesk_domain::ApiError;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api;
use crate::components::text_field::TextField;
use crate::dates::{from_input, now, to_input};
use crate::i18n::use_i18n;
use crate::session::use_session;

const VIA: [ReportedVia; 6] = [
    ReportedVia::Incident,
    ReportedVia::Staff,
    ReportedVia::Customer,
    ReportedVia::Processor,
    ReportedVia::Monitoring,
    ReportedVia::Other,
];

#[component]
pub fn NewCaseForm(incident_ids: Vec<i64>, #[prop(optional, into)] title: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let from_incident = !incident_ids.is_empty();
    let title = RwSignal::new(title);
    let aware_at = RwSignal::new(to_input(now()));
    let reported_by = RwSignal::new(session.me().map(|me| me.name).unwrap_or_default());
    let via = RwSignal::new(if from_incident { ReportedVia::Incident } else { ReportedVia::Staff });
    let failure = RwSignal::new(None::<ApiError>);
    let open = Action::new_local(move |case: &NewBreachCase| {
        let case = case.clone();
        let navigate = navigate.clone();
        async move {
            match api::open_breach(&case).await {
                Ok(opened) => navigate(&format!("/breaches/{}", opened.id), Default::default()),
                Err(error) => failure.set(Some(error)),
            }
        }
    });
    let field_error = move |field: &'static str| {
        Signal::derive(move || {
            failure.with(|failure| {
                let failure = failure.as_ref()?;
                let wrong = failure.errors.iter().any(|e| e.field == field)
                    || failure.field.as_deref() == Some(field);
                wrong.then(|| i18n.b().error(&i18n, failure))
            })
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(aware) = from_input(&aware_at.get_untracked()) else {
            failure.set(Some(ApiError::new(edgedesk_domain::ErrorCode::Required, "").with_field("aware_at")));
            return;
        };
        failure.set(None);
        open.dispatch(NewBreachCase {
            title: title.get_untracked(),
            aware_at: aware,
            reported_by: reported_by.get_untracked(),
            reported_via: via.get_untracked(),
            incident_ids: incident_ids.clone(),
        });
    };
    let aware_error = field_error("aware_at");
    view! {
        <form class="form breach-new" on:submit=submit aria-label=move || i18n.b().open_case novalidate>
            <TextField name="breach-title" label=Signal::derive(move || i18n.b().field_title) value=title
                required=true error=field_error("title")/>
            <div class="field-row">
                <div class="field">
                    <label for="field-aware-at">{move || i18n.b().field_aware_at}</label>
                    <input id="field-aware-at" type="datetime-local" required bind:value=aware_at
                        aria-describedby="field-aware-at-hint field-aware-at-error"/>
                    <p id="field-aware-at-hint" class="field-hint">{move || i18n.b().aware_at_hint}</p>
                    <p id="field-aware-at-error" class="field-error">{move || aware_error.get()}</p>
                </div>
                <div class="field">
                    <label for="field-reported-via">{move || i18n.b().field_reported_via}</label>
                    <select id="field-reported-via" on:change=move |ev| {
                        let chosen = event_target_value(&ev).parse::<usize>().ok();
                        if let Some(choice) = chosen.and_then(|index| VIA.get(index)) { via.set(*choice) }
                    }>
                        {VIA.into_iter().enumerate().map(|(index, choice)| view! {
                            <option value=index.to_string() selected=move || via.get() == choice>{move || i18n.b().via(choice)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <TextField name="reported-by" label=Signal::derive(move || i18n.b().field_reported_by) value=reported_by
                required=true error=field_error("reported_by")/>
            {move || failure.get().filter(|f| f.field.is_none() && f.errors.is_empty()).map(|f| view! {
                <p role="alert" class="alert alert-error">{i18n.b().error(&i18n, &f)}</p>
            })}
            <button type="submit" class="button button-danger" disabled=move || open.pending().get()>
                {move || i18n.b().open_case}
            </button>
        </form>
    }
}
