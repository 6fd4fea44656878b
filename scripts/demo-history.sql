-- A month of finished work for `make dev`'s reports (never for a deployment, nor for the
-- tests, whose counts start from the five demo tickets). 120 tickets, one every six hours
-- back from now, each answered and resolved, some reopened, some breaching; their SLA
-- clocks are computed by the first sweep from these events, as after any change.
-- Fixed ids and INSERT OR IGNORE: a second run adds nothing.

-- Minutes after the report: the first reply (5–154), the resolution (60–1859) and, for
-- every 13th ticket, a reopen 600 minutes after it and a second resolution 100 later.
INSERT OR IGNORE INTO tickets (id, kind, status, title, description, reporter_name, reporter_email, channel,
                               reported_at, updated_at, tier, assignee_id, priority, category_id, organisation_id,
                               rating, version, sla_next_step_at)
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120),
history AS (
  SELECT i, 100 + i AS id,
         strftime('%s', 'now') * 1000 - i * 21600000 - (i * 7919 % 3600) * 1000 AS reported,
         CASE WHEN i % 10 = 0 THEN 'P1' WHEN i % 10 IN (1, 2) THEN 'P2' WHEN i % 10 < 7 THEN 'P3' ELSE 'P4' END AS priority
  FROM n
),
timed AS (
  SELECT *, reported + ((i * 37) % 150 + 5) * 60000 AS replied,
         reported + ((i * 211) % 1800 + 60) * 60000 AS resolved
  FROM history
)
SELECT id, CASE WHEN i % 5 = 0 THEN 'request' ELSE 'incident' END,
       CASE WHEN resolved > strftime('%s', 'now') * 1000 THEN 'in_progress' ELSE 'resolved' END,
       CASE i % 8 WHEN 0 THEN 'VPN drops every few minutes' WHEN 1 THEN 'Outlook cannot find the mailbox'
         WHEN 2 THEN 'Printer queue stuck on the 3rd floor' WHEN 3 THEN 'New starter needs an account'
         WHEN 4 THEN 'Webshop returns an error at checkout' WHEN 5 THEN 'Laptop will not wake from sleep'
         WHEN 6 THEN 'Teams calls drop after a minute' ELSE 'Access to the finance share' END,
       'Demo history for the reports.', 'Demo Customer ' || i, 'history' || i || '@example.com',
       CASE WHEN i % 10 = 0 THEN 'alert' WHEN i % 7 = 2 THEN 'phone' WHEN i % 3 = 1 THEN 'email' ELSE 'portal' END,
       reported, reported,
       CASE WHEN priority = 'P1' THEN 'l3' WHEN i % 4 = 1 THEN 'l2' ELSE 'l1' END,
       CASE WHEN priority = 'P1' THEN 5 WHEN i % 4 = 1 THEN 4 ELSE 3 END,
       priority, 1 + i % 6, CASE WHEN i % 5 = 0 THEN NULL ELSE 1 + i % 2 END,
       CASE WHEN resolved > strftime('%s', 'now') * 1000 OR i % 3 <> 0 THEN NULL
            WHEN i % 7 = 0 THEN 2 WHEN i % 7 = 1 THEN 3 WHEN i % 2 = 0 THEN 4 ELSE 5 END,
       1, reported
FROM timed;

-- The events the clocks read: created, the agent's reply, the resolution and any reopen,
-- each only once its time has come.
INSERT OR IGNORE INTO ticket_events (id, ticket_id, kind, actor, actor_name, at, data, version)
SELECT id * 10, id, 'created', 'anonymous', reporter_name, reported_at,
       json_object('changes', json_array(json_object('field', 'status', 'before', NULL, 'after', 'new'))), 1
FROM tickets WHERE id BETWEEN 101 AND 220;

INSERT OR IGNORE INTO ticket_events (id, ticket_id, kind, actor, actor_name, at, data, version)
SELECT id * 10 + 1, id, 'reply', 'user:' || assignee_id, 'Demo agent', at, json_object('text', 'We are looking into it.'), 2
FROM (SELECT id, assignee_id, reported_at + (((id - 100) * 37) % 150 + 5) * 60000 AS at FROM tickets WHERE id BETWEEN 101 AND 220)
WHERE at <= strftime('%s', 'now') * 1000;

INSERT OR IGNORE INTO ticket_events (id, ticket_id, kind, actor, actor_name, at, data, version)
SELECT id * 10 + 2, id, 'status_changed', 'user:' || assignee_id, 'Demo agent', at,
       json_object('changes', json_array(json_object('field', 'status', 'before', 'open', 'after', 'resolved'))), 3
FROM (SELECT id, assignee_id, reported_at + (((id - 100) * 211) % 1800 + 60) * 60000 AS at FROM tickets WHERE id BETWEEN 101 AND 220)
WHERE at <= strftime('%s', 'now') * 1000;

INSERT OR IGNORE INTO ticket_events (id, ticket_id, kind, actor, actor_name, at, data, version)
SELECT id * 10 + 3 + step, id, 'status_changed', 'user:' || assignee_id, 'Demo agent', at + step * 6000000,
       json_object('changes', json_array(json_object('field', 'status',
         'before', CASE step WHEN 0 THEN 'resolved' ELSE 'open' END,
         'after', CASE step WHEN 0 THEN 'open' ELSE 'resolved' END))), 4 + step
FROM (SELECT id, assignee_id, reported_at + (((id - 100) * 211) % 1800 + 660) * 60000 AS at FROM tickets
      WHERE id BETWEEN 101 AND 220 AND (id - 100) % 13 = 0),
     (SELECT 0 AS step UNION ALL SELECT 1)
WHERE at + step * 6000000 <= strftime('%s', 'now') * 1000;

-- Tickets whose story is not over yet show the status their last event left.
UPDATE tickets SET status = 'open'
WHERE id BETWEEN 101 AND 220 AND status = 'resolved'
  AND (SELECT MAX(version) FROM ticket_events WHERE ticket_id = tickets.id) = 4;
UPDATE tickets SET version = (SELECT MAX(version) FROM ticket_events WHERE ticket_id = tickets.id)
WHERE id BETWEEN 101 AND 220;
