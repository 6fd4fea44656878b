// What SLA support costs. The sweep on 1,000 and on 100,000 open tickets with 100 due each
// time (its cost should follow the tickets due, not the tickets open), and the bytes the
// time-zone rules add to the Worker and the SPA. Prints `bench: <name> = <value> <unit>`.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { ROOT, d1, makePersistDir, migrate, removePersistDir, seedDemoData, startServer, sessionCookie } from '../support/server.mjs';

const MINUTE = 60_000;
const DUE = 100;
const ROUNDS = 5;
const ROUND_GAP = 5 * MINUTE;
// The sweeps run at T, T + 5 min … T + 20 min (the median counts); the demo data never comes due.
const T = Date.UTC(2030, 0, 7, 9, 0);

// Open P3 tickets (2 h response). Group g (100 tickets) reaches 50 % of its response target
// a minute before round g, and 75 % only after the last round; everything else is due days
// later, so each round finds exactly 100.
const seedSql = (count) => `
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
INSERT INTO tickets (kind, status, tier, priority, title, description, reporter_name, reporter_email,
                     reported_at, updated_at, sla_target, sla_due_at, sla_next_step_at)
SELECT 'incident', 'new', 'l1', 'P3', 'Bench ticket ' || i, 'Nothing works.', 'Bench Customer', 'bench@example.com',
       reported, reported, 'first_response', reported + 120 * ${MINUTE},
       CASE WHEN i <= ${DUE * ROUNDS} THEN reported + 60 * ${MINUTE} ELSE ${T + 10 * 24 * 60 * MINUTE} END
FROM (SELECT i, CASE WHEN i <= ${DUE * ROUNDS}
                     THEN ${T} + ((i - 1) / ${DUE}) * ${ROUND_GAP} - 61 * ${MINUTE}
                     ELSE ${T} END AS reported FROM n);
INSERT INTO ticket_events (ticket_id, kind, actor, actor_name, at, data, version)
SELECT id, 'created', 'reporter', 'Bench Customer', reported_at,
       json_object('changes', json_array(json_object('field', 'status', 'before', NULL, 'after', 'new'))), 1
FROM tickets WHERE title LIKE 'Bench ticket %' AND reported_at < ${T};`;

async function measure(count) {
  const dir = await makePersistDir();
  let server;
  try {
    await migrate(dir);
    await seedDemoData(dir);
    await d1(dir, 'execute', 'edgedesk', '--command', seedSql(count));
    server = await startServer(dir);
    const cookie = await sessionCookie(server.url, 'admin@example.com');
    // First sweeps with nothing due warm the Worker up and roll up the seeded days for the
    // reports, as the minutes after the seed would have: the rounds measure a steady state.
    let warmUp = T - 60 * MINUTE;
    do {
      await fetch(`${server.url}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*&time=${warmUp}`);
      warmUp += MINUTE;
    } while (JSON.parse(await d1(dir, 'execute', 'edgedesk', '--json', '--command',
      'SELECT COUNT(*) AS n FROM report_dirty'))[0].results[0].n > 0);
    const durations = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const when = T + round * ROUND_GAP;
      const started = performance.now();
      const response = await fetch(`${server.url}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*&time=${when}`);
      durations.push(performance.now() - started);
      if (!response.ok) throw new Error(`sweep answered ${response.status}`);
      const runs = await (await fetch(`${server.url}/api/sweep-runs`, { headers: { cookie } })).json();
      const run = runs.find((candidate) => Date.parse(candidate.scheduled_at) === when);
      if (run?.tickets_examined !== DUE || run.sla_warnings !== DUE || run.error) {
        throw new Error(`round ${round} on ${count} tickets: ${JSON.stringify(run)}`);
      }
    }
    return durations.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
  } finally {
    await server?.stop();
    await removePersistDir(dir);
  }
}

/** The SPA's wasm, under its content-hashed name. */
async function spaWasm() {
  return (await readdir(path.join(ROOT, 'dist/assets'))).find((name) => name.endsWith('.wasm'));
}

/** Brotli bytes of the zone table (names and rules), and whether a build carries it. */
async function tzData() {
  const table = await readFile(path.join(ROOT, 'domain/src/sla/zones.rs'), 'utf8');
  const pairs = [...table.matchAll(/\("([^"]+)", "([^"]+)"\)/g)];
  const raw = Buffer.from(pairs.map(([, name, rule]) => name + rule).join(''));
  const bytes = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const carries = async (file) => (await readFile(path.join(ROOT, file))).includes('CET-1CEST,M3.5.0,M10.5.0/3');
  return {
    worker: (await carries('worker/build/index_bg.wasm')) ? bytes : 0,
    spa: (await carries(path.join('dist/assets', await spaWasm()))) ? bytes : 0,
  };
}

const line = (name, value, unit) => console.log(`bench: ${name} = ${value} ${unit}`);
const small = await measure(1_000);
const large = await measure(100_000);
line('sla_sweep_ms_1k', small.toFixed(1), 'ms');
line('sla_sweep_ms_100k', large.toFixed(1), 'ms');
line('sla_sweep_ratio_100k_1k', (large / small).toFixed(2), 'x');
const tz = await tzData();
line('tz_data_bytes_worker', tz.worker, 'bytes');
line('tz_data_bytes_spa', tz.spa, 'bytes');
line('tz_data_bytes', tz.worker + tz.spa, 'bytes');
