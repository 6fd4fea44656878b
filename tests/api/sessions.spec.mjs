import { request as http } from '@playwright/test';
import { test, expect, report, DEMO_PASSWORD } from '../support/fixtures.mjs';
import { createHash, randomBytes } from 'node:crypto';
import { confirmationToken, expectError, mailsTo, signUp } from '../support/api.mjs';
import { d1, sessionCookie as serverSessionCookie } from '../support/server.mjs';

function newAccount() {
  const tag = `${process.pid}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  return { name: 'Karen Blixen', email: `karen-${tag}@example.com`, password: 'out of africa 1937' };
}

/** What signing in sends: the account's email and password, nothing else. */
function credentials({ email, password }) {
  return { email, password };
}

function sessionCookie(response) {
  const header = response.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie');
  return header?.value ?? '';
}

test('sign-up creates a customer once the mailed link is opened, signs them in and sets a safe cookie', async ({ request }) => {
  const account = newAccount();
  const asked = await request.post('/api/auth/signup', { data: account });
  expect(asked.status()).toBe(202);
  expect(await asked.json()).toEqual({});
  expect(sessionCookie(asked)).toBe('');
  // No account before the link is opened: the password does not sign in yet.
  await expectError(await request.post('/api/auth/login', { data: credentials(account) }), 401, 'invalid_credentials');
  const token = await confirmationToken(account.email);
  const response = await request.post(`/api/auth/signup/${token}`);
  expect(response.status()).toBe(201);
  expect(await response.json()).toMatchObject({ name: 'Karen Blixen', email: account.email, role: 'customer', tier: null });
  const cookie = sessionCookie(response);
  expect(cookie).toMatch(/^edgedesk_session=[0-9a-f]{64};/);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Lax');
  expect(cookie).toContain('Path=/');
  expect(cookie).not.toContain('Secure'); // plain http locally; Secure is added over https
  expect((await (await request.get('/api/me')).json()).email).toBe(account.email);
});

test('sign-up answers the same for a taken address, whose owner is told instead', async ({ request }) => {
  const taken = await request.post('/api/auth/signup', {
    data: { name: 'Someone Else', email: 'Customer2@example.com', password: 'a fine long password' },
  });
  const fresh = await request.post('/api/auth/signup', { data: newAccount() });
  expect([taken.status(), await taken.json()]).toEqual([fresh.status(), await fresh.json()]);
  expect(taken.status()).toBe(202);
  const [note] = (await mailsTo('customer2@example.com')).slice(-1);
  expect(note.subject).toBe('You already have an account');
  expect(note.body).toContain('/forgot-password');
  expect(note.body).not.toContain('/confirm-email/');
  // The account is untouched: its own password still signs in.
  expect((await request.post('/api/auth/login', { data: { email: 'customer2@example.com', password: DEMO_PASSWORD } })).status()).toBe(200);
});

test('a confirmation link works once, and not once it has expired', async ({ request }) => {
  const account = newAccount();
  expect((await signUp(request, account)).status()).toBe(201);
  const token = await confirmationToken(account.email);
  await expectError(await request.post(`/api/auth/signup/${token}`), 410, 'confirmation_expired');
  await expectError(await request.post('/api/auth/signup/not-a-token'), 410, 'confirmation_expired');
  // Two sign-ups for one address: the first link opened wins, the other is spent.
  const twice = newAccount();
  expect((await request.post('/api/auth/signup', { data: twice })).status()).toBe(202);
  const first = await confirmationToken(twice.email);
  expect((await request.post('/api/auth/signup', { data: { ...twice, name: 'Second Try' } })).status()).toBe(202);
  const second = await confirmationToken(twice.email);
  expect(second).not.toBe(first);
  expect((await request.post(`/api/auth/signup/${second}`)).status()).toBe(201);
  await expectError(await request.post(`/api/auth/signup/${first}`), 410, 'confirmation_expired');
  // A day later a link no longer works.
  const late = newAccount();
  expect((await request.post('/api/auth/signup', { data: late })).status()).toBe(202);
  const stale = await confirmationToken(late.email);
  await d1(process.env.EDGEDESK_PERSIST_DIR, 'execute', 'edgedesk', '--command',
    `UPDATE signups SET expires_at = 0 WHERE email = '${late.email}'`);
  await expectError(await request.post(`/api/auth/signup/${stale}`), 410, 'confirmation_expired');
});

test('sign-up refuses weak passwords', async ({ request }) => {
  const weak = await expectError(await request.post('/api/auth/signup', {
    data: { ...newAccount(), password: 'password123' },
  }), 422, 'weak_password');
  expect(weak.field).toBe('password');
});

test('wrong password and unknown email get the same answer', async ({ request }) => {
  const wrong = await expectError(await request.post('/api/auth/login', {
    data: { email: 'l1@example.com', password: 'not the password' },
  }), 401, 'invalid_credentials');
  const unknown = await expectError(await request.post('/api/auth/login', {
    data: { email: 'nobody@example.com', password: 'not the password' },
  }), 401, 'invalid_credentials');
  expect(unknown).toEqual(wrong);
});

test('every sign-in gets a new session and ends the browser\'s old one; a signed-out session stops at once', async ({ baseURL }) => {
  const api = await http.newContext({ baseURL });
  const login = () => api.post('/api/auth/login', { data: { email: 'l3@example.com', password: DEMO_PASSWORD } });
  const first = sessionCookie(await login()).split(';')[0];
  const second = sessionCookie(await login()).split(';')[0];
  expect(first).not.toBe(second);

  const raw = await http.newContext({ baseURL });
  // The second sign-in came from the same browser (it sent the first cookie): that
  // session ended. A sign-in elsewhere keeps its own.
  await expectError(await raw.get('/api/me', { headers: { cookie: first } }), 401, 'unauthenticated');
  const elsewhere = await http.newContext({ baseURL });
  const third = sessionCookie(await elsewhere.post('/api/auth/login', {
    data: { email: 'l3@example.com', password: DEMO_PASSWORD },
  })).split(';')[0];
  expect((await raw.get('/api/me', { headers: { cookie: third } })).status()).toBe(200);
  await elsewhere.dispose();
  expect(third).not.toBe(second);
  expect((await raw.post('/api/auth/logout', { headers: { cookie: third } })).status()).toBe(204);
  await expectError(await raw.get('/api/me', { headers: { cookie: third } }), 401, 'unauthenticated');
  expect((await raw.get('/api/me', { headers: { cookie: second } })).status()).toBe(200);
  await api.dispose();
  await raw.dispose();
});

test('"sign out everywhere" ends every session of the account', async ({ baseURL }) => {
  const account = newAccount();
  const laptop = await http.newContext({ baseURL });
  const phone = await http.newContext({ baseURL });
  expect((await signUp(laptop, account)).status()).toBe(201);
  expect((await phone.post('/api/auth/login', { data: credentials(account) })).status()).toBe(200);
  expect((await phone.post('/api/auth/logout-everywhere')).status()).toBe(204);
  await expectError(await laptop.get('/api/me'), 401, 'unauthenticated');
  await expectError(await phone.get('/api/me'), 401, 'unauthenticated');
  await expectError(await laptop.post('/api/auth/logout-everywhere'), 401, 'unauthenticated');
  await laptop.dispose();
  await phone.dispose();
});

test('a customer owns the tickets they open while signed in', async ({ request }) => {
  expect((await signUp(request, newAccount())).status()).toBe(201);
  const created = await (await request.post('/api/tickets', { data: report() })).json();
  const mine = await (await request.get('/api/tickets')).json();
  expect(mine.items.map((t) => t.id)).toEqual([created.id]);
  expect((await request.get(`/api/tickets/${created.id}`)).status()).toBe(200);
});

test('writes from another site are refused (CSRF)', async ({ request, baseURL }) => {
  const data = report();
  await expectError(await request.post('/api/tickets', { data, headers: { origin: 'https://evil.example' } }),
    403, 'cross_origin');
  await expectError(await request.post('/api/auth/login', {
    data: { email: 'l1@example.com', password: DEMO_PASSWORD }, headers: { origin: 'http://127.0.0.1:1' },
  }), 403, 'cross_origin');
  const same = await request.post('/api/tickets', { data: report(), headers: { origin: baseURL } });
  expect(same.status()).toBe(201);
});

test('status links: unknown or malformed tokens are 404', async ({ request }) => {
  await expectError(await request.get(`/api/status/${'0'.repeat(64)}`), 404, 'not_found');
  await expectError(await request.get('/api/status/short'), 404, 'not_found');
});

test('a session in use stays alive: its last use is recorded (after the answer) once it is five minutes old', async () => {
  const cookie = await serverSessionCookie(process.env.EDGEDESK_URL, 'l3@example.com');
  const hash = createHash('sha256').update(cookie.split('=')[1]).digest('hex');
  const sql = (command) => d1(process.env.EDGEDESK_PERSIST_DIR, 'execute', 'edgedesk', '--json', '--command', command);
  const lastSeen = async () =>
    JSON.parse(await sql(`SELECT last_seen_at AS at FROM sessions WHERE token_hash = '${hash}'`))[0].results[0].at;
  // Nearly idle for the 12 hours that end a session.
  const idle = Date.now() - (11 * 60 + 50) * 60_000;
  await sql(`UPDATE sessions SET last_seen_at = ${idle} WHERE token_hash = '${hash}'`);
  const me = await fetch(`${process.env.EDGEDESK_URL}/api/me`, { headers: { cookie } });
  expect(me.status).toBe(200);
  await expect.poll(lastSeen).toBeGreaterThan(Date.now() - 60_000);
});

test('a guessed status link leaves no counted attempt behind; a real one is counted', async ({ request }) => {
  const attemptsFor = async (token) => {
    const hash = createHash('sha256').update(token).digest('hex');
    const out = await d1(process.env.EDGEDESK_PERSIST_DIR, 'execute', 'edgedesk', '--json', '--command',
      `SELECT COUNT(*) AS n FROM limit_attempts WHERE substr(key, -64) = '${hash}'`);
    return JSON.parse(out)[0].results[0].n;
  };
  const guessed = randomBytes(32).toString('hex');
  for (let i = 0; i < 3; i += 1) {
    await expectError(await request.post(`/api/status/${guessed}/actions`, { data: { action: 'reply', body: 'hi' } }), 404, 'not_found');
  }
  expect(await attemptsFor(guessed)).toBe(0);
  const created = await request.post('/api/tickets', { data: report() });
  const { status_token: real } = await created.json();
  const step = await request.post(`/api/status/${real}/actions`, { data: { action: 'reply', body: 'More detail' } });
  expect(step.status()).toBe(200);
  expect(await attemptsFor(real)).toBe(1);
});

test('guessing one account\'s password is stopped with 429 and Retry-After', async ({ request }) => {
  const account = newAccount();
  expect((await signUp(request, account)).status()).toBe(201);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await expectError(await request.post('/api/auth/login', {
      data: { email: account.email, password: `guess number ${attempt}` },
    }), 401, 'invalid_credentials');
  }
  // Now even the right password waits: the lock does not reveal whether a guess was right.
  const locked = await request.post('/api/auth/login', { data: credentials(account) });
  const body = await expectError(locked, 429, 'rate_limited');
  const retryAfter = Number(locked.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  expect(body.retry_after).toBe(retryAfter);
  // Other accounts are unaffected.
  expect((await request.post('/api/auth/login', { data: { email: 'l1@example.com', password: DEMO_PASSWORD } })).status()).toBe(200);
});

test('parallel password guesses cannot slip past the limit together', async ({ request }) => {
  const account = newAccount();
  expect((await signUp(request, account)).status()).toBe(201);
  const guesses = await Promise.all(Array.from({ length: 12 }, (_, n) =>
    request.post('/api/auth/login', { data: { email: account.email, password: `parallel guess ${n}` } })));
  const statuses = guesses.map((response) => response.status()).sort();
  // Five wrong guesses are allowed per account in the window; the other seven are refused.
  expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
});

test('a read may start from who the Worker remembers, but never answers on that memory alone', async ({ baseURL }) => {
  const account = newAccount();
  const asked = await fetch(`${baseURL}/api/auth/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: baseURL }, body: JSON.stringify(account),
  });
  expect(asked.status).toBe(202);
  const signup = await fetch(`${baseURL}/api/auth/signup/${await confirmationToken(account.email)}`, {
    method: 'POST', headers: { origin: baseURL },
  });
  expect(signup.status).toBe(201);
  const cookie = signup.headers.get('set-cookie').split(';')[0];
  const hash = createHash('sha256').update(cookie.split('=')[1]).digest('hex');
  const sql = (command) => d1(process.env.EDGEDESK_PERSIST_DIR, 'execute', 'edgedesk', '--json', '--command', command);
  const get = (path) => fetch(`${baseURL}${path}`, { headers: { cookie } });
  const roundTrips = (response) => Number(/round trips: (\d+)/.exec(response.headers.get('server-timing'))[1]);

  // Remembered: who is calling rides in the read's own batch.
  expect((await get('/api/tickets')).status).toBe(200);
  const remembered = await get('/api/tickets');
  expect(remembered.status).toBe(200);
  expect(roundTrips(remembered)).toBe(1);
  expect((await get('/api/queues')).status).toBe(403);

  // Changed in D1 behind the Worker's back: the next read sees the account as it now is.
  await sql(`UPDATE users SET role = 'agent', tier = 'l1' WHERE email = '${account.email}'`);
  const promoted = await get('/api/queues');
  expect(promoted.status).toBe(200);
  expect(roundTrips(promoted)).toBeGreaterThan(1);
  await sql(`UPDATE users SET role = 'customer', tier = NULL WHERE email = '${account.email}'`);
  expect((await get('/api/queues')).status).toBe(403);

  // Ended behind its back: refused at once.
  await sql(`UPDATE sessions SET revoked_at = ${Date.now()} WHERE token_hash = '${hash}'`);
  for (const path of ['/api/tickets', '/api/me']) {
    const refused = await get(path);
    expect(refused.status, path).toBe(401);
    expect((await refused.json()).code).toBe('unauthenticated');
  }
});
