// Starts and stops real `wrangler dev` servers (workerd + local D1/KV) for tests and
// benchmarks: each on a free loopback port with its own persistence directory.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'node_modules/.bin');
const ENV = {
  ...process.env,
  PATH: `${BIN}:${process.env.PATH}`,
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: 'true',
};

export async function makePersistDir() {
  return mkdtemp(path.join(tmpdir(), 'edgedesk-test-'));
}

export async function removePersistDir(dir) {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Runs `wrangler d1 ...` against the local database in `persistDir`; resolves to stdout.
 * A running server may hold the write lock for a moment: a busy database is tried again.
 */
export async function d1(persistDir, ...args) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { stdout } = await run(path.join(BIN, 'wrangler'), ['d1', ...args, '--local', '--persist-to', persistDir], {
        cwd: ROOT,
        env: ENV,
        maxBuffer: 16 * 1024 * 1024,
      });
      return stdout;
    } catch (error) {
      if (attempt >= 5 || !String(error.stderr ?? error.message).includes('SQLITE_BUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export async function migrate(persistDir) {
  await d1(persistDir, 'migrations', 'apply', 'edgedesk');
}

/** The demo organisations, accounts (password `demo-password`) and five tickets. */
export async function seedDemoData(persistDir) {
  await d1(persistDir, 'execute', 'edgedesk', '--file', path.join(ROOT, 'scripts/demo-seed.sql'));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts wrangler dev on `persistDir` (migrated, and seeded with demo data when asked) and
 * resolves once /api/health answers 200. Returns { url, stop, log }.
 */
export async function startServer(persistDir, { seed = false, vars = {}, config, timeoutMs = 60_000 } = {}) {
  await migrate(persistDir);
  if (seed) await seedDemoData(persistDir);
  const args = ['--test-scheduled', ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`])];
  if (config) args.push('--config', config);
  return startWrangler(persistDir, { args, healthPath: '/api/health', timeoutMs });
}

/**
 * Starts `wrangler dev --local` with `args` (another `--config`, say) on a free loopback
 * port and resolves once `healthPath` answers 200. Returns { url, stop, log }.
 */
export async function startWrangler(persistDir, { args = [], healthPath, timeoutMs = 60_000 }) {
  const port = await freePort();
  const child = spawn(
    path.join(BIN, 'wrangler'),
    ['dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistDir,
      '--show-interactive-dev-session=false', '--log-level', 'warn', '--var', `PUBLIC_URL:http://127.0.0.1:${port}`, ...args],
    { cwd: ROOT, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout.on('data', (chunk) => { log += chunk; });
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}${healthPath}`);
      if (response.status === 200) return { url, stop, log: () => log };
    } catch { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`wrangler dev did not become healthy on ${url}:\n${log}`);
}

/** Signs a demo account in on `url` and returns its session cookie (`name=value`). */
export async function sessionCookie(url, email) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  if (!login.ok) throw new Error(`signing in ${email} answered ${login.status}`);
  return login.headers.get('set-cookie').split(';')[0];
}
