-- Data-breach cases (GDPR Articles 33 and 34). Need-to-know: privacy leads see every case,
-- others only the cases they were invited onto.
ALTER TABLE users ADD COLUMN privacy_lead INTEGER NOT NULL DEFAULT 0 CHECK (privacy_lead IN (0, 1));

-- The case's state is one versioned value the domain checks as a whole; the columns beside
-- it are projections for the list and the sweep.
CREATE TABLE breach_cases (
    id           INTEGER PRIMARY KEY,
    state        TEXT    NOT NULL CHECK (json_valid(state)),
    version      INTEGER NOT NULL,
    aware_at     INTEGER NOT NULL,
    closed_at    INTEGER,
    -- The next 24/48/66/72-hour step not yet recorded; NULL once the clock stopped.
    next_step_at INTEGER
);
CREATE INDEX breach_cases_next_step ON breach_cases (next_step_at) WHERE next_step_at IS NOT NULL;

-- Each step once, like the SLA steps: an overlapping sweep loses its whole batch here.
CREATE TABLE breach_steps (
    case_id     INTEGER NOT NULL REFERENCES breach_cases (id),
    hours       INTEGER NOT NULL CHECK (hours IN (24, 48, 66, 72)),
    recorded_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, hours)
) WITHOUT ROWID;

CREATE TABLE breach_incidents (
    case_id   INTEGER NOT NULL REFERENCES breach_cases (id),
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    PRIMARY KEY (case_id, ticket_id)
) WITHOUT ROWID;
CREATE INDEX breach_incidents_by_ticket ON breach_incidents (ticket_id);

CREATE TABLE breach_members (
    case_id    INTEGER NOT NULL REFERENCES breach_cases (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    invited_by INTEGER REFERENCES users (id),
    invited_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, user_id)
) WITHOUT ROWID;
CREATE INDEX breach_members_by_user ON breach_members (user_id);

-- Every read and change of a case.
CREATE TABLE breach_history (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES breach_cases (id),
    at      INTEGER NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL
);
CREATE INDEX breach_history_by_case ON breach_history (case_id, id);

-- Article 33(5): facts, effects and remedial action after every change. Append-only: a
-- correction is a new entry, and the database refuses to change or remove one. One entry
-- per version of a case, so of two changes based on the same version one loses whole.
CREATE TABLE breach_register (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES breach_cases (id),
    version     INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT    NOT NULL,
    change      TEXT    NOT NULL,
    facts       TEXT    NOT NULL CHECK (json_valid(facts))
);
CREATE INDEX breach_register_by_time ON breach_register (recorded_at, id);
CREATE UNIQUE INDEX breach_register_one_per_version ON breach_register (case_id, version);
CREATE TRIGGER breach_register_no_update BEFORE UPDATE ON breach_register
BEGIN SELECT RAISE(ABORT, 'the breach register is append-only'); END;
CREATE TRIGGER breach_register_no_delete BEFORE DELETE ON breach_register
BEGIN SELECT RAISE(ABORT, 'the breach register is append-only'); END;
