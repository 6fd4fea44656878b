// API throughput and latency on a real wrangler dev server with 1,000 tickets seeded, the
// cost of a sign-in, and the same three requests against a bare workers-rs Worker (one D1
// statement each, tests/bench/peer/) on the same workerd, as overhead ratios of the p50s.
// wrk runs on the same 2 cores as workerd, so figures are for comparing commits, not SLOs.
// Prints `bench: <name> = <value> <unit>` lines.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { base64Lines, deliver, fixture, messageId, received } from '../support/mail.mjs';
import { d1, makePersistDir, migrate, removePersistDir, seedDemoData, startServer, startWrangler, ROOT, sessionCookie } from '../support/server.mjs';

const run = promisify(execFile);
const SEEDED = 1000;
const DURATION = process.env.BENCH_SECONDS || '10';

const SEED_SQL = `
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SEEDED})
INSERT INTO tickets (kind, title, description, reporter_name, reporter_email, reported_at, updated_at)
SELECT 'incident', 'Seeded ticket ' || i, 'Seeded for the benchmark.', 'Bench Customer ' || i,
       'customer' || i || '@example.com', 1700000000000 + i * 60000, 1700000000000 + i * 60000
FROM n;`;

function toMs(text) {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
  if (!match) throw new Error(`unexpected wrk latency ${text}`);
  const factor = { us: 0.001, ms: 1, s: 1000 }[match[2]];
  return Number(match[1]) * factor;
}

async function wrk(url, extra = [], seconds = DURATION) {
  const { stdout } = await run('wrk', ['-t2', '-c10', `-d${seconds}s`, '--latency', ...extra, url]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)[1]);
  const percentile = (p) => toMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(stdout)[1]);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(stdout);
  if (non2xx) throw new Error(`wrk saw ${non2xx[1]} error responses from ${url}`);
  return { rps, p50: percentile(50), p99: percentile(99) };
}

const line = (name, value, unit) => console.log(`bench: ${name} = ${value} ${unit}`);

const PEER_CONFIG = path.join(ROOT, 'tests/bench/peer/wrangler.toml');
const PEER_SEED_SQL = `
CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL,
                    priority TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX items_by_update ON items (updated_at DESC);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SEEDED})
INSERT INTO items (title, status, priority, updated_at)
SELECT 'Seeded item ' || i, 'new', 'p3', 1700000000000 + i * 60000 FROM n;`;

/** The bare Worker on its own database, seeded like the desk. */
async function startPeer(dir) {
  await d1(dir, 'execute', 'peer', '--config', PEER_CONFIG, '--command', PEER_SEED_SQL);
  return startWrangler(dir, { args: ['--config', PEER_CONFIG], healthPath: '/health' });
}

/** Measures our request and the peer's one after the other and prints both and the ratio. */
async function compare(name, ours, peer) {
  const mine = await wrk(...ours);
  const bare = await wrk(...peer);
  line(`api_${name}_rps`, mine.rps.toFixed(0), 'req/s');
  line(`api_${name}_p50_ms`, mine.p50.toFixed(1), 'ms');
  line(`api_${name}_p99_ms`, mine.p99.toFixed(1), 'ms');
  line(`peer_${name}_p50_ms`, bare.p50.toFixed(1), 'ms');
  line(`api_${name}_overhead_ratio`, (mine.p50 / bare.p50).toFixed(2), 'x');
}

/**
 * How many sequential D1 round trips each measured request makes (its Server-Timing): the
 * first read of a session on an isolate, then reads by a caller the isolate remembers.
 */
async function roundTrips(url, cookie) {
  const trips = (response) => Number(/round trips: (\d+)/.exec(response.headers.get('server-timing'))[1]);
  const headers = { cookie, origin: url, 'content-type': 'application/json' };
  line('d1_round_trips_first_read', trips(await fetch(`${url}/api/tickets?limit=50`, { headers })), 'round trips');
  const list = await fetch(`${url}/api/tickets?limit=50`, { headers });
  line('d1_round_trips_list', trips(list), 'round trips');
  const page = await fetch(`${url}/api/tickets/500`, { headers });
  line('d1_round_trips_ticket_page', trips(page), 'round trips');
  const { ticket } = await page.json();
  const step = await fetch(`${url}/api/tickets/500/actions`, {
    method: 'POST', headers, body: JSON.stringify({ action: 'set_status', status: 'in_progress', version: ticket.version }),
  });
  if (step.status !== 200) throw new Error(`the measured step answered ${step.status}: ${await step.text()}`);
  line('d1_round_trips_step', trips(step), 'round trips');
  const create = await fetch(`${url}/api/tickets`, {
    method: 'POST', headers, body: JSON.stringify({ name: 'Bench', email: 'bench@example.com', title: 'Round trips', description: 'Counted once.' }),
  });
  line('d1_round_trips_create', trips(create), 'round trips');
}

