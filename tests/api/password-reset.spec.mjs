// A forgotten password: a link by mail, one hour, one use; every session ends; the answer
// never says whether an address has an account.
import { request as http } from '@playwright/test';
import { test, expect } from '../support/fixtures.mjs';
import { expectError, signedIn, signUp } from '../support/api.mjs';
import { d1 } from '../support/server.mjs';

const PASSWORD = 'out of africa 1937';

async function newCustomer(baseURL, language) {
  const context = await http.newContext({ baseURL });
  const email = `reset-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const created = await signUp(context, { name: 'Karen Blixen', email, password: PASSWORD });
  expect(created.status()).toBe(201);
  if (language) await context.put('/api/me/language', { data: { language } });
  return { context, email };
}

/** The reset mail the dev mailbox holds for `email`, if any. */
async function resetMail(email) {
  const admin = await signedIn('admin@example.com');
  const page = await (await admin.get('/api/admin/outbox?limit=100')).json();
  await admin.dispose();
  return page.items.find((message) => message.recipient === email && message.ticket_id === null);
}

const tokenOf = (mail) => /\/reset-password\/([0-9a-f]+)/.exec(mail.body)[1];

test('asking answers the same for any address, and mails a link only to an account', async ({ request, baseURL }) => {
  const { email } = await newCustomer(baseURL);
  const unknown = `nobody-${Date.now()}@example.com`;
  const forUnknown = await request.post('/api/auth/password-reset', { data: { email: unknown } });
  const forKnown = await request.post('/api/auth/password-reset', { data: { email: email.toUpperCase() } });
  expect([forUnknown.status(), forKnown.status()]).toEqual([202, 202]);
  expect(await forUnknown.text()).toBe(await forKnown.text());
  expect(await resetMail(unknown)).toBeUndefined();
  const mail = await resetMail(email);
  expect(mail.subject).toBe('Choose a new password');
  expect(mail.body).toContain(`${baseURL}/reset-password/`);
  expect(mail.body).toContain('60 minutes');
  await expectError(await request.post('/api/auth/password-reset', { data: { email: 'not an address' } }), 422, 'invalid_email');
});

test('the link sets a new password once and signs the account out everywhere', async ({ request, baseURL }) => {
  const { context: browser, email } = await newCustomer(baseURL);
  expect((await browser.get('/api/me')).status()).toBe(200);
  await request.post('/api/auth/password-reset', { data: { email } });
  const token = tokenOf(await resetMail(email));

  // A weak password is refused and the link still works.
  await expectError(await request.post(`/api/auth/password-reset/${token}`, { data: { password: 'short' } }), 422, 'weak_password');
  const done = await request.post(`/api/auth/password-reset/${token}`, { data: { password: 'a new and better passphrase' } });
  expect(done.status()).toBe(204);
  await expectError(await browser.get('/api/me'), 401, 'unauthenticated');
  await expectError(await request.post('/api/auth/login', { data: { email, password: PASSWORD } }), 401, 'invalid_credentials');
  expect((await request.post('/api/auth/login', { data: { email, password: 'a new and better passphrase' } })).status()).toBe(200);

  // Used once; unknown links look the same.
  await expectError(await request.post(`/api/auth/password-reset/${token}`, { data: { password: 'yet another passphrase' } }), 410, 'reset_link_expired');
  await expectError(await request.post(`/api/auth/password-reset/${'0'.repeat(64)}`, { data: { password: 'yet another passphrase' } }), 410, 'reset_link_expired');
  await browser.dispose();
});

test('a link older than an hour no longer works, and Danish accounts are mailed in Danish', async ({ request, baseURL }) => {
  const { context, email } = await newCustomer(baseURL, 'da');
  await request.post('/api/auth/password-reset', { data: { email } });
  const mail = await resetMail(email);
  expect(mail.subject).toBe('Vælg en ny adgangskode');
  const token = tokenOf(mail);
  const hash = (await import('node:crypto')).createHash('sha256').update(token).digest('hex');
  await d1(process.env.EDGEDESK_PERSIST_DIR, 'execute', 'edgedesk', '--command',
    `UPDATE password_resets SET expires_at = ${Date.now() - 1000} WHERE token_hash = '${hash}'`);
  await expectError(await request.post(`/api/auth/password-reset/${token}`, { data: { password: 'a new and better passphrase' } }), 410, 'reset_link_expired');
  expect((await context.get('/api/me')).status()).toBe(200);
  await context.dispose();
});
