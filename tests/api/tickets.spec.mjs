import { request as http } from '@playwright/test';
import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { allTickets, createTicket, expectError } from '../support/api.mjs';

// Listing and reading tickets is for staff; an L1 agent sees them all.
test.beforeEach(async ({ request }) => { await signIn(request, 'l1@example.com'); });

test('a valid report is stored and answered with its id and number', async ({ request }) => {
  const before = Date.now();
  const data = report({ phone: '+45 12 34 56 78', symptoms: 'Beeps twice' });
  const created = await createTicket(request, data);
  expect(created.id).toBeGreaterThan(0);
  expect(created.number).toBe(`INC-${String(created.id).padStart(6, '0')}`);
  const reportedAt = Date.parse(created.reported_at);
  expect(reportedAt).toBeGreaterThanOrEqual(before - 1000);
  expect(reportedAt).toBeLessThanOrEqual(Date.now() + 1000);

  const response = await request.get(`/api/tickets/${created.id}`);
  expect(response.status()).toBe(200);
  const { ticket, timeline, calls } = await response.json();
  expect(ticket).toEqual({
    id: created.id,
    number: created.number,
    kind: 'incident',
    status: 'new',
    title: data.title,
    description: data.description,
    symptoms: 'Beeps twice',
    reporter: { name: data.name, email: data.email, phone: '+45 12 34 56 78' },
    reported_at: created.reported_at,
    status_link_active: true,
    priority: null,
    category: null,
    resolution: null,
    resolved_at: null,
    closes_at: null,
    rating: null,
    version: 1,
    channel: 'portal',
    affected_service: null,
    answers: [],
    work: expect.objectContaining({ id: created.id, status: 'new', tier: 'l1', assignee: null, version: 1 }),
  });
  expect(timeline).toEqual([expect.objectContaining({ kind: 'created', actor: 'Lise Lund (L1)', public: true })]);
  expect(calls).toEqual([]);
});

test('text is trimmed and kept exactly otherwise, markup included', async ({ request }) => {
  const hostile = '<img src=x onerror="alert(1)"> & "quotes"';
  const created = await createTicket(request, report({ name: '  Bob  ', description: hostile }));
  const { ticket } = await (await request.get(`/api/tickets/${created.id}`)).json();
  expect(ticket.reporter.name).toBe('Bob');
  expect(ticket.description).toBe(hostile);
  expect(ticket.symptoms).toBeNull();
});

test('invalid reports get every field error and store nothing', async ({ request }) => {
  const title = `Should not be stored ${Date.now()}`;
  const response = await request.post('/api/tickets', {
    data: { name: '', email: 'not-an-email', title, description: 'x', phone: 'call me' },
  });
  const body = await expectError(response, 422, 'required');
  expect(body.field).toBe('name');
  expect(body.errors.map((e) => [e.field, e.code])).toEqual([
    ['name', 'required'],
    ['email', 'invalid_email'],
    ['phone', 'invalid_phone'],
  ]);
  expect((await allTickets(request)).some((t) => t.title === title)).toBe(false);
});

test('length limits are enforced by the server', async ({ request }) => {
  const response = await request.post('/api/tickets', { data: report({ title: 'x'.repeat(151) }) });
  const body = await expectError(response, 422, 'too_long');
  expect(body.field).toBe('title');
});

test('a missing ticket is a JSON 404', async ({ request }) => {
  for (const id of ['999999999', 'abc', '0', '-1']) {
    await expectError(await request.get(`/api/tickets/${id}`), 404, 'not_found');
  }
});

test('staff revoke a status link and it stops working at once', async ({ request, baseURL }) => {
  const anonymous = await http.newContext({ baseURL });
  const created = await (await anonymous.post('/api/tickets', { data: report() })).json();
  expect((await anonymous.get(`/api/status/${created.status_token}`)).status()).toBe(200);

  expect((await request.delete(`/api/tickets/${created.id}/status-link`)).status()).toBe(204);
  await expectError(await anonymous.get(`/api/status/${created.status_token}`), 404, 'not_found');
  expect((await (await request.get(`/api/tickets/${created.id}`)).json()).ticket.status_link_active).toBe(false);
  expect((await request.delete(`/api/tickets/${created.id}/status-link`)).status()).toBe(204);
  await anonymous.dispose();
});

test('customers cannot revoke status links', async ({ baseURL }) => {
  const customer = await http.newContext({ baseURL });
  await signIn(customer, 'customer@example.com');
  await expectError(await customer.delete('/api/tickets/1/status-link'), 403, 'forbidden');
  await expectError(await customer.delete('/api/tickets/4/status-link'), 404, 'not_found');
  await customer.dispose();
});
