mod act;
mod bulk;
mod calendar;
mod create;
mod list;
mod presence;
mod revoke_status_link;
mod show;

pub use act::{act, perform};
pub use bulk::bulk;
pub use calendar::{calendar_file, invitation};
pub use create::create;
pub use list::{list, queues};
pub use presence::presence;
pub use revoke_status_link::revoke_status_link;
pub use show::show;
