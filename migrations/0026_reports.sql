-- Reports read stored results, never the tickets' histories. One row per stopped clock and
-- cycle: the first response once, the resolution once per time the ticket was resolved
-- (`cycle` counts the reopens before it). Minutes are the clock's (business minutes where
-- its calendar has hours, pauses excluded), the ticket's dimensions as they were when the
-- clock stopped. Written in the same batch as the ticket change that stopped the clock.
CREATE TABLE sla_results (
    ticket_id       INTEGER NOT NULL REFERENCES tickets (id),
    target          TEXT    NOT NULL CHECK (target IN ('first_response', 'resolution')),
    cycle           INTEGER NOT NULL,
    stopped_at      INTEGER NOT NULL,
    minutes         INTEGER NOT NULL,
    target_minutes  INTEGER NOT NULL,
    breached        INTEGER NOT NULL CHECK (breached IN (0, 1)),
    -- Set when the ticket is reopened after this resolution.
    reopened        INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1)),
    priority        TEXT,
    tier            TEXT    NOT NULL,
    category_id     INTEGER,
    organisation_id INTEGER,
    channel         TEXT    NOT NULL,
    agent_id        INTEGER,
    -- When the row was last written: the sweep rolls up the days whose data changed.
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, target, cycle)
) WITHOUT ROWID;
-- A filtered report reads the results of its period only...
CREATE INDEX sla_results_by_stop ON sla_results (target, stopped_at);
-- ...and the tickets reported in it.
CREATE INDEX tickets_by_reported ON tickets (reported_at);
CREATE INDEX sla_results_by_update ON sla_results (updated_at);

-- Daily rollups, made by the sweep: per local day of the desk, one cell (JSON: counts, sums
-- and time histograms, see domain/src/report/rollup.rs) for the whole desk (dimension '')
-- and for each value of each dimension. The unfiltered dashboard reads these, so its cost
-- grows with the days and the values, not with the tickets.
CREATE TABLE report_days (
    day       TEXT NOT NULL,
    dimension TEXT NOT NULL,
    value     TEXT NOT NULL,
    cell      TEXT NOT NULL CHECK (json_valid(cell)),
    PRIMARY KEY (day, dimension, value)
) WITHOUT ROWID;
-- Days whose data changed since their cells were made.
CREATE TABLE report_dirty (day TEXT PRIMARY KEY) WITHOUT ROWID;
-- The zone the days are cut in and how far the sweep has looked at changed rows.
CREATE TABLE report_rollup (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    zone      TEXT    NOT NULL,
    watermark INTEGER NOT NULL
);

-- Clocks that stopped before this table existed: their first cycle, from the projection.
INSERT OR IGNORE INTO sla_results (ticket_id, target, cycle, stopped_at, minutes, target_minutes, breached,
                                   priority, tier, category_id, organisation_id, channel, agent_id, updated_at)
SELECT m.ticket_id, m.target, 0, m.stopped_at, m.elapsed_minutes, m.target_minutes, m.breached,
       t.priority, t.tier, t.category_id, t.organisation_id, t.channel, t.assignee_id, m.updated_at
FROM sla_metrics m JOIN tickets t ON t.id = m.ticket_id
WHERE m.state = 'stopped' AND m.stopped_at IS NOT NULL AND m.target IN ('first_response', 'resolution')
  AND t.status <> 'cancelled';
