//! Edgedesk's single-page app, as one library shared by three bundles (`src/bin/`): the
//! customer portal, the agent console and the admin pages. Each bundle links only the
//! pages it routes to, so a customer never downloads the console (see README, "One bundle
//! per audience").

pub mod api;
pub mod breach_texts;
pub mod bundle;
pub mod components;
pub mod console_texts;
pub mod dates;
pub mod focus;
pub mod frame;
pub mod i18n;
pub mod live;
pub mod pages;
pub mod process_texts;
pub mod report_tables;
pub mod report_texts;
pub mod session;
pub mod sla_texts;
pub mod submit;
pub mod theme;
pub mod title;
pub mod workspace;
