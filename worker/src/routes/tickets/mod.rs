mod create;
mod list;
mod revoke_status_link;
mod show;

pub use create::create;
pub use list::list;
pub use revoke_status_link::revoke_status_link;
pub use show::show;

use edgedesk_domain::ApiError;

/// A ticket id from the path; anything that is not one is simply a ticket that does not exist.
fn parse_id(id: &str) -> Result<i64, ApiError> {
    id.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| ApiError::not_found("Ticket"))
}
