// Dashboard cost against the size of the desk: the default report (the last 30 days) on a
// desk of 1,000 and of 100,000 tickets, both spread over two years, plus a whole year and
// a filtered month (read from the raw rows, not the rollups) on the large desk. The sweep
// rolls up the days first, as it would have over those two years. One connection, so the
// figures are latency, not throughput.
// Prints `bench: <name> = <value> <unit>` lines.
import { p50 } from './latency.mjs';
import { d1, makePersistDir, migrate, removePersistDir, seedDemoData, startServer, sessionCookie } from '../support/server.mjs';

const TWO_YEARS = 730 * 86_400_000;
const now = Date.now();

// Tickets evenly over two years; those of the last week still open, the rest resolved
// with a response and a resolution result each (times and breaches like a real desk's).
const seedSql = (count) => `
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
INSERT INTO tickets (kind, status, tier, assignee_id, priority, channel, category_id, organisation_id, title, description,
                     reporter_name, reporter_email, reported_at, updated_at, rating)
SELECT 'incident',
       CASE WHEN ${now} - (${now} - ${TWO_YEARS} + i * ${Math.floor(TWO_YEARS / count)}) < 7 * 86400000
            THEN 'in_progress' ELSE 'closed' END,
       CASE i % 3 WHEN 0 THEN 'l1' WHEN 1 THEN 'l2' ELSE 'l3' END, 3 + i % 3, 'P' || (1 + i % 4),
       CASE i % 4 WHEN 0 THEN 'email' WHEN 1 THEN 'phone' ELSE 'portal' END, 1 + i % 6, 1 + i % 2,
       'Seeded problem ' || i, 'Seeded for the report benchmark.', 'Bench Customer ' || i, 'customer' || i || '@example.com',
       ${now} - ${TWO_YEARS} + i * ${Math.floor(TWO_YEARS / count)}, ${now - 600_000}, CASE WHEN i % 3 = 0 THEN 1 + i % 5 END
FROM n;
INSERT INTO sla_results (ticket_id, target, cycle, stopped_at, minutes, target_minutes, breached, priority, tier,
                         category_id, organisation_id, channel, agent_id, updated_at)
SELECT id, 'first_response', 0, reported_at + ((id * 37) % 150 + 5) * 60000, (id * 37) % 150 + 5, 90,
       (id * 37) % 150 + 5 >= 90, priority, tier, category_id, organisation_id, channel, assignee_id, ${now - 600_000}
FROM tickets WHERE status = 'closed';
INSERT INTO sla_results (ticket_id, target, cycle, stopped_at, minutes, target_minutes, breached, priority, tier,
                         category_id, organisation_id, channel, agent_id, updated_at)
SELECT id, 'resolution', 0, reported_at + ((id * 211) % 1800 + 60) * 60000, (id * 211) % 1800 + 60, 1440,
       (id * 211) % 1800 + 60 >= 1440, priority, tier, category_id, organisation_id, channel, assignee_id, ${now - 600_000}
FROM tickets WHERE status = 'closed';`;

/** Runs the sweep until it has rolled up every day; returns how many runs that took. */
async function rollUp(dir, url) {
  for (let runs = 1; ; runs += 1) {
    await fetch(`${url}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*&time=${Date.now()}`);
    const [{ results }] = JSON.parse(await d1(dir, 'execute', 'edgedesk', '--json', '--command', 'SELECT COUNT(*) AS n FROM report_dirty'));
    if (results[0].n === 0) return runs;
    if (runs > 200) throw new Error('the rollups do not finish');
  }
}

async function measure(count) {
  const dir = await makePersistDir();
  let server;
  try {
    await migrate(dir);
    await seedDemoData(dir);
    await d1(dir, 'execute', 'edgedesk', '--command', seedSql(count));
    server = await startServer(dir);
    const started = Date.now();
    const runs = await rollUp(dir, server.url);
    const rollup = (Date.now() - started) / 1000;
    const cookie = await sessionCookie(server.url, 'supervisor@example.com');
    const month = await p50(`${server.url}/api/reports/dashboard`, cookie);
    const yearFrom = new Date(now - 364 * 86_400_000).toISOString().slice(0, 10);
    const year = await p50(`${server.url}/api/reports/dashboard?from=${yearFrom}&to=${new Date(now).toISOString().slice(0, 10)}`, cookie);
    const filtered = await p50(`${server.url}/api/reports/dashboard?priority=P2`, cookie);
    return { month, year, filtered, runs, rollup };
  } finally {
    await server?.stop();
    await removePersistDir(dir);
  }
}

const line = (name, value, unit) => console.log(`bench: ${name} = ${value} ${unit}`);
const small = await measure(1_000);
const large = await measure(100_000);
line('report_dashboard_p50_ms_1k', small.month.toFixed(1), 'ms');
line('report_dashboard_p50_ms_100k', large.month.toFixed(1), 'ms');
line('report_dashboard_ratio_100k_1k', (large.month / small.month).toFixed(2), 'x');
line('report_dashboard_year_p50_ms_100k', large.year.toFixed(1), 'ms');
line('report_dashboard_filtered_p50_ms_100k', large.filtered.toFixed(1), 'ms');
line('report_rollup_two_years_s_100k', large.rollup.toFixed(1), 's');
line('report_rollup_sweeps_100k', large.runs, 'runs');
