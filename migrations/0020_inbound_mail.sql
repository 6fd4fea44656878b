-- Every message the desk's address received, and what became of it: the ticket it opened
-- or continued, or why it was ignored. `original` keeps the whole text as received (the
-- ticket stores the reply without its quoted history and signature). A Message-ID is
-- taken once: a redelivered message finds its row and changes nothing.
CREATE TABLE inbound_mail (
    id          INTEGER PRIMARY KEY,
    message_id  TEXT,
    sender      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    outcome     TEXT    NOT NULL,
    ticket_id   INTEGER REFERENCES tickets (id),
    original    TEXT    NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX inbound_mail_by_message_id ON inbound_mail (message_id);
CREATE INDEX inbound_mail_by_ticket ON inbound_mail (ticket_id);
CREATE INDEX inbound_mail_by_time ON inbound_mail (received_at);
