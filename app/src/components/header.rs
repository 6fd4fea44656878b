use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::account_menu::AccountMenu;
use crate::components::preference_select::PreferenceSelect;
use edgedesk_domain::auth::Role;

use crate::focus::skip_to_main;
use crate::i18n::{native_name, use_i18n, Lang};
use crate::session::use_session;
use crate::theme::{use_theme, Theme};

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    let session = use_session();
    // On a phone the navigation folds into a menu, which closes again on every page change.
    let menu_open = RwSignal::new(false);
    let location = use_location();
    Effect::watch(move || location.pathname.get(), move |_, _, _| menu_open.set(false), false);
    // Each language is named in itself, so people find theirs whatever is selected.
    let languages = Lang::ALL.iter().map(|lang| (lang.code(), Signal::stored(native_name(*lang)))).collect();
    let themes = Theme::ALL
        .iter()
        .map(|&choice| {
            let caption = Signal::derive(move || {
                let t = i18n.t();
                match choice {
                    Theme::System => t.theme_system,
                    Theme::Light => t.theme_light,
                    Theme::Dark => t.theme_dark,
                }
            });
            (choice.code(), caption)
        })
        .collect();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || i18n.t().skip_to_content}</a>
        <header class="app-header" class:menu-open=move || menu_open.get()>
            <A href="/" attr:class="brand">
                <img src="/favicon.svg" alt="" width="28" height="28"/>
                <span>"Edgedesk"</span>
            </A>
            <button type="button" class="button button-small menu-button" aria-controls="app-nav"
                aria-expanded=move || menu_open.get().to_string() on:click=move |_| menu_open.update(|open| *open = !*open)>
                {move || i18n.t().menu}
            </button>
            <nav id="app-nav" aria-label=move || i18n.t().nav_label class="app-nav">
                <A href="/" exact=true>{move || i18n.t().nav_report}</A>
                <A href="/kb">{move || i18n.p().kb_title}</A>
                <Show when=move || session.me().is_some() && !session.is_staff()>
                    <A href="/my-tickets">{move || i18n.t().nav_my_tickets}</A>
                </Show>
                <Show when=move || session.is_staff()>
                    <A href="/console">{move || i18n.t().nav_console}</A>
                </Show>
                <Show when=move || session.me().is_some_and(|me| me.role == Role::Admin)>
                    <A href="/admin">{move || i18n.t().nav_admin}</A>
                </Show>
            </nav>
            <AccountMenu/>
            <div class="app-settings">
                <PreferenceSelect
                    name="language"
                    label=Signal::derive(move || i18n.t().language_label)
                    options=languages
                    selected=Signal::derive(move || i18n.lang().code())
                    on_choose=move |code| {
                        if let Some(lang) = Lang::parse(&code) {
                            i18n.set(lang);
                        }
                    }
                />
                <PreferenceSelect
                    name="theme"
                    label=Signal::derive(move || i18n.t().theme_label)
                    options=themes
                    selected=Signal::derive(move || theme.get().code())
                    on_choose=move |code| {
                        if let Some(choice) = Theme::from_code(&code) {
                            theme.set(choice);
                        }
                    }
                />
            </div>
        </header>
    }
}
