import { request as http } from '@playwright/test';
import { test, expect, signIn } from '../support/fixtures.mjs';
import { expectError, signUp } from '../support/api.mjs';

test.beforeEach(async ({ request }) => { await signIn(request, 'admin@example.com'); });

const unique = () => `${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function invite(request, overrides = {}) {
  const data = { email: `agent-${unique()}@example.com`, name: 'Nina Nyansat', role: 'agent', tier: 'l2', ...overrides };
  const response = await request.post('/api/admin/invitations', { data });
  expect(response.status(), await response.text()).toBe(201);
  const created = await response.json();
  expect(created.path).toMatch(/^\/invite\/[0-9a-f]{64}$/);
  const days = (Date.parse(created.expires_at) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThanOrEqual(7);
  return { ...data, token: created.path.split('/').pop() };
}

test('admins list every account with role, tier, standing and version', async ({ request }) => {
  const page = await (await request.get('/api/admin/users?limit=100')).json();
  const l2 = page.items.find((user) => user.email === 'l2@example.com');
  expect(l2).toMatchObject({ role: 'agent', tier: 'l2', active: true, version: expect.any(Number) });
  const customer = page.items.find((user) => user.email === 'customer@example.com');
  expect(customer.organisation).toEqual({ id: 1, name: 'Nordlys ApS' });
});

test('the account list pages with cursors like the ticket list', async ({ request }) => {
  const first = await (await request.get('/api/admin/users?limit=2')).json();
  expect(first.items).toHaveLength(2);
  const second = await (await request.get(`/api/admin/users?limit=2&cursor=${first.next_cursor}`)).json();
  const ids = [...first.items, ...second.items].map((user) => user.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort((a, b) => b - a)).toEqual(ids);
});

test('an invited agent accepts once, picks a password, and starts signed in', async ({ request, baseURL }) => {
  const invited = await invite(request);
  const guest = await http.newContext({ baseURL });
  const info = await (await guest.get(`/api/invitations/${invited.token}`)).json();
  expect(info).toMatchObject({ email: invited.email, name: invited.name, role: 'agent', tier: 'l2' });

  await expectError(await guest.post(`/api/invitations/${invited.token}/accept`, {
    data: { name: 'Nina', password: 'short' },
  }), 422, 'weak_password');
  const accepted = await guest.post(`/api/invitations/${invited.token}/accept`, {
    data: { name: 'Nina Nyansat', password: 'a long and new passphrase' },
  });
  expect(accepted.status()).toBe(201);
  expect(await accepted.json()).toMatchObject({ email: invited.email, role: 'agent', tier: 'l2' });
  expect((await guest.get('/api/tickets')).status()).toBe(200);

  await expectError(await guest.get(`/api/invitations/${invited.token}`), 410, 'invitation_expired');
  await expectError(await guest.post(`/api/invitations/${invited.token}/accept`, {
    data: { name: 'Again', password: 'a long and new passphrase' },
  }), 410, 'invitation_expired');
  await expectError(await guest.get(`/api/invitations/${'a'.repeat(64)}`), 404, 'not_found');
  await guest.dispose();
});

test('only staff are invited, with a tier exactly when they are agents', async ({ request }) => {
  const bad = (data) => request.post('/api/admin/invitations', { data: { email: `x-${unique()}@example.com`, name: 'X', ...data } });
  await expectError(await bad({ role: 'customer' }), 422, 'invalid_role');
  await expectError(await bad({ role: 'agent' }), 422, 'invalid_role');
  await expectError(await bad({ role: 'supervisor', tier: 'l1' }), 422, 'invalid_role');
});

test('changes are versioned, and deactivating ends sessions at once', async ({ request, baseURL }) => {
  const invited = await invite(request);
  const agent = await http.newContext({ baseURL });
  const me = await (await agent.post(`/api/invitations/${invited.token}/accept`, {
    data: { name: 'Nina', password: 'a long and new passphrase' },
  })).json();
  const users = (await (await request.get('/api/admin/users?limit=100')).json()).items;
  const account = users.find((user) => user.id === me.id);

  const moved = await request.patch(`/api/admin/users/${me.id}`, { data: { version: account.version, tier: 'l3' } });
  expect(moved.status()).toBe(200);
  const after = await moved.json();
  expect(after).toMatchObject({ tier: 'l3', version: account.version + 1 });

  // A second admin's stale edit is refused with what is there now.
  const stale = await request.patch(`/api/admin/users/${me.id}`, { data: { version: account.version, active: false } });
  const conflict = await expectError(stale, 409, 'version_conflict');
  expect(conflict.current).toMatchObject({ id: me.id, tier: 'l3', active: true, version: after.version });

  expect((await agent.get('/api/me')).status()).toBe(200);
  const off = await request.patch(`/api/admin/users/${me.id}`, { data: { version: after.version, active: false } });
  expect((await off.json()).active).toBe(false);
  await expectError(await agent.get('/api/me'), 401, 'unauthenticated');
  await expectError(await agent.post('/api/auth/login', {
    data: { email: invited.email, password: 'a long and new passphrase' },
  }), 401, 'invalid_credentials');
  await agent.dispose();
});

test('an admin cannot demote or deactivate themselves', async ({ request }) => {
  const me = await (await request.get('/api/me')).json();
  const self = (await (await request.get('/api/admin/users?limit=100')).json()).items.find((u) => u.id === me.id);
  await expectError(await request.patch(`/api/admin/users/${me.id}`, { data: { version: self.version, active: false } }),
    409, 'last_admin');
  await expectError(await request.patch(`/api/admin/users/${me.id}`, { data: { version: self.version, role: 'agent', tier: 'l1' } }),
    409, 'last_admin');
});

test('organisations: created by admins, customers assigned, ticket sharing switched with versions', async ({ request, baseURL }) => {
  const name = `Skagen Fisk ${unique()}`;
  const created = await request.post('/api/admin/organisations', { data: { name, members_see_all_tickets: true } });
  expect(created.status()).toBe(201);
  const organisation = await created.json();
  expect(organisation).toMatchObject({ name, members_see_all_tickets: true, members: 0 });
  await expectError(await request.post('/api/admin/organisations', { data: { name } }), 409, 'name_taken');

  // Two customers join it; what one reports, the other sees while sharing is on.
  const members = [];
  for (const who of ['first', 'second']) {
    const api = await http.newContext({ baseURL });
    const me = await (await signUp(api, { name: `${who} member`, email: `${who}-${unique()}@example.com`, password: 'members share tickets' })).json();
    const account = (await (await request.get('/api/admin/users?limit=100')).json()).items.find((u) => u.id === me.id);
    const joined = await request.patch(`/api/admin/users/${me.id}`, {
      data: { version: account.version, organisation_id: organisation.id },
    });
    expect((await joined.json()).organisation).toEqual({ id: organisation.id, name });
    members.push(api);
  }
  const ticket = await (await members[0].post('/api/tickets', {
    data: { name: 'first member', email: 'first@example.com', title: 'Shared problem', description: 'x' },
  })).json();
  expect((await members[1].get(`/api/tickets/${ticket.id}`)).status()).toBe(200);

  const off = await request.patch(`/api/admin/organisations/${organisation.id}`, {
    data: { version: organisation.version, members_see_all_tickets: false },
  });
  expect(await off.json()).toMatchObject({ members_see_all_tickets: false, members: 2 });
  await expectError(await members[1].get(`/api/tickets/${ticket.id}`), 404, 'not_found');
  expect((await members[0].get(`/api/tickets/${ticket.id}`)).status()).toBe(200);

  const stale = await request.patch(`/api/admin/organisations/${organisation.id}`, {
    data: { version: organisation.version, members_see_all_tickets: true },
  });
  expect((await expectError(stale, 409, 'version_conflict')).current.members_see_all_tickets).toBe(false);
  await expectError(await request.patch('/api/admin/users/3', { data: { version: 1, organisation_id: organisation.id } }),
    422, 'invalid_role');
  for (const api of members) await api.dispose();
});
