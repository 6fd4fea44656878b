//! `GET /api/health`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// `ok` when every dependency answered, `degraded` otherwise.
    pub status: String,
    pub version: String,
    /// Whether D1 answered a trivial query.
    pub d1: bool,
}

impl Health {
    pub fn new(version: &str, d1: bool) -> Self {
        let status = if d1 { "ok" } else { "degraded" };
        Self { status: status.to_string(), version: version.to_string(), d1 }
    }

    /// 200 when healthy; 503 lets load balancers and uptime checks see a broken database.
    pub fn http_status(&self) -> u16 {
        if self.d1 {
            200
        } else {
            503
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dead_database_is_degraded_and_unavailable() {
        assert_eq!(Health::new("1.0.0", true).http_status(), 200);
        let degraded = Health::new("1.0.0", false);
        assert_eq!(degraded.status, "degraded");
        assert_eq!(degraded.http_status(), 503);
    }
}
