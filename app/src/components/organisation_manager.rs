//! Admins create customer organisations and choose whether members share tickets.

use edgedesk_domain::admin::{NewOrganisation, OrganisationChange, OrganisationSummary};
use edgedesk_domain::{ApiError, ErrorCode};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Saved};
use crate::i18n::use_i18n;

#[component]
pub fn OrganisationManager(organisations: RwSignal<Vec<OrganisationSummary>>) -> impl IntoView {
    let i18n = use_i18n();
    let failure = RwSignal::new(None::<ApiError>);
    let name = RwSignal::new(String::new());
    let shares = RwSignal::new(false);
    let replace = move |updated: OrganisationSummary| {
        organisations.update(|list| {
            if let Some(slot) = list.iter_mut().find(|o| o.id == updated.id) {
                *slot = updated;
            }
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let organisation =
            NewOrganisation { name: name.get_untracked(), members_see_all_tickets: shares.get_untracked() };
        if let Err(error) = organisation.validate() {
            failure.set(Some(error));
            return;
        }
        spawn_local(async move {
            match api::create_organisation(&organisation).await {
                Ok(created) => {
                    organisations.update(|list| list.push(created));
                    name.set(String::new());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let toggle = move |organisation: OrganisationSummary, members_see_all_tickets: bool| {
        failure.set(None);
        let change = OrganisationChange { version: organisation.version, members_see_all_tickets };
        spawn_local(async move {
            match api::update_organisation(organisation.id, &change).await {
                Ok(Saved::Done(saved)) => replace(saved),
                Ok(Saved::Stale(current)) => {
                    replace(current);
                    failure.set(Some(ApiError::new(ErrorCode::VersionConflict, "")));
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="organisations-heading">
            <h2 id="organisations-heading">{move || i18n.t().organisations_heading}</h2>
            <div role="alert" class="form-alerts">
                {move || failure.get().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
            </div>
            <div class="table-wrap">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t().col_name}</th>
                            <th scope="col">{move || i18n.t().col_members}</th>
                            <th scope="col">{move || i18n.t().members_share}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || organisations.get().into_iter().map(|organisation| {
                            let t = i18n.t();
                            let label = format!("{}: {}", t.members_share, organisation.name);
                            let checked = organisation.members_see_all_tickets;
                            view! {
                                <tr>
                                    <td data-label=t.col_name>{organisation.name.clone()}</td>
                                    <td data-label=t.col_members>{organisation.members}</td>
                                    <td data-label=t.members_share>
                                        <input type="checkbox" aria-label=label prop:checked=checked
                                            on:change=move |ev| toggle(organisation.clone(), event_target_checked(&ev))/>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <form class="form" novalidate on:submit=on_submit aria-label=move || i18n.t().create_organisation>
                <div class="field">
                    <label for="organisation-name">{move || i18n.t().organisation_name}</label>
                    <input id="organisation-name" name="organisation-name" bind:value=name/>
                </div>
                <label class="checkbox">
                    <input type="checkbox" bind:checked=shares/>
                    {move || i18n.t().members_share}
                </label>
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{move || i18n.t().create_organisation}</button>
                </div>
            </form>
        </section>
    }
}
