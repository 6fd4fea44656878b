//! Admins manage accounts (role, tier, organisation, active), organisations, staff
//! invitations and API tokens.

use edgedesk_domain::admin::{OrganisationSummary, UserSummary};
use edgedesk_domain::ApiError;
use leptos::prelude::*;

use crate::api;
use crate::components::account_row::AccountRow;
use crate::components::data_table::DataTable;
use crate::components::guard::RequireAccount;
use crate::components::invite_form::InviteForm;
use crate::components::organisation_manager::OrganisationManager;
use crate::components::token_manager::TokenManager;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t().admin_title.to_string());
    view! {
        <h1>{move || i18n.t().admin_title}</h1>
        <RequireAccount admin_only=true>
            <InviteForm/>
            <AccountList/>
            <TokenManager/>
        </RequireAccount>
    }
}

#[component]
fn AccountList() -> impl IntoView {
    let i18n = use_i18n();
    // Up to 100 accounts for now; paging comes with search when desks grow.
    let accounts = LocalResource::new(|| async { api::list_accounts(None).await.map(|page| page.items) });
    let organisations = RwSignal::new(Vec::<OrganisationSummary>::new());
    let organisations_loaded = LocalResource::new(move || async move {
        let list = api::list_organisations().await?;
        organisations.set(list);
        Ok::<(), ApiError>(())
    });
    let table = move |accounts: Vec<UserSummary>| {
        let choices: Vec<(i64, String)> = organisations
            .get_untracked()
            .into_iter()
            .map(|organisation| (organisation.id, organisation.name))
            .collect();
        view! {
            <DataTable class="account-table" columns=move || {
                let t = i18n.t();
                vec![t.col_name, t.col_email, t.col_organisation, t.col_role, t.col_tier, t.col_privacy_lead, t.col_active, t.col_actions]
            }>
                {accounts
                    .into_iter()
                    .map(|account| view! { <AccountRow account=account organisations=choices.clone()/> })
                    .collect_view()}
            </DataTable>
        }
    };
    view! {
        <h2>{move || i18n.t().accounts_heading}</h2>
        {move || match (accounts.get(), organisations_loaded.get()) {
            (None, _) | (_, None) => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
            (Some(Err(error)), _) | (_, Some(Err(error))) => view! {
                <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p>
            }.into_any(),
            (Some(Ok(list)), Some(Ok(()))) => table(list).into_any(),
        }}
        <OrganisationManager organisations=organisations/>
    }
}
