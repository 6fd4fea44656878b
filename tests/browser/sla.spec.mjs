// Service levels as people see them, on a desk of its own (the sweep runs an hour ahead,
// which would escalate the shared desk's tickets): the agent's badge changes after a sweep,
// the ticket's SLA panel explains it, the customer sees the promise and the pause, and an
// admin edits the policies.
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, expectAccessible, openApp, report, signIn } from '../support/fixtures.mjs';
import { createTicket, sweepAt } from '../support/api.mjs';
import { makePersistDir, removePersistDir, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

const MINUTE = 60_000;

let dir;
let server;
let admin;

test.beforeAll(async () => {
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true });
  admin = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(admin, 'admin@example.com');
});

test.afterAll(async () => {
  await admin?.dispose();
  await server?.stop();
  if (dir) await removePersistDir(dir);
});

/** A browser of its own for one person, signed in, collecting console errors but the expected. */
async function personAt(browser, email, expected = []) {
  const context = await browser.newContext({ baseURL: server.url });
  await signIn(context.request, email);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected.some((pattern) => pattern.test(message.text()))) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

test('an agent sees the badge change live after a sweep, and the customer sees the promise and the pause', async ({ browser }) => {
  const customer = await personAt(browser, 'customer@example.com');
  const created = await createTicket(customer.context.request, report({ email: 'customer@example.com' }));
  const opened = Date.parse(created.reported_at);

  // The customer: when they will hear back, in their own time zone.
  await openApp(customer.page, `/tickets/${created.id}`);
  const promise = customer.page.getByRole('region', { name: 'What we promise' });
  await expect(promise.getByTestId('respond-by')).toContainText('We will respond by');
  await expect(promise.getByTestId('resolve-by')).toContainText('Expected resolution by');
  await expect(customer.page.getByRole('region', { name: 'Service level' })).toHaveCount(0);
  await expectAccessible(customer.page);

  // The agent: the "breaching soon" queue, a calm badge with the time left.
  const agent = await personAt(browser, 'l1@example.com');
  await openApp(agent.page, '/console');
  await agent.page.getByRole('link', { name: /^Breaching soon/ }).click();
  const row = agent.page.getByRole('row', { name: new RegExp(created.number) });
  const badge = row.locator('.sla-badge');
  await expect(badge).toHaveText(/Response · 1 h \d+ min left/);
  await expect(badge).toHaveClass(/sla-calm/);

  // The sweep, 61 minutes later, passes 50 % of the 2 h response target.
  expect((await sweepAt(admin, opened + 61 * MINUTE)).sla_warnings).toBe(1);
  // The open queue hears of the sweep's warning at once: no reload.
  await expect(badge).toHaveClass(/sla-notice/, { timeout: 3_000 });
  await expect(badge).toHaveAttribute('data-level', '50');
  await expectAccessible(agent.page);

  // The ticket's SLA panel: clocks, explanation, and the recorded warning.
  await row.getByRole('link', { name: created.number }).click();
  const panel = agent.page.getByRole('region', { name: 'Service level' });
  await expect(panel).toContainText('Policy: P3');
  await expect(panel.locator('[data-target="first_response"]')).toContainText('Target 2 h · around the clock (Europe/Copenhagen)');
  await expect(panel.locator('.sla-steps')).toContainText('Response · 50 % used');
  await expect(agent.page.locator('li.event[data-kind="sla_warning"]')).toContainText('Response · 50 % used');
  await expectAccessible(agent.page);

  // The agent asks the customer and waits: the customer sees the clock paused for them.
  await agent.page.getByRole('textbox', { name: 'Reply to the customer' }).fill('Which printer is it?');
  await agent.page.getByText('Send and set status…').click();
  await agent.page.getByRole('button', { name: 'Waiting for the customer' }).click();
  await expect(panel.locator('[data-target="resolution"]')).toContainText('Paused');
  await customer.page.reload();
  await expect(promise).toContainText('Paused: waiting for your reply');
  await expect(promise.getByTestId('respond-by')).toHaveCount(0);
  // The status link (no account needed) makes the same promise.
  await openApp(customer.page, `/status/${created.status_token}`);
  await expect(customer.page.getByRole('region', { name: 'What we promise' })).toContainText('Paused: waiting for your reply');

  expect(customer.problems, 'customer console errors').toEqual([]);
  expect(agent.problems, 'agent console errors').toEqual([]);
  await customer.context.close();
  await agent.context.close();
});

test('an admin changes a target, is told about a bad one, and sees the recent sweeps', async ({ browser }) => {
  // The bad warning list is refused by the API (422), which the browser logs.
  const person = await personAt(browser, 'admin@example.com', [/status of 422/]);
  const { page } = person;
  await openApp(page, '/admin/sla');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SLA settings');
  await expectAccessible(page);

  const p4Response = page.getByLabel('First response (min) · P4');
  await expect(p4Response).toHaveValue('180');
  await p4Response.fill('240');
  await page.getByLabel('Warning steps').fill('90, 50');
  await page.getByRole('button', { name: 'Save SLA settings' }).click();
  await expect(page.getByRole('alert')).toContainText('warnings: Up to five warning steps, ascending');

  await page.getByLabel('Warning steps').fill('50, 75, 90');
  const office = page.getByRole('group', { name: '08–16' });
  await office.getByRole('button', { name: 'Add holiday' }).click();
  await office.getByLabel('Date 1', { exact: true }).fill('2026-12-24');
  await office.getByLabel('Holiday 1', { exact: true }).fill('Christmas Eve');
  await office.getByLabel('Closed from 1', { exact: true }).fill('12:00');
  await page.getByRole('button', { name: 'Save SLA settings' }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');

  const stored = await (await admin.get('/api/admin/sla')).json();
  expect(stored.policies.find((policy) => policy.id === 'p4').first_response_minutes).toBe(240);
  expect(stored.calendars.find((calendar) => calendar.id === 'office').holidays)
    .toEqual([{ date: '2026-12-24', name: 'Christmas Eve', closed_from: '12:00' }]);

  // The sweeps the first test drove are listed for the admin.
  const firstRun = page.getByRole('region', { name: 'Recent sweeps' }).getByRole('row').nth(1);
  await expect(firstRun).toContainText('OK');
  expect(person.problems, 'console errors').toEqual([]);
  await person.context.close();
});
