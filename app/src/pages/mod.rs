pub mod console;
pub mod not_found;
pub mod report;
pub mod ticket;
