use edgedesk_domain::auth::Role;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::bundle::use_bundle;
use crate::i18n::use_i18n;
use crate::session::{sign_in_path, use_session};

/// Shows its children only to a signed-in account (staff only with `staff_only`, admins
/// only with `admin_only`). Signed-out visitors are sent to sign in and brought back;
/// anyone else is sent home (the console for staff, their own tickets for customers).
/// The API enforces the same rules; this only spares people a dead end.
#[component]
pub fn RequireAccount(
    #[prop(optional)] staff_only: bool,
    #[prop(optional)] admin_only: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    let allowed = move || {
        session
            .me()
            .is_some_and(|me| (!staff_only || me.role.is_staff()) && (!admin_only || me.role == Role::Admin))
    };
    let bundle = use_bundle();
    Effect::new(move |_| {
        // An account this bundle is not for is on its way to the right one (FollowAudience).
        if !session.is_known() || allowed() || !bundle.serves(&location.pathname.get_untracked()) {
            return;
        }
        if session.me().is_none() {
            let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
            navigate(&sign_in_path(&here), Default::default());
        } else {
            let home = if session.is_staff() { "/console" } else { "/my-tickets" };
            navigate(home, Default::default());
        }
    });
    move || {
        if allowed() {
            children().into_any()
        } else {
            view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any()
        }
    }
}
