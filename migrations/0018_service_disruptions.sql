-- A disruption of a service that monitoring found and customers were told about: at most
-- one open per service (the unique index), so customers hear of it once, not once per alert.
CREATE TABLE service_disruptions (
    id          INTEGER PRIMARY KEY,
    service     TEXT    NOT NULL COLLATE NOCASE,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
    notified_at INTEGER NOT NULL,
    -- 0 once its incident was found resolved, closed or cancelled.
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX service_disruptions_active ON service_disruptions (service) WHERE active = 1;
CREATE INDEX tickets_by_service ON tickets (affected_service COLLATE NOCASE, reported_at);
