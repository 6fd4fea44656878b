-- Organisations are edited by admins too: versioned like accounts.
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
