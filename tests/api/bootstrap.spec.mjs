// The first admin of a new deployment, through the secret-protected one-time step.
import { request as http } from '@playwright/test';
import { test, expect } from '../support/fixtures.mjs';
import { expectError } from '../support/api.mjs';
import { makePersistDir, removePersistDir, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

const TOKEN = 'bootstrap-token-for-tests-0123456789';
const FIRST_ADMIN = { name: 'Ada Admin', email: 'ada.admin@example.com', password: 'a long admin passphrase' };
let dir;
let server;
let api;

test.beforeAll(async () => {
  dir = await makePersistDir();
  server = await startServer(dir, { vars: { BOOTSTRAP_TOKEN: TOKEN } });
  api = await http.newContext({ baseURL: server.url });
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
  await removePersistDir(dir);
});

const bootstrap = (token, data = FIRST_ADMIN) =>
  api.post('/api/auth/bootstrap', { data, headers: token ? { authorization: `Bearer ${token}` } : {} });

test('without the right token nothing is created', async () => {
  await expectError(await bootstrap(null), 403, 'forbidden');
  await expectError(await bootstrap('wrong-token'), 403, 'forbidden');
  await expectError(await api.post('/api/auth/login', { data: { email: FIRST_ADMIN.email, password: FIRST_ADMIN.password } }), 401, 'invalid_credentials');
});

test('the right token creates the first admin once, with the usual password rules', async () => {
  await expectError(await bootstrap(TOKEN, { ...FIRST_ADMIN, password: 'short' }), 422, 'weak_password');
  const created = await bootstrap(TOKEN);
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ email: FIRST_ADMIN.email, role: 'admin' });
  expect((await (await api.get('/api/sweep-runs')).status())).toBe(200);

  await expectError(await bootstrap(TOKEN, { ...FIRST_ADMIN, email: 'second@example.com' }), 409,
    'already_bootstrapped');
});

test('a deployment without the secret has no bootstrap route', async ({ request }) => {
  // The shared test server runs without BOOTSTRAP_TOKEN.
  await expectError(await request.post('/api/auth/bootstrap', {
    data: FIRST_ADMIN, headers: { authorization: `Bearer ${TOKEN}` },
  }), 404, 'not_found');
});
