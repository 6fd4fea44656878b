-- SLA clocks. The clocks themselves are computed from each ticket's history by the domain;
-- what is stored here is their projection (for queues, the sweep's index and reports) and
-- the warning and breach steps the sweep recorded.

-- The soonest running deadline and how far its clock has got, for badges and the
-- "breaching soon" queue; the earliest step not yet recorded, for the sweep.
ALTER TABLE tickets ADD COLUMN sla_target TEXT;
ALTER TABLE tickets ADD COLUMN sla_due_at INTEGER;
ALTER TABLE tickets ADD COLUMN sla_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN sla_next_step_at INTEGER;
-- The sweep's cost grows with the tickets due: it walks only this index.
CREATE INDEX tickets_sla_next_step ON tickets (sla_next_step_at, id) WHERE sla_next_step_at IS NOT NULL;
CREATE INDEX tickets_sla_due ON tickets (sla_due_at, id) WHERE sla_due_at IS NOT NULL;

-- Each (ticket, target, cycle, step) is recorded once. The sweep writes a step in the same
-- batch as its actions, so a second or overlapping run loses its whole batch here.
CREATE TABLE sla_steps (
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
    target      TEXT    NOT NULL CHECK (target IN ('first_response', 'next_update', 'resolution')),
    cycle       INTEGER NOT NULL,
    step        INTEGER NOT NULL CHECK (step BETWEEN 1 AND 100),
    reached_at  INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, target, cycle, step)
) WITHOUT ROWID;

-- Per ticket and target, ready for reports: business minutes used, paused, breached.
CREATE TABLE sla_metrics (
    ticket_id       INTEGER NOT NULL REFERENCES tickets (id),
    target          TEXT    NOT NULL,
    policy          TEXT    NOT NULL,
    target_minutes  INTEGER NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('running', 'paused', 'stopped')),
    elapsed_minutes INTEGER NOT NULL,
    paused_minutes  INTEGER NOT NULL,
    breached        INTEGER NOT NULL CHECK (breached IN (0, 1)),
    stopped_at      INTEGER,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, target)
) WITHOUT ROWID;

ALTER TABLE sweep_runs ADD COLUMN sla_warnings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sweep_runs ADD COLUMN sla_breaches INTEGER NOT NULL DEFAULT 0;
-- Tickets another run or an agent changed first; they are looked at again next minute.
ALTER TABLE sweep_runs ADD COLUMN sla_conflicts INTEGER NOT NULL DEFAULT 0;
