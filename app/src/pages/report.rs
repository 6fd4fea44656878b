//! "Report a problem": the customer's form. Checked with the same rules the API applies
//! before anything is sent; whatever fails, the text typed stays in the form.

use std::collections::BTreeMap;

use edgedesk_domain::category::Answer;
use edgedesk_domain::priority::{PeopleAffected, WorkImpact};
use edgedesk_domain::ticket::{NewTicket, TicketKind};
use edgedesk_domain::{ApiError, FieldError};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::diagnosis_fields::DiagnosisFields;
use crate::components::suggestion_list::SuggestionList;
use crate::components::text_field::{field_error, TextField};
use crate::i18n::{use_i18n, Lang};
use crate::session::use_session;
use crate::submit::settled;
use crate::title::use_page_title;

#[derive(Clone, Copy)]
struct ReportForm {
    name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    symptoms: RwSignal<String>,
    kind: RwSignal<String>,
    category: RwSignal<String>,
    answers: RwSignal<BTreeMap<String, String>>,
    people: RwSignal<Option<PeopleAffected>>,
    work: RwSignal<Option<WorkImpact>>,
}

impl ReportForm {
    fn new() -> Self {
        Self {
            name: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            title: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            symptoms: RwSignal::new(String::new()),
            kind: RwSignal::new("incident".to_string()),
            category: RwSignal::new(String::new()),
            answers: RwSignal::new(BTreeMap::new()),
            people: RwSignal::new(None),
            work: RwSignal::new(None),
        }
    }

    /// The report as sent, in the language of the form (the reporter's mail follows it).
    fn report(&self, language: Lang) -> NewTicket {
        NewTicket {
            name: self.name.get_untracked(),
            email: self.email.get_untracked(),
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            phone: Some(self.phone.get_untracked()),
            symptoms: Some(self.symptoms.get_untracked()),
            kind: TicketKind::parse(&self.kind.get_untracked()),
            category_id: self.category.get_untracked().parse().ok(),
            answers: self
                .answers
                .get_untracked()
                .into_iter()
                .map(|(question, answer)| Answer { question, answer })
                .collect(),
            people_affected: self.people.get_untracked(),
            work_impact: self.work.get_untracked(),
            language: Some(language),
            ..NewTicket::default()
        }
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = ReportForm::new();
    let field_errors = RwSignal::new(Vec::<FieldError>::new());
    let navigate = use_navigate();
    use_page_title(move || i18n.t().report_title.to_string());
    // Signed-in people need not type who they are; they can still change it.
    let session = use_session();
    Effect::new(move |_| {
        if let Some(me) = session.me() {
            if form.name.get_untracked().is_empty() && form.email.get_untracked().is_empty() {
                form.name.set(me.name);
                form.email.set(me.email);
            }
        }
    });

    let error_for = move |field| field_error(field_errors, field);
    let show_errors = move |errors: Vec<FieldError>| {
        if let Some(first) = errors.first() {
            focus(&format!("field-{}", first.field));
        }
        field_errors.set(errors);
    };

    // Field problems the server finds go beside their fields; anything else above the form.
    // A sent report stays "submitting" until its status page replaces this one.
    let send = Action::new_local(move |report: &NewTicket| {
        let report = report.clone();
        let navigate = navigate.clone();
        async move {
            match api::create_ticket(&report).await {
                Ok(created) => {
                    navigate(&format!("/status/{}?new=1", created.status_token), Default::default());
                    Ok(())
                }
                Err(error) if !error.field_errors().is_empty() => {
                    show_errors(error.field_errors());
                    Ok(())
                }
                Err(error) => Err(error),
            }
        }
    });
    let failure = move || settled(send).and_then(Result::<(), ApiError>::err);
    let submitting = move || send.pending().get();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if send.pending().get_untracked() {
            return;
        }
        let report = form.report(i18n.lang());
        match report.validate() {
            Ok(_) => {
                field_errors.set(Vec::new());
                send.dispatch(report);
            }
            Err(error) => show_errors(error.field_errors()),
        }
    };

    view! {
        <h1>{move || i18n.t().report_title}</h1>
        <p class="lead">{move || i18n.t().report_intro}</p>
        <form class="card form" novalidate on:submit=on_submit>
            <div role="alert" class="form-alerts">
                <Show when=move || !field_errors.with(Vec::is_empty)>
                    <p class="alert alert-error">{move || i18n.t().form_has_errors}</p>
                </Show>
                {move || {
                    failure().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })
                }}
            </div>
            <div class="form-row">
                <TextField name="name" label=Signal::derive(move || i18n.t().field_name) value=form.name
                    error=error_for("name") autocomplete="name" required=true/>
                <TextField name="email" label=Signal::derive(move || i18n.t().field_email) value=form.email
                    error=error_for("email") input_type="email" autocomplete="email" required=true/>
            </div>
            <TextField name="phone" label=Signal::derive(move || i18n.t().field_phone) value=form.phone
                error=error_for("phone") input_type="tel" autocomplete="tel"/>
            <TextField name="title" label=Signal::derive(move || i18n.t().field_title) value=form.title
                error=error_for("title") required=true/>
            <TextField name="description" label=Signal::derive(move || i18n.t().field_description)
                value=form.description error=error_for("description") required=true multiline=true
                hint=Signal::derive(move || i18n.t().field_description_hint)/>
            <TextField name="symptoms" label=Signal::derive(move || i18n.t().field_symptoms) value=form.symptoms
                error=error_for("symptoms") multiline=true/>
            <SuggestionList text=form.title for_customer=true/>
            <DiagnosisFields kind=form.kind category=form.category answers=form.answers people=form.people
                work=form.work/>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=submitting>
                    {move || if submitting() { i18n.t().submitting } else { i18n.t().submit_report }}
                </button>
            </div>
        </form>
    }
}

fn focus(element_id: &str) {
    let element = document().get_element_by_id(element_id);
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
