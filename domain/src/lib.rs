//! Edgedesk's pure core.
//!
//! Everything here is deterministic: no I/O, no clock, no randomness. Callers pass `now`
//! in. The Worker and the SPA both depend on this crate, so a rule (a validation limit, an
//! error code, a ticket number format) is written once and enforced the same way on both
//! sides of the wire.

pub mod admin;
pub mod age;
pub mod alert;
pub mod auth;
pub mod base64;
pub mod body;
pub mod breach;
pub mod call;
pub mod canned;
pub mod category;
pub mod csv;
pub mod error;
pub mod health;
pub mod hex;
pub mod id;
pub mod inbound;
pub mod knowledge;
pub mod lifecycle;
pub mod limits;
pub mod live;
pub mod message;
pub mod outbox;
pub mod paging;
pub mod policy;
pub mod presence;
pub mod priority;
pub mod queue;
pub mod report;
pub mod reset;
pub mod signup;
pub mod sla;
pub mod subscription;
pub mod sweep;
#[cfg(test)]
mod testing;
pub mod ticket;
pub mod validation;
pub mod webhook;
pub mod workflow;

pub use error::{ApiError, Conflict, ErrorCode, FieldError};
