-- Staff invitations, and a version on accounts so admins' concurrent edits never
-- silently overwrite each other.
CREATE TABLE invitations (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT    NOT NULL UNIQUE,  -- SHA-256 of the link's token
    email       TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    tier        TEXT    CHECK (tier IN ('l1', 'l2', 'l3')),
    invited_by  INTEGER NOT NULL REFERENCES users (id),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    accepted_at INTEGER,
    CHECK ((role = 'agent') = (tier IS NOT NULL))
);

ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
