-- Monitoring alerts: one row per incident an alert opened. Repeats of an open alert count
-- on its row; at most one open row per integration and key, so 50 identical triggers at
-- once open one incident (the losers of that race count as repeats).
CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY,
    -- The integration's token and the sender's dedup key, as one bound value.
    key             TEXT    NOT NULL,
    token_id        INTEGER NOT NULL REFERENCES api_tokens (id),
    dedup_key       TEXT    NOT NULL,
    ticket_id       INTEGER NOT NULL REFERENCES tickets (id),
    severity        TEXT    NOT NULL CHECK (severity IN ('critical', 'error', 'warning', 'info')),
    summary         TEXT    NOT NULL,
    source          TEXT,
    component       TEXT,
    details         TEXT    NOT NULL CHECK (json_valid(details)),
    occurrences     INTEGER NOT NULL DEFAULT 1,
    first_seen_at   INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    acknowledged_at INTEGER,
    resolved_at     INTEGER
);
CREATE UNIQUE INDEX alerts_open_by_key ON alerts (key) WHERE resolved_at IS NULL;
CREATE INDEX alerts_by_key ON alerts (key, id);
CREATE INDEX alerts_by_ticket ON alerts (ticket_id);
CREATE INDEX alerts_recent ON alerts (last_seen_at);
