import { request as http } from '@playwright/test';
import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { expectError } from '../support/api.mjs';

test.beforeEach(async ({ request }) => { await signIn(request, 'admin@example.com'); });

async function createToken(request, scopes) {
  const response = await request.post('/api/admin/tokens', { data: { name: `Monitoring ${Date.now()}`, scopes } });
  expect(response.status()).toBe(201);
  const created = await response.json();
  expect(created.token).toMatch(/^edt_[0-9a-f]{64}$/);
  return created;
}

const asToken = (baseURL, token) => http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });

test('a token does what its scopes allow, is listed without its secret, and records use', async ({ request, baseURL }) => {
  const { id, token } = await createToken(request, ['tickets:read']);
  const machine = await asToken(baseURL, token);
  expect((await machine.get('/api/tickets')).status()).toBe(200);
  expect((await machine.get('/api/tickets/1')).status()).toBe(200);
  await expectError(await machine.post('/api/tickets', { data: report() }), 403, 'forbidden');
  await expectError(await machine.get('/api/sweep-runs'), 403, 'forbidden');
  await expectError(await machine.get('/api/admin/users'), 403, 'forbidden');
  await expectError(await machine.get('/api/me'), 403, 'forbidden');

  const listed = async () => (await (await request.get('/api/admin/tokens')).json()).find((t) => t.id === id);
  expect(await listed()).toMatchObject({ scopes: ['tickets:read'], revoked_at: null });
  expect(await listed()).not.toHaveProperty('token');
  // The use is recorded after the response (nobody waits for it), so it may land a moment later.
  await expect.poll(async () => Date.now() - Date.parse((await listed()).last_used_at)).toBeLessThan(60_000);
  await machine.dispose();
});

test('a revoked token stops working at once, and unknown tokens are refused', async ({ request, baseURL }) => {
  const { id, token } = await createToken(request, ['tickets:read', 'tickets:write']);
  const machine = await asToken(baseURL, token);
  expect((await machine.post('/api/tickets', { data: report() })).status()).toBe(201);
  expect((await request.delete(`/api/admin/tokens/${id}`)).status()).toBe(204);
  await expectError(await machine.get('/api/tickets'), 401, 'unauthenticated');
  await expectError(await request.delete('/api/admin/tokens/99999999'), 404, 'not_found');
  const stranger = await asToken(baseURL, `edt_${'0'.repeat(64)}`);
  await expectError(await stranger.get('/api/health'), 401, 'unauthenticated');
  await machine.dispose();
  await stranger.dispose();
});

test('tokens need a name and at least one known scope', async ({ request }) => {
  await expectError(await request.post('/api/admin/tokens', { data: { name: 'x', scopes: [] } }), 422, 'required');
  await expectError(await request.post('/api/admin/tokens', { data: { name: 'x', scopes: ['tickets:delete'] } }),
    400, 'invalid_json');
});
