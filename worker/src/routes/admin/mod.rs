mod invite;
mod list_users;
mod update_user;

pub use invite::invite;
pub use list_users::list_users;
pub use update_user::update_user;
