import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { createTicket, expectError } from '../support/api.mjs';

// Listing and reading tickets is for staff; an L1 agent sees them all.
test.beforeEach(async ({ request }) => { await signIn(request, 'l1@example.com'); });

test('lists newest first with keyset cursors, no gaps and no repeats', async ({ request }) => {
  const created = [];
  for (let i = 0; i < 7; i += 1) created.push(await createTicket(request, report()));

  const seen = [];
  let cursor = '';
  let pages = 0;
  do {
    const response = await request.get(`/api/tickets?limit=3&cursor=${cursor}`);
    expect(response.status()).toBe(200);
    const page = await response.json();
    expect(page.items.length).toBeLessThanOrEqual(3);
    if (page.next_cursor) expect(page.items.length).toBe(3);
    seen.push(...page.items.map((t) => t.id));
    cursor = page.next_cursor ?? '';
    pages += 1;
  } while (cursor);

  expect(pages).toBeGreaterThanOrEqual(3);
  expect(new Set(seen).size).toBe(seen.length);
  expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  for (const ticket of created) expect(seen).toContain(ticket.id);
});

test('list rows carry what the console shows and nothing more', async ({ request }) => {
  const data = report();
  const created = await createTicket(request, data);
  const page = await (await request.get('/api/tickets?limit=100')).json();
  const row = page.items.find((t) => t.id === created.id);
  expect(row).toEqual({
    id: created.id,
    number: created.number,
    kind: 'incident',
    status: 'new',
    title: data.title,
    reporter_name: data.name,
    reported_at: created.reported_at,
    priority: null,
    tier: 'l1',
    assignee: null,
    is_major: false,
    organisation: null,
    updated_at: created.reported_at,
    last_reply: null,
    // L1 logged it: nothing happened since that L1 has not seen.
    unread: false,
    // The most urgent SLA clock: the 2 h response target of an untriaged ticket.
    sla: { target: 'first_response', due_at: new Date(Date.parse(created.reported_at) + 2 * 3600_000).toISOString(), level: 0 },
  });
});

test('limit and cursor are validated', async ({ request }) => {
  for (const limit of ['0', '101', 'ten', '-3']) {
    const body = await expectError(await request.get(`/api/tickets?limit=${limit}`), 400, 'invalid_limit');
    expect(body.field).toBe('limit');
  }
  for (const cursor of ['abc', '0', '1.5']) {
    await expectError(await request.get(`/api/tickets?cursor=${cursor}`), 400, 'invalid_cursor');
  }
  const full = await request.get('/api/tickets?limit=100');
  expect(full.status()).toBe(200);
});
