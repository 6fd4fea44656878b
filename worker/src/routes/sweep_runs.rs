use edgedesk_domain::policy;

use super::Ctx;
use crate::http::{self, Reply};
use crate::store;

/// How many recent runs an operator sees: a little over the last quarter hour of ticks.
const RECENT_RUNS: u32 = 20;

/// `GET /api/sweep-runs`: the most recent scheduled sweeps, newest first, failures included.
pub async fn list(ctx: &Ctx<'_>) -> Reply {
    policy::view_operations(ctx.principal())?;
    http::json(200, &store::sweep_runs::recent(ctx.env, RECENT_RUNS).await?)
}
