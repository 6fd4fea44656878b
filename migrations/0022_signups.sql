-- Sign-ups waiting for their address to be confirmed: the account is created from this
-- row when its link is opened (single use, a day long). Only the token's hash is stored.
CREATE TABLE signups (
    token_hash          TEXT    PRIMARY KEY,
    email               TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    phone               TEXT,
    language            TEXT    NOT NULL DEFAULT 'en',
    password_hash       TEXT    NOT NULL,
    password_salt       TEXT    NOT NULL,
    password_iterations INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL,
    used_at             INTEGER
);
CREATE INDEX signups_by_email ON signups (email, used_at);
