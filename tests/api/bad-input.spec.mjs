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
});
