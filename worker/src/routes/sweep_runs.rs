use worker::Env;

use crate::http::{self, Reply};
use crate::store;

/// How many recent runs an operator sees: a little over the last quarter hour of ticks.
const RECENT_RUNS: u32 = 20;

/// `GET /api/sweep-runs`: the most recent scheduled sweeps, newest first, failures included.
pub async fn list(env: &Env) -> Reply {
    let runs = store::sweep_runs::recent(env, RECENT_RUNS).await?;
    http::json(200, &runs)
}
