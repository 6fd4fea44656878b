-- Tickets, their append-only history, and the record of scheduled sweeps.
-- Times are milliseconds since the Unix epoch (UTC).

CREATE TABLE tickets (
    -- AUTOINCREMENT so an id (and the ticket number derived from it) is never reused.
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    kind           TEXT    NOT NULL CHECK (kind IN ('incident', 'request')),
    status         TEXT    NOT NULL DEFAULT 'new',
    title          TEXT    NOT NULL,
    description    TEXT    NOT NULL,
    symptoms       TEXT,
    reporter_name  TEXT    NOT NULL,
    reporter_email TEXT    NOT NULL,
    reporter_phone TEXT,
    channel        TEXT    NOT NULL DEFAULT 'portal',
    reported_at    INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    -- Optimistic concurrency: every write names the version it was based on.
    version        INTEGER NOT NULL DEFAULT 1
);

-- Every change to a ticket, never updated or deleted; the tickets row is the projection.
CREATE TABLE ticket_events (
    id        INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    kind      TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    at        INTEGER NOT NULL,
    data      TEXT    NOT NULL CHECK (json_valid(data))
);
CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);

-- One row per cron run; the platform reports every run as a success, so we keep score.
CREATE TABLE sweep_runs (
    id               INTEGER PRIMARY KEY,
    cron             TEXT    NOT NULL,
    scheduled_at     INTEGER NOT NULL,
    started_at       INTEGER NOT NULL,
    finished_at      INTEGER NOT NULL,
    tickets_examined INTEGER NOT NULL,
    error            TEXT
);
CREATE INDEX tickets_by_status ON tickets (status);
