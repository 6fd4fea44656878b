//! Service levels in the SPA: the console's badge, the agent's SLA panel, the customer's
//! promise, and the admin editors for policies and calendars.

pub mod badge;
pub mod calendar_editor;
pub mod panel;
pub mod policy_table;
pub mod promise;
pub mod sweep_runs;
