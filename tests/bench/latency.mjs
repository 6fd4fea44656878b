// The median latency of one GET over one connection for a few seconds (wrk), in ms.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function p50(url, cookie) {
  const { stdout } = await run('wrk', ['-t1', '-c1', `-d${process.env.BENCH_SECONDS || '5'}s`, '--latency', '-H', `Cookie: ${cookie}`, url]);
  if (/Non-2xx or 3xx responses/.test(stdout)) throw new Error(`errors from ${url}`);
  const [, value, unit] = /^\s+50%\s+([\d.]+)(us|ms|s)$/m.exec(stdout);
  return Number(value) * { us: 0.001, ms: 1, s: 1000 }[unit];
}
