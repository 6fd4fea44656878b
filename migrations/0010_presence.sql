-- Who has a ticket open, renewed every 20 seconds by each open console page. In D1 rather
-- than KV: KV's listing is eventually consistent across locations (a colleague elsewhere
-- could stay invisible for a minute) and the free plan allows only 1,000 KV writes a day.
CREATE TABLE presence (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    user_id   INTEGER NOT NULL REFERENCES users (id),
    name      TEXT    NOT NULL,
    editing   INTEGER NOT NULL CHECK (editing IN (0, 1)),
    seen_at   INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, user_id)
) WITHOUT ROWID;
CREATE INDEX presence_by_age ON presence (seen_at);
