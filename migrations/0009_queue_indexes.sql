-- Queue pages cost the same at 1,000 and 100,000 tickets: each queue walks a partial index
-- in id order that holds only its own rows, so a page stops after `limit` rows instead of
-- sorting every match. The conditions repeat the list query's text exactly, which is how
-- SQLite knows the index applies.
DROP INDEX tickets_by_tier;
DROP INDEX tickets_by_assignee;
CREATE INDEX tickets_active_by_tier ON tickets (tier, id)
    WHERE status IN ('new', 'open', 'in_progress', 'pending_customer', 'pending_third_party');
CREATE INDEX tickets_unassigned_by_tier ON tickets (tier, id)
    WHERE assignee_id IS NULL AND status IN ('new', 'open', 'in_progress', 'pending_customer', 'pending_third_party');
CREATE INDEX tickets_active_by_assignee ON tickets (assignee_id, id)
    WHERE status IN ('new', 'open', 'in_progress', 'pending_customer', 'pending_third_party');
CREATE INDEX tickets_active ON tickets (id)
    WHERE status IN ('new', 'open', 'in_progress', 'pending_customer', 'pending_third_party');
