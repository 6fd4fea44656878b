-- Abuse-limit counters: one row per (limit, window, subject). D1 rather than KV because a
-- counter needs an atomic increment; KV's cached reads would let a fast attacker's count
-- stall below the limit. The cron sweep deletes expired rows.
CREATE TABLE attempt_counters (
    key        TEXT    PRIMARY KEY,
    count      INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX attempt_counters_by_expiry ON attempt_counters (expires_at);
