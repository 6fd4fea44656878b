mod alerts;
mod invite;
mod list_users;
mod organisations;
mod outbox;
mod rules;
mod sla;
mod tokens;
mod update_user;
mod webhooks;

pub use alerts::{
    list_alert_integrations, list_alerts, save_alert_integration, save_alert_policy, show_alert_policy,
};
pub use invite::invite;
pub use list_users::list_users;
pub use organisations::{create_organisation, list_organisations, update_organisation};
pub use outbox::{list_inbox, list_outbox};
pub use rules::{save_rules, show_rules};
pub use sla::{save_sla, show_sla};
pub use tokens::{create_token, list_tokens, revoke_token};
pub use update_user::update_user;
pub use webhooks::{
    change_webhook, create_webhook, delete_webhook, list_deliveries, list_webhooks, replay_delivery,
};
