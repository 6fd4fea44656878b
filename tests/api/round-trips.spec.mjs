// Deployed, every D1 round trip goes to the region of the D1 primary, so round trips, not
// CPU, set the latency a user feels. Every answer says how many it took (`Server-Timing:
// d1;desc="round trips: N"`); these budgets keep the count from creeping back: a read is who
// is calling plus one batch, a step or a new ticket at most one more. A read by a caller
// the isolate remembers proves who is calling inside its one batch (README, "Round trips").
import { test, expect, report } from '../support/fixtures.mjs';
import { createTicket, signedIn } from '../support/api.mjs';

const READ = 2;
const WRITE = 3;

function roundTrips(response) {
  const timing = response.headers()['server-timing'] ?? '';
  const match = /\bd1;desc="round trips: (\d+)"/.exec(timing);
  expect(match, `Server-Timing of ${response.url()}: ${timing}`).not.toBeNull();
  return Number(match[1]);
}

async function expectWithin(response, budget, status = 200) {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  const trips = roundTrips(response);
  expect(trips, `round trips of ${response.url()}`).toBeLessThanOrEqual(budget);
  return trips;
}

test('the count is real: a ticket page takes D1 round trips, and the health check exactly one', async ({ request }) => {
  await expectWithin(await request.get('/api/health'), 1);
  expect(roundTrips(await request.get('/api/health'))).toBe(1);
  const agent = await signedIn('l1@example.com');
  const created = await createTicket(agent, report());
  expect(roundTrips(await agent.get(`/api/tickets/${created.id}`))).toBeGreaterThanOrEqual(1);
});

test('staff reads: who is calling, then one batch', async () => {
  const agent = await signedIn('l1@example.com');
  const created = await createTicket(agent, report());
  for (const path of [
    '/api/tickets?limit=50',
    '/api/tickets?queue=mine&sort=due',
    `/api/tickets/${created.id}`,
    '/api/queues',
    '/api/agents',
    '/api/categories',
    '/api/canned-replies',
    '/api/me',
    '/api/session',
    '/api/suggestions?q=printer',
    `/api/status/${created.status_token}`,
    '/api/reports/dashboard',
  ]) {
    await expectWithin(await agent.get(path), READ);
  }
  const admin = await signedIn('admin@example.com');
  for (const path of [
    '/api/admin/users', '/api/admin/outbox', '/api/admin/rules', '/api/admin/sla', '/api/admin/categories',
    '/api/admin/tokens', '/api/admin/organisations', '/api/sweep-runs',
  ]) {
    await expectWithin(await admin.get(path), READ);
  }
});

test('reads by a caller the Worker remembers take one round trip', async () => {
  const agent = await signedIn('l2@example.com');
  const created = await createTicket(agent, report());
  await expectWithin(await agent.get('/api/me'), READ);
  for (const path of ['/api/tickets?limit=50', `/api/tickets/${created.id}`, '/api/queues', '/api/agents', '/api/me',
    '/api/reports/dashboard']) {
    expect(await expectWithin(await agent.get(path), READ), path).toBe(1);
  }
});

test('customer and anonymous reads stay within two round trips', async ({ request }) => {
  const customer = await signedIn('customer@example.com');
  const created = await createTicket(customer, report());
  for (const path of [`/api/tickets/${created.id}`, '/api/tickets?limit=20', '/api/kb', '/api/categories']) {
    await expectWithin(await customer.get(path), READ);
  }
  const anonymous = await createTicket(request, report());
  await expectWithin(await request.get(`/api/status/${anonymous.status_token}`), READ);
  // A step through a status link: the link, its attempt and the ticket in one batch.
  const linkStep = await request.post(`/api/status/${anonymous.status_token}/actions`, {
    data: { action: 'reply', body: 'One more detail.' },
  });
  await expectWithin(linkStep, WRITE);
});

test('a step stores and answers the page in three round trips, whatever it names', async () => {
  const agent = await signedIn('l1@example.com');
  const created = await createTicket(agent, report());
  const page = async () => (await agent.get(`/api/tickets/${created.id}`)).json();
  const steps = [
    { action: 'reply', body: 'Looking into it.' },
    { action: 'note', body: 'Internal: checked the spooler.' },
  ];
  for (const body of steps) {
    await expectWithin(await agent.post(`/api/tickets/${created.id}/actions`, { data: body }), WRITE);
  }
  const categories = await (await agent.get('/api/categories')).json();
  const { ticket } = await page();
  await expectWithin(await agent.post(`/api/tickets/${created.id}/actions`, {
    data: { action: 'set_category', category_id: categories[0].id, version: ticket.version },
  }), WRITE);
  const current = (await page()).ticket;
  await expectWithin(await agent.post(`/api/tickets/${created.id}/actions`, {
    data: { action: 'auto_assign', version: current.version },
  }), WRITE);
});

test('a new ticket is stored in at most three round trips', async () => {
  const agent = await signedIn('l1@example.com');
  await expectWithin(await agent.post('/api/tickets', { data: report() }), WRITE, 201);
  const customer = await signedIn('customer@example.com');
  await expectWithin(await customer.post('/api/tickets', { data: report() }), WRITE, 201);
});

test('signing in takes the attempts and the account, then the session: two round trips', async ({ playwright }) => {
  const browser = await playwright.request.newContext({ baseURL: process.env.EDGEDESK_URL });
  const first = await browser.post('/api/auth/login', { data: { email: 'l2@example.com', password: 'demo-password' } });
  expect(await expectWithin(first, 2)).toBe(2);
  // Signing in again from a signed-in browser also ends its old session: one more, to find it.
  const again = await browser.post('/api/auth/login', { data: { email: 'l2@example.com', password: 'demo-password' } });
  await expectWithin(again, WRITE);
  await browser.dispose();
});

// D1 read replication: every answer carries the session's bookmark, and a request that
// sends one back is served no older than it (bookmarks order as strings).
test('answers carry a D1 bookmark; a request after a bookmark reads at least that fresh', async () => {
  const agent = await signedIn('l1@example.com');
  const created = await createTicket(agent, report());
  const reply = await agent.post(`/api/tickets/${created.id}/actions`, { data: { action: 'reply', body: 'On it.' } });
  expect(reply.status()).toBe(200);
  const written = reply.headers()['x-d1-bookmark'];
  expect(written).toMatch(/^[0-9a-f-]+$/);
  const read = await agent.get(`/api/tickets/${created.id}`, { headers: { 'X-D1-Bookmark': written } });
  expect(read.status()).toBe(200);
  expect(read.headers()['x-d1-bookmark'] >= written).toBe(true);
  const { timeline } = await read.json();
  expect(timeline.map((entry) => entry.text)).toContain('On it.');
});

test('a malformed bookmark is ignored, never an error', async ({ request }) => {
  for (const bookmark of ['not a bookmark', 'x'.repeat(500), '-', '0'.repeat(200)]) {
    const response = await request.get('/api/kb', { headers: { 'X-D1-Bookmark': bookmark } });
    expect(response.status(), bookmark).toBe(200);
  }
});
