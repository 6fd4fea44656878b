-- Accounts, organisations and sessions; tickets gain an owner and a status link.

CREATE TABLE organisations (
    id                      INTEGER PRIMARY KEY,
    name                    TEXT    NOT NULL UNIQUE,
    -- When set, members see each other's tickets.
    members_see_all_tickets INTEGER NOT NULL DEFAULT 0 CHECK (members_see_all_tickets IN (0, 1)),
    created_at              INTEGER NOT NULL
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    email               TEXT    NOT NULL UNIQUE,  -- stored lower-case
    name                TEXT    NOT NULL,
    phone               TEXT,
    role                TEXT    NOT NULL CHECK (role IN ('customer', 'agent', 'supervisor', 'admin')),
    tier                TEXT    CHECK (tier IN ('l1', 'l2', 'l3')),
    organisation_id     INTEGER REFERENCES organisations (id),
    -- PBKDF2-HMAC-SHA256: hex hash and salt, and the iteration count used for this hash.
    password_hash       TEXT,
    password_salt       TEXT,
    password_iterations INTEGER,
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at          INTEGER NOT NULL,
    CHECK ((role = 'agent') = (tier IS NOT NULL))
);

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of the database
-- cannot be used to sign in.
CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    revoked_at   INTEGER
);
CREATE INDEX sessions_by_user ON sessions (user_id);

ALTER TABLE tickets ADD COLUMN customer_id INTEGER REFERENCES users (id);
ALTER TABLE tickets ADD COLUMN organisation_id INTEGER REFERENCES organisations (id);
CREATE INDEX tickets_by_customer ON tickets (customer_id, id);
CREATE INDEX tickets_by_organisation ON tickets (organisation_id, id);

-- The reporter's status link: an unguessable token, stored as its SHA-256. NULL = revoked.
ALTER TABLE tickets ADD COLUMN status_token_hash TEXT;
CREATE UNIQUE INDEX tickets_by_status_token ON tickets (status_token_hash);
