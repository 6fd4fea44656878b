// A deployment of its own: an empty database, then tickets, then a restart.
import { request as http } from '@playwright/test';
import { test, expect, openApp, expectAccessible, report, signIn } from '../support/fixtures.mjs';
import { createTicket, sweepAt } from '../support/api.mjs';
import { d1, makePersistDir, migrate, removePersistDir, seedDemoData, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

let dir;
let server;
let api;

async function start() {
  server = await startServer(dir);
  api = await http.newContext({ baseURL: server.url });
  await signIn(api, 'admin@example.com');
}

async function stop() {
  await api?.dispose();
  await server?.stop();
}

test.beforeAll(async () => {
  // Migrating, seeding and starting a desk of its own takes a while on a busy 2-core machine.
  test.setTimeout(180_000);
  // The demo accounts, but no tickets: an empty desk someone can sign in to.
  dir = await makePersistDir();
  await migrate(dir);
  await seedDemoData(dir);
  await d1(dir, 'execute', 'edgedesk', '--command', 'DELETE FROM ticket_events; DELETE FROM tickets;');
  await start();
});

test.afterAll(async () => {
  await stop();
  await removePersistDir(dir);
});

test('an empty console says so, accessibly', async ({ page }) => {
  await signIn(page.request, 'l1@example.com', server.url);
  await openApp(page, `${server.url}/console`);
  await expect(page.getByText('Nothing is assigned to you. Take a ticket from an unassigned queue.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'All' }).click();
  await expect(page.getByText('No tickets yet. New reports appear here.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);
});

test('the sweep examines exactly the tickets with an SLA step due', async () => {
  expect((await sweepAt(api, Date.UTC(2030, 5, 1, 8, 0))).tickets_examined).toBe(0);
  await createTicket(api, report());
  await createTicket(api, report());
  expect((await sweepAt(api, Date.UTC(2030, 5, 1, 8, 1))).tickets_examined).toBe(2);
});

test('tickets and sweep runs survive a restart of the dev server', async ({ page }) => {
  const created = await createTicket(api, report({ title: 'Survives restarts' }));
  const before = await (await api.get(`/api/tickets/${created.id}`)).json();

  await stop();
  await start();

  const after = await api.get(`/api/tickets/${created.id}`);
  expect(after.status()).toBe(200);
  // The SLA clocks are computed at each request: time used moves on, deadlines stay.
  const { sla: clocksBefore, ...storedBefore } = before;
  const { sla: clocksAfter, ...storedAfter } = await after.json();
  expect(storedAfter).toEqual(storedBefore);
  expect(clocksAfter.clocks.map((clock) => clock.due_at)).toEqual(clocksBefore.clocks.map((clock) => clock.due_at));
  expect(await (await api.get('/api/sweep-runs')).json()).toHaveLength(2);

  await signIn(page.request, 'l1@example.com', server.url);
  await openApp(page, `${server.url}/console?queue=all`);
  await expect(page.getByRole('row', { name: /Survives restarts/ })).toBeVisible();
});

test('sign-ups are limited per address', async () => {
  // Thirty an hour from one address (each may send a mail); this server is ours alone.
  const visitor = await http.newContext({ baseURL: server.url });
  const ask = (i) => visitor.post('/api/auth/signup', {
    data: { name: `Visitor ${i}`, email: `visitor-${i}-${Date.now()}@example.com`, password: 'a fine long password' },
  });
  for (let i = 0; i < 30; i += 1) expect((await ask(i)).status()).toBe(202);
  const refused = await ask(30);
  expect(refused.status()).toBe(429);
  expect((await refused.json()).code).toBe('rate_limited');
  await visitor.dispose();
});

test.describe('the public form', () => {
  test.use({ expectedConsoleErrors: [/status of 429/] });

  test('is limited per address, and the form says so and keeps the text', async ({ page }) => {
    // Thirty anonymous reports an hour from one address; this server is ours alone.
    const anonymous = await http.newContext({ baseURL: server.url });
    let status = 201;
    for (let i = 0; i < 30 && status === 201; i += 1) {
      status = (await anonymous.post('/api/tickets', { data: report() })).status();
    }
    expect(status).toBe(201);
    const refused = await anonymous.post('/api/tickets', { data: report() });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
    await anonymous.dispose();

    await openApp(page, `${server.url}/`);
    await page.getByLabel('Your name').fill('Flood Gate');
    await page.getByLabel('Email').fill('flood@example.com');
    await page.getByLabel('Short summary').fill('One too many');
    await page.getByLabel('What happened?').fill('Kept after refusal');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.getByRole('alert')).toContainText('Too many attempts. Please wait a while and try again.');
    await expect(page.getByLabel('What happened?')).toHaveValue('Kept after refusal');
  });
});
