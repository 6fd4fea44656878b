//! A customer chooses the services whose disruptions they want to hear of by mail (the
//! services the desk names), so monitoring can tell them before they run into one.

use edgedesk_domain::subscription::{ServiceChoice, ServiceSubscriptions};
use leptos::prelude::*;

use crate::api;
use crate::i18n::use_i18n;
use crate::submit::settled;

#[component]
pub fn ServiceUpdates() -> impl IntoView {
    let i18n = use_i18n();
    let chosen = RwSignal::new(Vec::<String>::new());
    let loaded = LocalResource::new(api::my_services);
    Effect::new(move || {
        if let Some(Ok(choices)) = loaded.get() {
            chosen.set(subscribed(&choices));
        }
    });
    let save = Action::new_local(|asked: &ServiceSubscriptions| {
        let asked = asked.clone();
        async move { api::save_my_services(&asked).await }
    });
    let services = move || loaded.get().and_then(Result::ok).unwrap_or_default();
    let failure = move || settled(save).and_then(Result::err).or_else(|| loaded.get().and_then(Result::err));
    let saved = move || settled(save).is_some_and(|outcome| outcome.is_ok());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(ServiceSubscriptions { subscribed: chosen.get_untracked() });
    };
    view! {
        <Show when=move || !services().is_empty()>
            <section class="card" aria-labelledby="service-updates-heading">
                <h2 id="service-updates-heading" class="section-title">{move || i18n.t().service_updates_heading}</h2>
                <p class="muted">{move || i18n.t().service_updates_intro}</p>
                <form class="form" novalidate on:submit=on_submit>
                    <div role="alert" class="form-alerts">
                        {move || failure().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
                    </div>
                    <fieldset class="field">
                        <legend class="visually-hidden">{move || i18n.t().service_updates_heading}</legend>
                        <div class="checkbox-grid">
                            {move || services().into_iter().map(|choice| {
                                let service = choice.service.clone();
                                let checked = service.clone();
                                view! {
                                    <label class="checkbox">
                                        <input type="checkbox"
                                            prop:checked=move || chosen.with(|chosen| chosen.contains(&checked))
                                            on:change=move |ev| {
                                                let service = service.clone();
                                                chosen.update(|chosen| {
                                                    chosen.retain(|known| *known != service);
                                                    if event_target_checked(&ev) { chosen.push(service) }
                                                });
                                            }/>
                                        {choice.service}
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <div class="form-actions">
                        <button type="submit" class="button" disabled=move || save.pending().get()>
                            {move || i18n.t().save}
                        </button>
                        <span role="status" class="muted">{move || saved().then(|| i18n.t().saved)}</span>
                    </div>
                </form>
            </section>
        </Show>
    }
}

fn subscribed(choices: &[ServiceChoice]) -> Vec<String> {
    choices.iter().filter(|choice| choice.subscribed).map(|choice| choice.service.clone()).collect()
}
