mod create;
mod list;
mod show;

pub use create::create;
pub use list::list;
pub use show::show;
