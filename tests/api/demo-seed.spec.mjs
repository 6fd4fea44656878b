// `make dev` loads scripts/demo-seed.sql on every start; it must never duplicate.
import { test, expect } from '../support/fixtures.mjs';
import { d1, makePersistDir, migrate, removePersistDir, ROOT } from '../support/server.mjs';

test('the demo data loads once however often it is applied', async () => {
  const dir = await makePersistDir();
  try {
    await migrate(dir);
    const seed = ['execute', 'edgedesk', '--file', `${ROOT}/scripts/demo-seed.sql`];
    await d1(dir, ...seed);
    await d1(dir, ...seed);
    const out = await d1(dir, 'execute', 'edgedesk', '--json', '--command',
      'SELECT (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM ticket_events) AS events,'
      + ' (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM organisations) AS organisations');
    const [{ results: [counts] }] = JSON.parse(out);
    expect(counts).toEqual({ tickets: 5, events: 5, users: 7, organisations: 2 });
  } finally {
    await removePersistDir(dir);
  }
});
