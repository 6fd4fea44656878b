// A week of tickets with known answers for the report specs, written as the Worker stores
// them (tickets and their events); the sweep then computes their clocks from that history.
// The hand-worked figures are in tests/api/reports.spec.mjs.

export const MINUTE = 60_000;
// Copenhagen is UTC+1 in November: 09:00 local is 08:00Z.
const at = (day, hhmm) => Date.parse(`2026-11-${day}T${hhmm}:00Z`);

// id, priority, tier, channel, assignee, category, organisation, major, rating, reported,
// and what happened after, in minutes from the report.
export const HISTORY = [
  { id: 1001, priority: 'P2', tier: 'l1', channel: 'portal', agent: 3, category: 2, organisation: 1, reported: at('02', '08:00'),
    steps: [[30, 'reply'], [300, 'resolved']] },
  { id: 1002, priority: 'P2', tier: 'l2', channel: 'email', agent: 4, category: 3, organisation: 2, reported: at('02', '09:00'),
    steps: [[120, 'reply'], [600, 'resolved']] },
  { id: 1003, priority: 'P1', tier: 'l3', channel: 'alert', agent: 5, major: 1, rating: 5, reported: at('03', '07:00'),
    steps: [[10, 'reply'], [200, 'resolved'], [300, 'closed']] },
  // Waits 300 minutes on the customer; resolved 23:30Z, which is already the 4th in Copenhagen.
  { id: 1004, priority: 'P3', tier: 'l1', channel: 'phone', agent: 3, rating: 2, reported: at('03', '11:00'),
    steps: [[60, 'reply'], [100, 'pending_customer'], [400, 'in_progress'], [750, 'resolved']] },
  // Resolved, reopened by the customer the next night, resolved again: two resolutions.
  { id: 1005, priority: 'P3', tier: 'l1', channel: 'portal', agent: 3, rating: 4, reported: at('04', '08:00'),
    steps: [[45, 'reply'], [100, 'resolved'], [1000, 'open'], [1100, 'resolved']] },
];

export function historySql(tickets) {
  const rows = [];
  for (const t of tickets) {
    let eventId = t.id * 100;
    const last = t.steps.filter(([, what]) => what !== 'reply').at(-1)?.[1] ?? 'new';
    const end = t.reported + (t.steps.at(-1)?.[0] ?? 0) * MINUTE;
    const value = (v) => (v === undefined ? 'NULL' : typeof v === 'string' ? `'${v}'` : v);
    rows.push(`INSERT INTO tickets (id, kind, status, title, description, reporter_name, reporter_email, channel, reported_at,
      updated_at, tier, assignee_id, priority, category_id, organisation_id, is_major, rating, version, sla_next_step_at)
      VALUES (${t.id}, 'incident', '${last}', 'Report history ${t.id}', 'Seeded for the report test.', 'Rita Report',
      'rita@example.com', '${t.channel}', ${t.reported}, ${end}, '${t.tier}', ${value(t.agent)}, '${t.priority}',
      ${value(t.category)}, ${value(t.organisation)}, ${t.major ?? 0}, ${value(t.rating)}, ${t.steps.length + 1}, ${t.reported});`);
    const event = (kind, actor, when, data, version) =>
      rows.push(`INSERT INTO ticket_events (id, ticket_id, kind, actor, actor_name, at, data, version)
        VALUES (${eventId++}, ${t.id}, '${kind}', '${actor}', 'x', ${when}, '${JSON.stringify(data)}', ${version});`);
    event('created', 'anonymous', t.reported, { changes: [{ field: 'status', before: null, after: 'new' }] }, 1);
    let status = 'new';
    t.steps.forEach(([minutes, what], index) => {
      const when = t.reported + minutes * MINUTE;
      const actor = `user:${t.agent ?? 3}`;
      if (what === 'reply') {
        event('reply', actor, when, { text: 'On it.' }, index + 2);
      } else {
        event('status_changed', actor, when, { changes: [{ field: 'status', before: status, after: what }] }, index + 2);
        status = what;
      }
    });
  }
  return rows.join('\n');
}
