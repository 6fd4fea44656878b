//! How the desk works, set by admins: the priority matrix and the reopen window,
//! categories with their questions, and canned replies.

use leptos::prelude::*;

use crate::components::canned_editor::CannedEditor;
use crate::components::category_manager::CategoryManager;
use crate::components::guard::RequireAccount;
use crate::components::rules_editor::RulesEditor;
use crate::i18n::use_i18n;
use crate::title::use_page_title;

#[component]
pub fn ProcessSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.p().settings_title.to_string());
    view! {
        <h1>{move || i18n.p().settings_title}</h1>
        <RequireAccount admin_only=true>
            <RulesEditor/>
            <CategoryManager/>
            <CannedEditor/>
        </RequireAccount>
    }
}
