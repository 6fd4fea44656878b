//! Who is signed in, as the SPA knows it: loaded once from `/api/session`, updated on
//! sign-in and sign-out, and cleared when the API says the session has ended.

use edgedesk_domain::auth::Me;
use edgedesk_domain::{ApiError, ErrorCode};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};

use crate::api;
use crate::i18n::use_i18n;

#[derive(Clone, Copy)]
pub struct Session {
    /// `None` until `/api/session` has answered.
    state: RwSignal<Option<Option<Me>>>,
}

impl Session {
    pub fn is_known(&self) -> bool {
        self.state.with(Option::is_some)
    }

    pub fn me(&self) -> Option<Me> {
        self.state.get().flatten()
    }

    pub fn is_staff(&self) -> bool {
        self.state.with(|state| state.as_ref().and_then(Option::as_ref).is_some_and(|me| me.role.is_staff()))
    }

    pub fn signed_in(&self, me: Me) {
        self.state.set(Some(Some(me)));
    }

    pub fn signed_out(&self) {
        self.state.set(Some(None));
    }
}

pub fn provide_session() {
    let session = Session { state: RwSignal::new(None) };
    spawn_local(async move {
        // If the API cannot be reached the app still works for anonymous reporting.
        session.state.set(Some(api::me().await.unwrap_or(None)));
    });
    remember_language(session);
    provide_context(session);
}

/// The account remembers the language its owner last used here, so the desk's mail to
/// them is written in it.
fn remember_language(session: Session) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        let lang = i18n.lang();
        let Some(me) = session.me().filter(|me| me.language != lang) else { return };
        session.signed_in(Me { language: lang, ..me });
        spawn_local(async move {
            // Best effort: the next visit tries again if this one fails.
            let _ = api::set_language(lang).await;
        });
    });
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The sign-in address that brings the person back to where they are now.
pub fn sign_in_path(next: &str) -> String {
    format!("/sign-in?next={}", js_sys::encode_uri_component(next))
}

/// Returns a handler for API errors: an ended session sends the person to sign in and
/// back; every other error is returned for the page to show.
pub fn use_session_expiry() -> impl Fn(ApiError) -> Option<ApiError> + Clone {
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    move |error: ApiError| {
        if error.code != ErrorCode::Unauthenticated {
            return Some(error);
        }
        session.signed_out();
        let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
        navigate(&sign_in_path(&here), Default::default());
        None
    }
}