const dir = await makePersistDir();
let server;
let peer;
try {
  await migrate(dir);
  await seedDemoData(dir);
  await d1(dir, 'execute', 'edgedesk', '--command', SEED_SQL);
  server = await startServer(dir);
  const agentCookie = await sessionCookie(server.url, 'l1@example.com');

  const peerDir = await makePersistDir();
  try {
    peer = await startPeer(peerDir);
    const cookie = ['-H', `Cookie: ${agentCookie}`];
    await roundTrips(server.url, agentCookie);
    await compare('list', [`${server.url}/api/tickets?limit=50`, cookie], [`${peer.url}/items`]);
    await compare('page', [`${server.url}/api/tickets/500`, cookie], [`${peer.url}/items/500`]);
    // As an agent: the public form's per-address limit would otherwise stop wrk at 30.
    await compare('create',
      [`${server.url}/api/tickets`, ['-s', path.join(ROOT, 'tests/bench/create.lua'), ...cookie]],
      [`${peer.url}/items`, ['-s', path.join(ROOT, 'tests/bench/peer-create.lua')]]);
  } finally {
    await peer?.stop();
    await removePersistDir(peerDir);
  }

  // Monitoring: repeats of an open alert, from an integration's token.
  const admin = await sessionCookie(server.url, 'admin@example.com');
  const created = await fetch(`${server.url}/api/admin/tokens`, {
    method: 'POST', headers: { cookie: admin, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench monitoring', scopes: ['alerts:write'] }),
  });
  const { token } = await created.json();
  const alerts = await wrk(`${server.url}/api/alerts`,
    ['-s', path.join(ROOT, 'tests/bench/alert.lua'), '-H', `Authorization: Bearer ${token}`]);
  line('alerts_ingest_rps', alerts.rps.toFixed(0), 'req/s');
  line('alerts_ingest_p50_ms', alerts.p50.toFixed(1), 'ms');

  // Mail to the desk, one message at a time through the local Email Routing endpoint:
  // first mails (each opens a ticket) from distinct senders, then replies threaded by the
  // subject's number. Includes wrangler's own handling of the local endpoint.
  const latency = async (raw, from) => {
    const started = performance.now();
    const delivered = await deliver(raw, from, server.url);
    if (delivered.rejectReason) throw new Error(`mail refused: ${delivered.rejectReason}`);
    return performance.now() - started;
  };
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const opened = [];
  const replies = [];
  for (let n = 0; n < 60; n += 1) {
    const from = `bench-${n}@mail.example`;
    const first = messageId();
    opened.push(await latency(await fixture('new-danish-qp', { FROM: from, MESSAGE_ID: first }), from));
    const ticket = (await received(first, dir)).ticket_id;
    const subject = `Re: [INC-${String(ticket).padStart(6, '0')}] Lønsedlen`;
    replies.push(await latency(await fixture('reply-gmail-base64', {
      FROM: from, SUBJECT: subject, MESSAGE_ID: messageId(), IN_REPLY_TO: '', REFERENCES: '',
      TEXT_BASE64: base64Lines('Tak.\n\nOn Thu, 3 Dec 2026, Support wrote:\n> Hej'),
    }), from));
  }
  line('email_ingest_p50_ms', median(opened).toFixed(1), 'ms');
  line('email_reply_p50_ms', median(replies).toFixed(1), 'ms');

  // One connection: the cost of one sign-in (PBKDF2 at the configured iterations, a
  // session row), not throughput.
  const signIn = await wrk(`${server.url}/api/auth/login`,
    ['-s', path.join(ROOT, 'tests/bench/login.lua'), '-t1', '-c1'], '5');
  line('login_p50_ms', signIn.p50.toFixed(1), 'ms');
  line('login_p99_ms', signIn.p99.toFixed(1), 'ms');
} finally {
  await server?.stop();
  await removePersistDir(dir);
}
