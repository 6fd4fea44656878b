-- What one monitoring integration (an API token with alerts:write) sets for itself: the
-- priority of each severity and the reopen window. `policy` NULL: it follows the desk's
-- alert settings. The row stays when an admin goes back to those, so its version keeps
-- counting and a stale form cannot overwrite a newer choice.
CREATE TABLE alert_integrations (
    token_id INTEGER PRIMARY KEY REFERENCES api_tokens (id),
    policy   TEXT CHECK (policy IS NULL OR json_valid(policy)),
    version  INTEGER NOT NULL
);
-- The Monitoring page counts each integration's incidents.
CREATE INDEX alerts_by_token ON alerts (token_id);
