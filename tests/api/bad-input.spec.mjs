import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { allTickets, expectError } from '../support/api.mjs';

// Listing and reading tickets is for staff; an L1 agent sees them all.
test.beforeEach(async ({ request }) => { await signIn(request, 'l1@example.com'); });

async function expectNotStored(request, title) {
  expect((await allTickets(request)).some((t) => t.title === title)).toBe(false);
}

test('malformed JSON is a 400 and stores nothing', async ({ request }) => {
  const title = `Broken JSON ${Date.now()}`;
  const response = await request.post('/api/tickets', {
    headers: { 'content-type': 'application/json' },
    data: `{"name": "A", "title": "${title}", `,
  });
  await expectError(response, 400, 'invalid_json');
  await expectNotStored(request, title);
});

test('JSON of the wrong shape is a 400', async ({ request }) => {
  for (const body of ['[]', 'null', '"text"', '{"name": 5}']) {
    const response = await request.post('/api/tickets', { headers: { 'content-type': 'application/json' }, data: body });
    await expectError(response, 400, 'invalid_json');
  }
});

test('a body over 64 KB is a 413 and stores nothing', async ({ request }) => {
  const data = report({ symptoms: 'x'.repeat(70 * 1024) });
  await expectError(await request.post('/api/tickets', { data }), 413, 'payload_too_large');
  await expectNotStored(request, data.title);
});

test('a body that is not JSON is a 415', async ({ request }) => {
  const data = report();
  const form = await request.post('/api/tickets', { form: { name: 'A', title: data.title } });
  await expectError(form, 415, 'unsupported_media_type');
  const text = await request.post('/api/tickets', { headers: { 'content-type': 'text/plain' }, data: JSON.stringify(data) });
  await expectError(text, 415, 'unsupported_media_type');
  await expectNotStored(request, data.title);
});

test('unknown API routes are JSON 404s, never the SPA', async ({ request }) => {
  for (const path of ['/api/nope', '/api', '/api/tickets/1/nope']) {
    await expectError(await request.get(path), 404, 'not_found');
  }
});

test('wrong methods are 405 with Allow', async ({ request }) => {
  const del = await request.delete('/api/tickets');
  await expectError(del, 405, 'method_not_allowed');
  expect(del.headers()['allow']).toBe('GET, POST');
  const put = await request.put('/api/tickets/1', { data: {} });
  await expectError(put, 405, 'method_not_allowed');
  expect(put.headers()['allow']).toBe('GET');
  await expectError(await request.post('/api/health', { data: {} }), 405, 'method_not_allowed');
  // Methods HTTP has but this API does not use are refused, not read as GET.
  for (const method of ['QUERY', 'PROPFIND']) {
    const odd = await request.fetch('/api/tickets', { method });
    await expectError(odd, 405, 'method_not_allowed');
    expect(odd.headers()['allow']).toBe('GET, POST');
  }
});

test('ids beyond what a JavaScript number holds exactly are refused, never a 5xx', async ({ request }) => {
  const huge = '9007199254740993'; // 2^53 + 1
  for (const path of [`/api/tickets/${huge}`, `/api/tickets/9223372036854775807`, `/api/tickets/99999999999999999999`,
    `/api/kb/${huge}`, `/api/tickets/1/calls/${huge}.ics`]) {
    await expectError(await request.get(path), 404, 'not_found');
  }
  await expectError(await request.post(`/api/tickets/${huge}/actions`, { data: { action: 'note', body: 'x' } }), 404, 'not_found');
  expect((await expectError(await request.get(`/api/tickets?cursor=${huge}`), 400, 'invalid_cursor')).field).toBe('cursor');
  expect((await expectError(await request.get(`/api/tickets?assignee=${huge}`), 422, 'invalid_value')).field).toBe('assignee');
  expect((await request.get(`/api/suggestions?q=printer&ticket=${huge}`)).status()).toBe(200);

  // In a body, wherever the number sits, the field is named and nothing is stored.
  const [ticket] = await allTickets(request);
  const raw = (body) => ({ headers: { 'content-type': 'application/json' }, data: body });
  const cases = [
    [`/api/tickets/${ticket.id}/actions`, `{"action": "take", "version": ${huge}}`, 'version'],
    [`/api/tickets/${ticket.id}/actions`, `{"action": "link_to_major", "version": 1, "major_id": ${huge}}`, 'major_id'],
    ['/api/tickets/bulk', `{"ids": [1, ${huge}], "action": "take"}`, 'ids.1'],
    [`/api/tickets/${ticket.id}/actions`, '{"action": "note", "body": "x", "version": 1e300}', 'version'],
  ];
  for (const [path, body, field] of cases) {
    const refused = await expectError(await request.post(path, raw(body)), 422, 'invalid_value');
    expect(refused.field).toBe(field);
  }
  const after = (await allTickets(request)).find((t) => t.id === ticket.id);
  expect(after.version).toBe(ticket.version);
});

test('a field a request does not take is refused and named, a missing one is required', async ({ request }) => {
  const data = report({ sneaky: 'P1' });
  expect((await expectError(await request.post('/api/tickets', { data }), 400, 'invalid_json')).field).toBe('sneaky');
  await expectNotStored(request, data.title);
  const [ticket] = await allTickets(request);
  const presence = await request.post(`/api/tickets/${ticket.id}/presence`, { data: { editing: true, typing: true } });
  expect((await expectError(presence, 400, 'invalid_json')).field).toBe('typing');
  const away = await request.put('/api/me/availability', { data: { away: true, until: 'tomorrow' } });
  expect((await expectError(away, 400, 'invalid_json')).field).toBe('until');
  const unnamed = await request.post(`/api/tickets/${ticket.id}/actions`, { data: { version: ticket.version } });
  expect((await expectError(unnamed, 422, 'required')).field).toBe('action');
  const untitled = await request.post('/api/tickets', { data: { name: 'A', email: 'a@example.com', description: 'x' } });
  expect((await expectError(untitled, 422, 'required')).field).toBe('title');
});
