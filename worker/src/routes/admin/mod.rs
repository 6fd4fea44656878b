mod invite;
mod list_users;
mod tokens;
mod update_user;

pub use invite::invite;
pub use list_users::list_users;
pub use tokens::{create_token, list_tokens, revoke_token};
pub use update_user::update_user;
