-- Signed webhooks. A subscription's secret signs its deliveries (HMAC needs the secret
-- itself, so it is stored; it is shown to people once). Deliveries are written in the
-- same batch as the change they announce (an outbox of their own) and sent by the sweep.
CREATE TABLE webhooks (
    id            INTEGER PRIMARY KEY,
    url           TEXT    NOT NULL,
    events        TEXT    NOT NULL,             -- JSON array of event names
    description   TEXT    NOT NULL DEFAULT '',
    secret        TEXT    NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1,
    stopped       TEXT    CHECK (stopped IN ('gone', 'failing')),
    failing_since INTEGER,
    created_at    INTEGER NOT NULL,
    created_by    INTEGER REFERENCES users (id),
    version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE webhook_deliveries (
    id            INTEGER PRIMARY KEY,
    webhook_id    INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    message_id    TEXT    NOT NULL,             -- the webhook-id header
    event         TEXT    NOT NULL,
    ticket_id     INTEGER REFERENCES tickets (id),
    payload       TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    send_after    INTEGER NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    delivered_at  INTEGER,
    gave_up_at    INTEGER,
    last_status   INTEGER,
    last_response TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (send_after)
    WHERE delivered_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id);
