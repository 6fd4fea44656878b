//! Admins create customer organisations and choose whether members share tickets.

use edgedesk_domain::admin::{NewOrganisation, OrganisationChange, OrganisationSummary};
use edgedesk_domain::{ApiError, ErrorCode};
use leptos::prelude::*;

use crate::api::{self, Saved};
use crate::components::data_table::DataTable;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;

#[component]
pub fn OrganisationManager(organisations: RwSignal<Vec<OrganisationSummary>>) -> impl IntoView {
    let i18n = use_i18n();
    let invalid = RwSignal::new(None::<ApiError>);
    let name = RwSignal::new(String::new());
    let shares = RwSignal::new(false);
    let replace = move |updated: OrganisationSummary| {
        organisations.update(|list| {
            if let Some(slot) = list.iter_mut().find(|o| o.id == updated.id) {
                *slot = updated;
            }
        })
    };
    let create = Action::new_local(move |organisation: &NewOrganisation| {
        let organisation = organisation.clone();
        async move {
            let created = api::create_organisation(&organisation).await?;
            organisations.update(|list| list.push(created));
            name.set(String::new());
            Ok::<(), ApiError>(())
        }
    });
    let toggle =
        Action::new_local(move |(organisation, members_see_all_tickets): &(OrganisationSummary, bool)| {
            let (id, change) = (
                organisation.id,
                OrganisationChange {
                    version: organisation.version,
                    members_see_all_tickets: *members_see_all_tickets,
                },
            );
            async move {
                match api::update_organisation(id, &change).await? {
                    Saved::Done(saved) => {
                        replace(saved);
                        Ok(())
                    }
                    Saved::Stale(current) => {
                        replace(current);
                        Err(ApiError::new(ErrorCode::VersionConflict, ""))
                    }
                }
            }
        });
    // The problem of the last thing tried: the form's own check, then either save.
    let failure = move || {
        invalid
            .get()
            .or_else(|| create.value().get().and_then(Result::err))
            .or_else(|| toggle.value().get().and_then(Result::err))
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let organisation =
            NewOrganisation { name: name.get_untracked(), members_see_all_tickets: shares.get_untracked() };
        invalid.set(organisation.validate().err());
        if invalid.with_untracked(Option::is_none) {
            create.dispatch(organisation);
        }
    };
    view! {
        <section class="card" aria-labelledby="organisations-heading">
            <h2 id="organisations-heading">{move || i18n.t().organisations_heading}</h2>
            <div role="alert" class="form-alerts">
                {move || failure().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
            </div>
            <DataTable columns=move || vec![i18n.t().col_name, i18n.t().col_members, i18n.t().members_share]>
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
                                    on:change=move |ev| { toggle.dispatch((organisation.clone(), event_target_checked(&ev))); }/>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </DataTable>
            <form class="form" novalidate on:submit=on_submit aria-label=move || i18n.t().create_organisation>
                <TextField name="organisation-name" label=Signal::derive(move || i18n.t().organisation_name) value=name/>
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
