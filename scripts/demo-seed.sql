-- Demo data for `make dev` and the tests (never for a deployment). Fixed ids and
-- INSERT OR IGNORE make it safe to apply on every start: a second run adds nothing.
-- Every demo account's password is `demo-password` (PBKDF2-HMAC-SHA256, 100,000 rounds).
-- The supervisor is also the privacy lead (sees every data-breach case).

INSERT OR IGNORE INTO organisations (id, name, members_see_all_tickets, created_at)
VALUES
  (1, 'Nordlys ApS', 1, (strftime('%s', 'now', '-60 days') * 1000)),
  (2, 'Fjord Consulting', 0, (strftime('%s', 'now', '-60 days') * 1000));

INSERT OR IGNORE INTO users (id, email, name, role, tier, organisation_id,
                             password_hash, password_salt, password_iterations, created_at, privacy_lead)
VALUES
  (1, 'customer@example.com', 'Mette Hansen', 'customer', NULL, 1,
   '7d027ef4e52a378b2d0b566995e7f10bcc80272bf5fcab9d0cb28c31eacb7705', '01dd2a064a0a6d0e797142bbd30f3d27', 100000, (strftime('%s', 'now', '-30 days') * 1000), 0),
  (2, 'customer2@example.com', 'Amira Khan', 'customer', NULL, 2,
   '670516b18fa3a63b3583bb4841199b6506a9ae9775f31cdcf89110f6c06cad48', 'f85668bbe956200447e2b99a7aca076f', 100000, (strftime('%s', 'now', '-30 days') * 1000), 0),
  (3, 'l1@example.com', 'Lise Lund (L1)', 'agent', 'l1', NULL,
   '73855531295dec657a71ae84978fbd8a156c0f5cfbcd061eed7f4e5ed0d0d6b4', 'e4d7e92086a1825f9a1be48eda18d0ff', 100000, (strftime('%s', 'now', '-30 days') * 1000), 0),
  (4, 'l2@example.com', 'Lars Nielsen (L2)', 'agent', 'l2', NULL,
   '69c9d667ca8e4de213b9d937df273637e02680f991ccf121ed8cf389de5d5de2', '9f77a26058c9e37dda477b9ba67eb2bd', 100000, (strftime('%s', 'now', '-30 days') * 1000), 0),
  (5, 'l3@example.com', 'Laura Holm (L3)', 'agent', 'l3', NULL,
   '099f13cd21f5098996dfa3f05104f91aeb283c8a4e5b3ad10e0b0cdea980d781', 'd517104fbec961e216ea4c79dc5c33e6', 100000, (strftime('%s', 'now', '-30 days') * 1000), 0),
  (6, 'supervisor@example.com', 'Søren Dahl', 'supervisor', NULL, NULL,
   '971ff8dc2874f9ee8f81884fa67b6f9cde0d9041c8f80a05b4ef31c767ac3afd', '8b3ea962aea8c694dd20c2dcf89da55b', 100000, (strftime('%s', 'now', '-30 days') * 1000), 1),
  (7, 'admin@example.com', 'Anne Admin', 'admin', NULL, NULL,
   '161d9373451de0d24211f71d10dbe5f37d58e7983b1c88be515f39588beae918', '2e4fa1e6ef07dc9a4ab502aeafa68dbf', 100000, (strftime('%s', 'now', '-30 days') * 1000), 0);

INSERT OR IGNORE INTO categories (id, name, parent_id, service, questions)
VALUES
  (1, 'Network', NULL, 'Corporate network',
   json_array('Are you in the office or working remotely?', 'Does it happen for colleagues too?')),
  (2, 'VPN', 1, 'VPN gateway',
   json_array('Which VPN client version do you use?', 'Does it happen for colleagues too?')),
  (3, 'Email and calendar', NULL, 'Microsoft 365',
   json_array('Which app: Outlook desktop, web or phone?', 'Which app version?')),
  (4, 'Printing', NULL, 'Print server', json_array('Which printer (the name on its label)?')),
  (5, 'Webshop', NULL, 'Webshop', json_array('Which payment method fails?', 'Does it happen for every customer?')),
  (6, 'Equipment and access', NULL, 'Workplace', json_array());

INSERT OR IGNORE INTO tickets (id, kind, status, title, description, symptoms, reporter_name, reporter_email,
                               reporter_phone, channel, reported_at, updated_at, customer_id, organisation_id,
                               category_id, impact, urgency, priority)
VALUES
  (1, 'incident', 'new', 'Cannot log in to the VPN since this morning',
   'The VPN client says "authentication failed" although my password works everywhere else.',
   'Error 809 after about ten seconds.', 'Mette Hansen', 'customer@example.com', '+45 20 30 40 50', 'portal',
   (strftime('%s', 'now', '-3 days') * 1000), (strftime('%s', 'now', '-3 days') * 1000), 1, 1, 2, NULL, NULL, NULL),
  (2, 'incident', 'new', 'Printer on 2nd floor prints blank pages',
   'Every job comes out blank. Other printers work.', NULL, 'Jonas Berg', 'jonas@example.com', NULL, 'portal',
   (strftime('%s', 'now', '-26 hours') * 1000), (strftime('%s', 'now', '-26 hours') * 1000), NULL, NULL, 4, NULL, NULL, NULL),
  (3, 'request', 'new', 'New laptop for a starter on Monday',
   'Sara starts in sales on Monday and needs a laptop with the standard image.', NULL, 'Mette Hansen',
   'customer@example.com', '+45 20 30 40 50', 'portal',
   (strftime('%s', 'now', '-5 hours') * 1000), (strftime('%s', 'now', '-5 hours') * 1000), 1, 1, 6, 'low', 'medium', 'P4'),
  (4, 'incident', 'new', 'Webshop checkout times out',
   'Customers report that paying with card spins forever. Started around lunch.',
   'Gateway timeout (504) after 30 seconds.', 'Amira Khan', 'customer2@example.com', NULL, 'portal',
   (strftime('%s', 'now', '-50 minutes') * 1000), (strftime('%s', 'now', '-50 minutes') * 1000), 2, 2, 5, 'high', 'medium', 'P2'),
  (5, 'incident', 'new', 'Outlook keeps asking for my password',
   'Since the update yesterday Outlook asks for the password every few minutes.', NULL, 'Peter Sørensen',
   'peter@example.com', NULL, 'portal',
   (strftime('%s', 'now', '-8 minutes') * 1000), (strftime('%s', 'now', '-8 minutes') * 1000), NULL, NULL, 3, NULL, NULL, NULL);

INSERT OR IGNORE INTO ticket_events (id, ticket_id, kind, actor, actor_name, at, data, version)
SELECT id, id, 'created', 'seed', reporter_name, reported_at,
       json_object('changes', json_array(json_object('field', 'status', 'before', NULL, 'after', 'new'))), 1
FROM tickets WHERE id BETWEEN 1 AND 5;

INSERT OR IGNORE INTO settings (key, value, version)
VALUES ('canned_replies', json_array(
  json_object('title', 'Ask for details', 'body', 'Hi {customer_name},

Thank you for reporting {ticket_number}. To find the cause, could you tell us when it started and send a screenshot of the error?

Best regards,
{agent_name}'),
  json_object('title', 'Fixed, please confirm', 'body', 'Hi {customer_name},

We have fixed "{ticket_title}". Please check that it works for you and confirm on the ticket page.

Best regards,
{agent_name}')), 1);
