// Customers who subscribe to a service hear of its disruption before they run into it,
// with those who reported on it recently; the services are the ones the desk names.
import { request as http } from '@playwright/test';
import { test, expect } from '../support/fixtures.mjs';
import { expectError, mailsTo, signedIn, signUp } from '../support/api.mjs';

const unique = (name) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function newCustomer(baseURL) {
  const context = await http.newContext({ baseURL });
  const email = `${unique('listener')}@example.com`;
  expect((await signUp(context, { name: 'Liv Lytter', email, password: 'listening for news' })).status()).toBe(201);
  return { context, email };
}

test('a subscriber hears of a disruption of their service; others do not', async ({ baseURL }) => {
  const listener = await newCustomer(baseURL);
  const bystander = await newCustomer(baseURL);
  const choices = await (await listener.context.get('/api/me/services')).json();
  expect(choices.map((choice) => choice.service)).toEqual(
    ['Corporate network', 'Microsoft 365', 'Print server', 'VPN gateway', 'Webshop', 'Workplace'],
  );
  expect(choices.every((choice) => !choice.subscribed)).toBe(true);
  const saved = await listener.context.put('/api/me/services', { data: { subscribed: ['webshop', 'Webshop'] } });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).filter((choice) => choice.subscribed).map((choice) => choice.service)).toEqual(['Webshop']);
  const unknown = await expectError(await listener.context.put('/api/me/services', { data: { subscribed: ['Coffee machine'] } }), 422, 'invalid_value');
  expect(unknown.field).toBe('subscribed');
  await expectError(await http.newContext({ baseURL }).then((anonymous) => anonymous.get('/api/me/services')), 401, 'unauthenticated');

  // Monitoring sees the webshop fail: the subscriber is told, the bystander is not.
  const admin = await signedIn('admin@example.com');
  const { token } = await (await admin.post('/api/admin/tokens', { data: { name: 'Shop monitor', scopes: ['alerts:write'] } })).json();
  const monitor = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const key = unique('shop-down');
  const trigger = { routing_key: 'k', event_action: 'trigger', dedup_key: key,
    payload: { summary: 'Checkout answers 502 on shop-2.internal', source: 'shop-2.internal', severity: 'error', component: 'Webshop' } };
  expect((await monitor.post('/api/alerts', { data: trigger })).status()).toBe(202);
  const told = await mailsTo(listener.email);
  expect(told.map((mail) => mail.subject)).toContain('Known disruption: Webshop');
  expect(JSON.stringify(told)).not.toContain('shop-2.internal');
  expect((await mailsTo(bystander.email)).filter((mail) => mail.subject.includes('Webshop'))).toEqual([]);

  // Resolved, so the next disruption of the webshop tells people again.
  expect((await monitor.post('/api/alerts', { data: { routing_key: 'k', event_action: 'resolve', dedup_key: key } })).status()).toBe(202);
  expect((await listener.context.put('/api/me/services', { data: { subscribed: [] } })).status()).toBe(200);
  await Promise.all([listener.context.dispose(), bystander.context.dispose(), admin.dispose(), monitor.dispose()]);
});
