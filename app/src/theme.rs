//! Light, dark, or whatever the system prefers; remembered in localStorage and applied as
//! `data-theme` on `<html>` (the CSS falls back to `prefers-color-scheme` without it).

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const STORAGE_KEY: &str = "edgedesk.theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.code() == code)
    }
}

pub fn provide_theme() {
    let remembered = LocalStorage::get::<String>(STORAGE_KEY).ok().and_then(|code| Theme::from_code(&code));
    let theme = RwSignal::new(remembered.unwrap_or(Theme::System));
    Effect::new(move |_| {
        let theme = theme.get();
        let _ = LocalStorage::set(STORAGE_KEY, theme.code());
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Theme::System => root.remove_attribute("data-theme"),
                chosen => root.set_attribute("data-theme", chosen.code()),
            };
        }
    });
    provide_context(theme);
}

pub fn use_theme() -> RwSignal<Theme> {
    expect_context::<RwSignal<Theme>>()
}
