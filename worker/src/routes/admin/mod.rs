mod invite;
mod list_users;
mod organisations;
mod tokens;
mod update_user;

pub use invite::invite;
pub use list_users::list_users;
pub use organisations::{create_organisation, list_organisations, update_organisation};
pub use tokens::{create_token, list_tokens, revoke_token};
pub use update_user::update_user;
