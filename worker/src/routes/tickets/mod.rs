mod act;
mod bulk;
mod calendar;
mod create;
mod list;
mod presence;
mod revoke_status_link;
mod show;

pub use act::{act, perform, start_in, Start};
pub use bulk::bulk;
pub use calendar::{calendar_file, invitation};
pub use create::{create, store_report, Report};
pub use list::{list, queues};
pub use presence::presence;
pub use revoke_status_link::revoke_status_link;
pub use show::{page_after_step_in, page_in, show};
