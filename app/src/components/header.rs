use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{use_i18n, Lang};
use crate::theme::{use_theme, Theme};

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let theme = use_theme();
    let theme_name = move |choice: Theme| {
        let t = i18n.t();
        match choice {
            Theme::System => t.theme_system,
            Theme::Light => t.theme_light,
            Theme::Dark => t.theme_dark,
        }
    };
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        <header class="app-header">
            <A href="/" attr:class="brand">
                <img src="/favicon.svg" alt="" width="28" height="28"/>
                <span>"Edgedesk"</span>
            </A>
            <nav aria-label=move || i18n.t().nav_label class="app-nav">
                <A href="/" exact=true>{move || i18n.t().nav_report}</A>
                <A href="/console">{move || i18n.t().nav_console}</A>
            </nav>
            <div class="app-settings">
                <label class="compact-field">
                    <span>{move || i18n.t().language_label}</span>
                    <select
                        name="language"
                        on:change=move |ev| {
                            if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                                i18n.set(lang);
                            }
                        }
                    >
                        {Lang::ALL
                            .into_iter()
                            .map(|lang| {
                                view! {
                                    <option value=lang.code() selected=move || i18n.lang() == lang>
                                        {lang.native_name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="compact-field">
                    <span>{move || i18n.t().theme_label}</span>
                    <select
                        name="theme"
                        on:change=move |ev| {
                            if let Some(choice) = Theme::from_code(&event_target_value(&ev)) {
                                theme.set(choice);
                            }
                        }
                    >
                        {Theme::ALL
                            .into_iter()
                            .map(|choice| {
                                view! {
                                    <option value=choice.code() selected=move || theme.get() == choice>
                                        {move || theme_name(choice)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
        </header>
    }
}
