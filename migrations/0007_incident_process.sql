-- The incident process: classification, priority, tiers, assignment, resolution and
-- closure on the ticket row (the projection); categories; scheduled calls; the
-- notification outbox; per-event versions for optimistic concurrency.

CREATE TABLE categories (
    id        INTEGER PRIMARY KEY,
    name      TEXT    NOT NULL,
    parent_id INTEGER REFERENCES categories (id),
    service   TEXT,
    questions TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(questions)),
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version   INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX categories_by_name ON categories (coalesce(parent_id, 0), name);

ALTER TABLE tickets ADD COLUMN tier TEXT NOT NULL DEFAULT 'l1' CHECK (tier IN ('l1', 'l2', 'l3'));
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER REFERENCES users (id);
ALTER TABLE tickets ADD COLUMN impact TEXT CHECK (impact IN ('low', 'medium', 'high'));
ALTER TABLE tickets ADD COLUMN urgency TEXT CHECK (urgency IN ('low', 'medium', 'high'));
ALTER TABLE tickets ADD COLUMN priority TEXT CHECK (priority IN ('P1', 'P2', 'P3', 'P4'));
ALTER TABLE tickets ADD COLUMN category_id INTEGER REFERENCES categories (id);
ALTER TABLE tickets ADD COLUMN affected_service TEXT;
ALTER TABLE tickets ADD COLUMN answers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(answers));
ALTER TABLE tickets ADD COLUMN is_major INTEGER NOT NULL DEFAULT 0 CHECK (is_major IN (0, 1));
ALTER TABLE tickets ADD COLUMN major_id INTEGER REFERENCES tickets (id);
ALTER TABLE tickets ADD COLUMN resolution_code TEXT;
ALTER TABLE tickets ADD COLUMN resolution_notes TEXT;
ALTER TABLE tickets ADD COLUMN resolved_at INTEGER;
ALTER TABLE tickets ADD COLUMN closed_at INTEGER;
ALTER TABLE tickets ADD COLUMN first_response_at INTEGER;
ALTER TABLE tickets ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
ALTER TABLE tickets ADD COLUMN rating_comment TEXT;

-- Queues: each walks an index in id order (keyset pagination, newest first).
CREATE INDEX tickets_by_tier ON tickets (tier, status, id);
CREATE INDEX tickets_by_assignee ON tickets (assignee_id, status, id);
CREATE INDEX tickets_by_major ON tickets (major_id, id);
CREATE INDEX tickets_by_major_flag ON tickets (is_major, id) WHERE is_major = 1;
-- The sweep closes resolved tickets whose reopen window has passed.
CREATE INDEX tickets_resolved ON tickets (resolved_at) WHERE status = 'resolved';

-- Each write to a ticket records the version it produced; two writers based on the same
-- version collide here, and the loser's whole batch rolls back.
ALTER TABLE ticket_events ADD COLUMN version INTEGER;
ALTER TABLE ticket_events ADD COLUMN actor_name TEXT;
CREATE UNIQUE INDEX ticket_events_one_per_version ON ticket_events (ticket_id, version);
UPDATE ticket_events SET version = 1 WHERE kind = 'created';

-- Agents can mark themselves away; auto-assignment skips them and rotates among the rest.
ALTER TABLE users ADD COLUMN away INTEGER NOT NULL DEFAULT 0 CHECK (away IN (0, 1));
ALTER TABLE users ADD COLUMN last_assigned_at INTEGER;

CREATE TABLE calls (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id),
    starts_at    INTEGER NOT NULL,
    minutes      INTEGER NOT NULL,
    channel      TEXT    NOT NULL CHECK (channel IN ('phone', 'video')),
    phone        TEXT,
    link         TEXT,
    note         TEXT,
    scheduled_by TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX calls_by_ticket ON calls (ticket_id, starts_at);

-- Notifications, written in the same batch as the change they report.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    ticket_id     INTEGER REFERENCES tickets (id),
    channel       TEXT    NOT NULL CHECK (channel IN ('email', 'chat')),
    recipient     TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    send_after    INTEGER NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    delivered_at  INTEGER,
    delivered_via TEXT,
    last_error    TEXT
);
CREATE INDEX outbox_due ON outbox (send_after) WHERE delivered_at IS NULL;

-- Settings admins change rarely (the priority matrix, the reopen window), as JSON.
CREATE TABLE settings (
    key     TEXT    PRIMARY KEY,
    value   TEXT    NOT NULL CHECK (json_valid(value)),
    version INTEGER NOT NULL DEFAULT 1
);

-- What each sweep did besides counting: tickets closed, messages sent and failed.
ALTER TABLE sweep_runs ADD COLUMN tickets_closed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sweep_runs ADD COLUMN messages_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sweep_runs ADD COLUMN messages_failed INTEGER NOT NULL DEFAULT 0;
