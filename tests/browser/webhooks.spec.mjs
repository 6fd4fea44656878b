// An admin connects another system: subscribes its address to new tickets, keeps the
// secret shown once, sees the delivery and what the receiver answered, sends it again,
// and stops the subscription. A development desk, so the receiver can run in this test.
import http from 'node:http';
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, expectAccessible, personPage, report, signIn } from '../support/fixtures.mjs';
import { createTicket, sweepAt } from '../support/api.mjs';
import { makePersistDir, removePersistDir, startServer } from '../support/server.mjs';

let dir;
let server;
let receiver;
const received = [];

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => { received.push({ headers: req.headers, body }); res.writeHead(200).end('ok, got it'); });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true, vars: { ALLOW_PRIVATE_WEBHOOKS: 'true' } });
});

test.afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve()));
  if (dir) await removePersistDir(dir);
});

test('an admin subscribes a receiver, reads its deliveries, sends one again and stops it', async ({ browser }) => {
  const admin = await personPage(browser, 'admin@example.com', { baseURL: server.url });
  const { page } = admin;
  await page.goto('/admin/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Webhooks' }))
    .toHaveAttribute('aria-current', 'page');

  // Nothing chosen to hear: said beside the events, nothing sent.
  const url = `http://127.0.0.1:${receiver.address().port}/edgedesk`;
  await page.getByLabel('Address (https://…)').fill(url);
  await page.getByRole('checkbox', { name: /Ticket created/ }).uncheck();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.locator('#field-events-error')).toHaveText('This field is required.');
  await page.getByRole('checkbox', { name: /Ticket created/ }).check();
  await page.getByLabel('Description').fill('CRM');
  await page.getByRole('button', { name: 'Add webhook' }).click();
  const secret = page.getByTestId('webhook-secret');
  await expect(secret).toHaveText(/^whsec_/);
  const item = page.locator('.webhook', { hasText: url });
  await expect(item).toContainText('Active');
  await expect(item).toContainText('CRM');
  await expectAccessible(page);

  // A ticket opens; the sweep delivers it; the admin reads what the receiver answered.
  const agent = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(agent, 'l1@example.com');
  const created = await createTicket(agent, report({ channel: 'phone' }));
  const adminApi = admin.context.request;
  await sweepAt(adminApi, Date.now() + 120_000);
  expect(received.map((request) => JSON.parse(request.body).data.id)).toContain(created.id);
  await item.getByText('Deliveries').click();
  const row = item.locator('tbody tr').first();
  await expect(row).toContainText('Ticket created');
  await expect(row).toContainText('200 · ok, got it');
  await row.getByRole('button', { name: /Send again/ }).click();
  await expect(item.locator('tbody tr')).toHaveCount(2);
  await expect(item.locator('tbody tr').first()).toContainText('Next attempt');

  // Stopped: said so, and started again with one click.
  await item.getByRole('button', { name: `Stop: ${url}` }).click();
  await expect(item).toContainText('Stopped');
  await item.getByRole('button', { name: `Start: ${url}` }).click();
  await expect(item).toContainText('Active');
  // Deleting asks once more; keeping it changes nothing.
  await item.getByRole('button', { name: `Delete: ${url}` }).click();
  await item.getByRole('button', { name: 'Keep' }).click();
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: `Delete: ${url}` }).click();
  await item.getByRole('button', { name: 'Delete it and its deliveries' }).click();
  await expect(page.locator('.webhook', { hasText: url })).toHaveCount(0);
  await expect(page.getByText('No webhooks yet.')).toBeVisible();
  expect(admin.problems).toEqual([]);
  await agent.dispose();
  await admin.context.close();
});
