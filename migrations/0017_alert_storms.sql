-- An alert storm: many incidents for one service in a short time, grouped under a major
-- incident. At most one open storm per service (the unique index), so alerts that arrive
-- together cannot each declare their own.
CREATE TABLE alert_storms (
    id          INTEGER PRIMARY KEY,
    service     TEXT    NOT NULL,
    major_id    INTEGER NOT NULL REFERENCES tickets (id),
    declared_at INTEGER NOT NULL,
    -- 0 once its major incident was found resolved, closed or cancelled.
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX alert_storms_active ON alert_storms (service) WHERE active = 1;
CREATE INDEX alerts_by_component ON alerts (component, first_seen_at);
