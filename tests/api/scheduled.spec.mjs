import { test, expect, signIn } from '../support/fixtures.mjs';
import { runsAt } from '../support/api.mjs';

// Sweep runs are operational records for supervisors and admins.
test.beforeEach(async ({ request }) => { await signIn(request, 'admin@example.com'); });

test('a cron tick at a chosen time records a run with that time as now', async ({ request }) => {
  // A distinct minute per test run, far from the wall clock.
  // In the past, so the sweep closes and sends nothing that other specs are still using.
  const scheduled = Date.UTC(2020, 0, 1, 9, 0) + (Date.now() % 100_000) * 60_000;
  const response = await request.get(`/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('* * * * *')}&time=${scheduled}`);
  expect(response.status()).toBe(200);

  const [run] = await runsAt(request, scheduled);
  expect(run).toMatchObject({ cron: '* * * * *', error: null });
  // How many tickets a run examines is checked exactly on a desk of its own
  // (fresh-deployment.spec.mjs); this shared desk's count depends on the other specs.
  const started = Date.parse(run.started_at);
  const finished = Date.parse(run.finished_at);
  expect(finished).toBeGreaterThanOrEqual(started);
  expect(Math.abs(started - Date.now())).toBeLessThan(60_000);
});

test('/__scheduled runs the sweep with the current time', async ({ request }) => {
  const before = Date.now();
  const response = await request.get(`/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
  expect(response.status()).toBe(200);
  const runs = await (await request.get('/api/sweep-runs')).json();
  expect(runs.some((run) => Date.parse(run.scheduled_at) >= before - 1000)).toBe(true);
});
