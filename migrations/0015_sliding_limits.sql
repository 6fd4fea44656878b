-- Abuse limits count in a sliding window: one row per attempt, so "the last hour" is
-- exactly that, not a clock-aligned slot a burst could straddle. An attempt is taken by one
-- INSERT … WHERE (count in window) < max, so parallel attempts cannot pass together.
DROP TABLE attempt_counters;
CREATE TABLE limit_attempts (
    id         INTEGER PRIMARY KEY,
    key        TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX limit_attempts_by_key ON limit_attempts (key, at);
CREATE INDEX limit_attempts_by_expiry ON limit_attempts (expires_at);
