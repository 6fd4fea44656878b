//! Edgedesk's single-page app: the customer portal and the agent console.

mod api;
mod app;
mod components;
mod console_texts;
mod dates;
mod focus;
mod i18n;
mod live;
mod pages;
mod process_texts;
mod session;
mod sla_texts;
mod submit;
mod theme;
mod title;
mod workspace;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
