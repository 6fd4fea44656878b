-- The workspace's requester panel lists the reporter's other tickets by email address.
CREATE INDEX IF NOT EXISTS tickets_by_reporter ON tickets(reporter_email, id);
