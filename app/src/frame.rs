//! What every bundle draws around its pages: the app's state (language, theme, session,
//! live connection), the header, the main landmark and the footer.

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::bundle::{Bundle, FollowAudience};
use crate::components::{footer::Footer, header::Header, live_status::LiveStatus};
use crate::focus::FocusOnNavigate;
use crate::i18n::provide_i18n;
use crate::live::provide_live;
use crate::session::provide_session;
use crate::theme::provide_theme;

/// Starts a bundle: panics are reported in the console and `app` is mounted on the body.
pub fn start<V: IntoView + 'static>(app: fn() -> V) {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app);
}

/// `children` are the bundle's `<Routes>`; `staff_tools` (the command palette) are only
/// linked into the bundles that pass them.
#[component]
pub fn Frame(
    bundle: Bundle,
    #[prop(optional)] staff_tools: Option<fn() -> AnyView>,
    children: Children,
) -> impl IntoView {
    provide_context(bundle);
    provide_i18n();
    provide_theme();
    provide_session();
    provide_live();
    view! {
        <Router>
            <FollowAudience/>
            <FocusOnNavigate/>
            {staff_tools.map(|tools| tools())}
            <Header/>
            <main id="main" class="page" tabindex="-1">
                <LiveStatus/>
                {children()}
            </main>
            <Footer/>
        </Router>
    }
}
