-- Demo data for `make dev` (never for a deployment). Fixed ids and INSERT OR IGNORE make
-- it safe to apply on every start: a second run adds nothing.
INSERT OR IGNORE INTO tickets (id, kind, status, title, description, symptoms, reporter_name, reporter_email,
                               reporter_phone, channel, reported_at, updated_at)
VALUES
  (1, 'incident', 'new', 'Cannot log in to the VPN since this morning',
   'The VPN client says "authentication failed" although my password works everywhere else.',
   'Error 809 after about ten seconds.', 'Mette Hansen', 'mette@example.com', '+45 20 30 40 50', 'portal',
   (strftime('%s', 'now', '-3 days') * 1000), (strftime('%s', 'now', '-3 days') * 1000)),
  (2, 'incident', 'new', 'Printer on 2nd floor prints blank pages',
   'Every job comes out blank. Other printers work.', NULL, 'Jonas Berg', 'jonas@example.com', NULL, 'portal',
   (strftime('%s', 'now', '-26 hours') * 1000), (strftime('%s', 'now', '-26 hours') * 1000)),
  (3, 'request', 'new', 'New laptop for a starter on Monday',
   'Sara starts in sales on Monday and needs a laptop with the standard image.', NULL, 'Lars Nielsen',
   'lars@example.com', '+45 61 62 63 64', 'portal',
   (strftime('%s', 'now', '-5 hours') * 1000), (strftime('%s', 'now', '-5 hours') * 1000)),
  (4, 'incident', 'new', 'Webshop checkout times out',
   'Customers report that paying with card spins forever. Started around lunch.',
   'Gateway timeout (504) after 30 seconds.', 'Amira Khan', 'amira@example.com', NULL, 'portal',
   (strftime('%s', 'now', '-50 minutes') * 1000), (strftime('%s', 'now', '-50 minutes') * 1000)),
  (5, 'incident', 'new', 'Outlook keeps asking for my password',
   'Since the update yesterday Outlook asks for the password every few minutes.', NULL, 'Peter Sørensen',
   'peter@example.com', NULL, 'portal',
   (strftime('%s', 'now', '-8 minutes') * 1000), (strftime('%s', 'now', '-8 minutes') * 1000));

INSERT OR IGNORE INTO ticket_events (id, ticket_id, kind, actor, at, data)
SELECT id, id, 'created', reporter_email, reported_at, json_object('after', json_object('title', title, 'seed', 1))
FROM tickets WHERE id BETWEEN 1 AND 5;
