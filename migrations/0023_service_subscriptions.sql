-- Customers who asked to hear of a service's disruptions (Admin's categories name the
-- services). Told with those who reported on the service recently, once per disruption.
CREATE TABLE service_subscriptions (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    service    TEXT    NOT NULL COLLATE NOCASE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, service)
);
CREATE INDEX service_subscriptions_by_service ON service_subscriptions (service);
