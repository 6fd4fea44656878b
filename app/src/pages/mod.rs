pub mod console;
pub mod my_tickets;
pub mod not_found;
pub mod report;
pub mod sign_in;
pub mod sign_up;
pub mod status;
pub mod ticket;
