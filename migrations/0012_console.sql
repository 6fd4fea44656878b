-- The console: what each agent has read (for the "news since you last looked" marker),
-- and the index behind ordering a queue by last update.
CREATE TABLE ticket_reads (
    user_id       INTEGER NOT NULL REFERENCES users (id),
    ticket_id     INTEGER NOT NULL REFERENCES tickets (id),
    -- The newest event the agent had seen when they last opened the ticket.
    last_event_id INTEGER NOT NULL,
    read_at       INTEGER NOT NULL,
    PRIMARY KEY (user_id, ticket_id)
) WITHOUT ROWID;

CREATE INDEX tickets_by_update ON tickets (updated_at, id);
