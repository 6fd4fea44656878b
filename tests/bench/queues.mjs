// Queue and search cost against the size of the desk: the same console queries on 1,000
// and on 100,000 tickets. One connection, so the figures are latency, not throughput.
// Prints `bench: <name> = <value> <unit>` lines.
import { p50 } from './latency.mjs';
import { d1, makePersistDir, migrate, removePersistDir, seedDemoData, startServer, sessionCookie } from '../support/server.mjs';

const WORDS = ['printer', 'vpn', 'outlook', 'laptop', 'webshop', 'password', 'wifi', 'teams', 'invoice', 'badge'];

// A mix like a real desk: three tiers, most tickets finished, a quarter unassigned.
const seedSql = (count) => `
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
INSERT INTO tickets (kind, status, tier, assignee_id, priority, title, description, reporter_name, reporter_email,
                     reported_at, updated_at)
SELECT 'incident',
       CASE WHEN i % 10 < 7 THEN 'closed' WHEN i % 10 = 7 THEN 'in_progress' ELSE 'new' END,
       CASE i % 3 WHEN 0 THEN 'l1' WHEN 1 THEN 'l2' ELSE 'l3' END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE 3 + i % 3 END,
       'P' || (1 + i % 4),
       'Seeded ' || ('${JSON.stringify(WORDS)}' ->> (i % ${WORDS.length})) || ' problem ' || i,
       'The ' || ('${JSON.stringify(WORDS)}' ->> ((i * 7) % ${WORDS.length})) || ' does not work as expected.',
       'Bench Customer ' || i, 'customer' || i || '@example.com', 1700000000000 + i * 60000, 1700000000000 + i * 60000
FROM n;`;

async function measure(count) {
  const dir = await makePersistDir();
  let server;
  try {
    await migrate(dir);
    await seedDemoData(dir);
    await d1(dir, 'execute', 'edgedesk', '--command', seedSql(count));
    server = await startServer(dir);
    const cookie = await sessionCookie(server.url, 'l2@example.com');
    const queue = await p50(`${server.url}/api/tickets?queue=unassigned_l2&limit=25`, cookie);
    const search = await p50(`${server.url}/api/tickets?q=printer+work&limit=25`, cookie);
    return { queue, search };
  } finally {
    await server?.stop();
    await removePersistDir(dir);
  }
}

const line = (name, value, unit) => console.log(`bench: ${name} = ${value} ${unit}`);
const small = await measure(1_000);
const large = await measure(100_000);
line('queue_list_p50_ms_1k', small.queue.toFixed(1), 'ms');
line('queue_list_p50_ms_100k', large.queue.toFixed(1), 'ms');
line('queue_list_ratio_100k_1k', (large.queue / small.queue).toFixed(2), 'x');
line('search_p50_ms_1k', small.search.toFixed(1), 'ms');
line('search_p50_ms_100k', large.search.toFixed(1), 'ms');
