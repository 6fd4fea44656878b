// The console's lists: every order pages without gaps or repeats, the sidebar counts what
// its queues list, and the unread marker follows what each agent has opened. On a desk of
// its own, so counts are exact.
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { createTicket, expectError, step } from '../support/api.mjs';
import { makePersistDir, removePersistDir, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

let dir;
let server;
const people = {};

test.beforeAll(async () => {
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true });
  for (const email of ['l1@example.com', 'l2@example.com', 'supervisor@example.com', 'customer@example.com']) {
    people[email] = await playwrightRequest.newContext({ baseURL: server.url });
    await signIn(people[email], email);
  }
});

test.afterAll(async () => {
  for (const context of Object.values(people)) await context.dispose();
  await server?.stop();
  if (dir) await removePersistDir(dir);
});

/** Every row of a list, walking the API's own cursors `limit` at a time. */
async function walk(context, query, limit = 2) {
  const rows = [];
  let cursor = '';
  for (let pages = 0; pages < 50; pages += 1) {
    const response = await context.get(`/api/tickets?${query}&limit=${limit}&cursor=${cursor}`);
    expect(response.status(), await response.text()).toBe(200);
    const page = await response.json();
    rows.push(...page.items);
    if (!page.next_cursor) return rows;
    cursor = page.next_cursor;
  }
  throw new Error('the cursor never ended');
}

async function counts(context) {
  const response = await context.get('/api/queues');
  expect(response.status()).toBe(200);
  return Object.fromEntries((await response.json()).map(({ queue, count }) => [queue, count]));
}

test('every order pages through the whole desk in order, without gaps or repeats', async () => {
  const l1 = people['l1@example.com'];
  // Priorities P1..P4 and none; one ticket changed last.
  const made = [];
  for (const [impact, urgency] of [['high', 'high'], ['low', 'low'], [null, null], ['medium', 'high'], ['high', 'low']]) {
    const data = report();
    const created = await createTicket(l1, data);
    if (impact) await step(l1, created.id, { action: 'triage', version: 1, kind: 'incident', impact, urgency });
    made.push(created);
  }
  await step(l1, made[2].id, { action: 'note', body: 'touched last' });

  const everything = await walk(l1, 'queue=all&sort=newest', 100);
  const rank = (p) => p ?? 'P9';
  const expectations = {
    newest: (a, b) => b.id - a.id,
    oldest: (a, b) => a.id - b.id,
    updated: (a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at) || b.id - a.id,
    priority: (a, b) => rank(a.priority).localeCompare(rank(b.priority)) || b.id - a.id,
    due: (a, b) => (a.sla ? Date.parse(a.sla.due_at) : Infinity) - (b.sla ? Date.parse(b.sla.due_at) : Infinity) || a.id - b.id,
  };
  for (const [sort, compare] of Object.entries(expectations)) {
    const rows = await walk(l1, `queue=all&sort=${sort}`);
    expect(rows.map((r) => r.id), sort).toEqual([...everything].sort(compare).map((r) => r.id));
  }
  const updated = await walk(l1, 'queue=all&sort=updated');
  expect(updated[0].id).toBe(made[2].id);
  await expectError(await l1.get('/api/tickets?sort=sideways'), 422, 'invalid_value');
});

test('the sidebar counts exactly what each queue lists, per caller', async () => {
  const l1 = people['l1@example.com'];
  const l2 = people['l2@example.com'];
  const ticket = await createTicket(l1, report());
  await step(l1, ticket.id, { action: 'escalate', version: 1, tier: 'l2', reason: 'Needs L2' });
  await step(l2, ticket.id, { action: 'take', version: 2 });
  await step(l2, ticket.id, { action: 'reply', body: 'Can you send a screenshot?', wait_for_customer: true });

  for (const email of ['l1@example.com', 'l2@example.com', 'supervisor@example.com']) {
    const context = people[email];
    const sidebar = await counts(context);
    for (const [queue, count] of Object.entries(sidebar)) {
      if (count === null) continue;
      const listed = await walk(context, `queue=${queue}`, 100);
      expect(listed.length, `${email} ${queue}`).toBe(count);
    }
  }
  const l2Sidebar = await counts(l2);
  expect(l2Sidebar.mine).toBe(1);
  expect(l2Sidebar.pending_customer).toBeGreaterThanOrEqual(1);
  // Agents see their own tier's unassigned queue; leads see every tier's.
  expect(Object.keys(l2Sidebar)).toEqual(['mine', 'unassigned_l2', 'breaching_soon', 'pending_customer', 'l1', 'l2', 'l3', 'major', 'all']);
  expect(Object.keys(await counts(people['supervisor@example.com'])))
    .toEqual(['mine', 'unassigned_l1', 'unassigned_l2', 'unassigned_l3', 'breaching_soon', 'pending_customer', 'l1', 'l2', 'l3', 'major', 'all']);
});

test('unread marks what others did since each agent last opened the ticket; customers never get it', async () => {
  const l1 = people['l1@example.com'];
  const l2 = people['l2@example.com'];
  const customer = people['customer@example.com'];
  const ticket = await createTicket(customer, report({ email: 'customer@example.com' }));
  const row = async (context) => (await walk(context, 'queue=all', 100)).find((r) => r.id === ticket.id);

  expect((await row(l1)).unread).toBe(true);
  // Opening the page marks it read just after the answer (the page itself is a pure read).
  await l1.get(`/api/tickets/${ticket.id}`);
  await expect.poll(async () => (await row(l1)).unread).toBe(false);
  expect((await row(l2)).unread).toBe(true);

  // L1's own note is not news to L1, but is to L2.
  await step(l1, ticket.id, { action: 'note', body: 'checking' });
  expect((await row(l1)).unread).toBe(false);
  await l2.get(`/api/tickets/${ticket.id}`);
  await expect.poll(async () => (await row(l2)).unread).toBe(false);

  // The customer answers: news for both, and the row says the customer spoke last.
  await step(customer, ticket.id, { action: 'reply', body: 'Still   broken\n\nafter restart' });
  const seen = await row(l1);
  expect(seen.unread).toBe(true);
  expect(seen.last_reply).toEqual({ text: 'Still broken after restart', from_customer: true });
  expect((await row(l2)).unread).toBe(true);

  const own = (await walk(customer, 'queue=all', 100)).find((r) => r.id === ticket.id);
  expect(own.unread).toBe(false);
  expect(own.sla).toBeUndefined();
  expect(JSON.stringify(own)).not.toContain('checking');
});
