// The console as an agent works in it, on a desk of its own so counts are exact: the
// sidebar of queues with counts (Mine first and the default), dense rows with the latest
// reply and a marker for news, filters as removable chips, orders, saved views, coming
// back to the row you left, and the phone layout.
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, expectAccessible, openApp, personPage, report, signIn } from '../support/fixtures.mjs';
import { createTicket, step } from '../support/api.mjs';
import { makePersistDir, removePersistDir, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

let dir;
let server;
let l1;
let customer;

test.beforeAll(async () => {
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true });
  l1 = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(l1, 'l1@example.com');
  customer = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(customer, 'customer@example.com');
});

test.afterAll(async () => {
  await l1?.dispose();
  await customer?.dispose();
  await server?.stop();
  if (dir) await removePersistDir(dir);
});

/** A person of their own on this desk. */
const agentPage = (browser, email = 'l1@example.com', viewport = undefined) =>
  personPage(browser, email, { baseURL: server.url, viewport });

const queues = (page) => page.getByRole('navigation', { name: 'Queues' });
const countOf = (page, name) => queues(page).getByRole('link', { name: new RegExp(`^${name}`) }).locator('.queue-count');

test('the sidebar counts each queue, opens on Mine, and follows the agent taking a ticket', async ({ browser }) => {
  const { context, page, problems } = await agentPage(browser);
  await openApp(page, '/console');
  const mine = queues(page).getByRole('link', { name: /^Mine/ });
  await expect(mine).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Nothing is assigned to you.', { exact: false })).toBeVisible();
  // The seeded desk: five new tickets, all in L1, none assigned, one waiting on nobody.
  await expect(countOf(page, 'Mine')).toHaveText('0');
  await expect(countOf(page, 'Unassigned L1')).toHaveText('5');
  await expect(countOf(page, 'Queue L1')).toHaveText('5');
  await expect(queues(page).getByRole('link', { name: /^Unassigned L2/ })).toHaveCount(0);
  await expectAccessible(page);

  await step(l1, 2, { action: 'take', version: 1 });
  await page.reload();
  await expect(countOf(page, 'Mine')).toHaveText('1');
  await expect(countOf(page, 'Unassigned L1')).toHaveText('4');
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Printer on 2nd floor prints blank pages/ })).toContainText('Jonas Berg');
  expect(problems).toEqual([]);
  await context.close();
});

test('rows are one line at 1366 px with the latest reply, its author, and a dot for news', async ({ browser }) => {
  const created = await createTicket(customer, report({ email: 'customer@example.com', title: 'Scanner jams on every page' }));
  await step(l1, created.id, { action: 'take', version: 1 });
  const { context, page, problems } = await agentPage(browser);
  await openApp(page, `/tickets/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Scanner jams on every page' })).toBeVisible();
  await page.goto('/console');
  const row = page.getByRole('row', { name: /Scanner jams on every page/ });
  await expect(row).toContainText('Ada Lovelace · Nordlys ApS');
  await expect(row.locator('.unread-dot')).toHaveCount(0);

  // The customer writes: the row shows the news, the words, and that the desk owes an answer.
  const reply = await customer.post(`/api/tickets/${created.id}/actions`,
    { data: { action: 'reply', body: 'It happens\n\nwith   every paper tray too.' } });
  expect(reply.status()).toBe(200);
  await page.reload();
  await expect(row.locator('.unread-dot')).toHaveCount(1);
  await expect(row).toContainText('New activity');
  await expect(row).toContainText('Customer replied');
  await expect(row.locator('.row-preview')).toHaveText('– It happens with every paper tray too.');
  const heights = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  for (const height of heights) expect(height).toBeLessThan(45);
  await expectAccessible(page);

  // Opening it reads it; answering it means the desk spoke last.
  await row.getByRole('link', { name: created.number }).click();
  await page.getByRole('textbox', { name: 'Reply to the customer' }).fill('Which scanner model is it?');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('.event').last()).toContainText('Which scanner model is it?');
  await page.goBack();
  await expect(row.locator('.unread-dot')).toHaveCount(0);
  await expect(row).not.toContainText('Customer replied');
  await expect(row.locator('.row-preview')).toHaveText('– Which scanner model is it?');
  // Back in the queue, focus is on the row the agent came from.
  await expect(row.getByRole('link', { name: created.number })).toBeFocused();
  expect(problems).toEqual([]);
  await context.close();
});

test('filters become chips that remove themselves, orders sort, and a view can be saved', async ({ browser }) => {
  const { context, page, problems } = await agentPage(browser, 'supervisor@example.com');
  await openApp(page, '/console');
  // Supervisors start on the whole desk.
  await expect(queues(page).getByRole('link', { name: 'All' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('combobox', { name: 'Priority' }).selectOption('P2');
  const chips = page.getByRole('list', { name: 'Filters' });
  await expect(chips.getByRole('button', { name: 'Remove filter Priority: P2' })).toBeVisible();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(page.locator('tbody tr')).toContainText('Webshop checkout times out');
  await expect(page).toHaveURL(/priority=P2/);
  await expectAccessible(page);

  // Saved under a name, the view comes back with one click.
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('textbox', { name: 'Name of the view' }).fill('Urgent webshop');
  await page.getByRole('textbox', { name: 'Name of the view' }).press('Enter');
  const saved = queues(page).getByRole('link', { name: 'Urgent webshop' });
  await expect(saved).toBeVisible();

  await chips.getByRole('button', { name: 'Remove filter Priority: P2' }).click();
  await expect(chips).toHaveCount(0);
  await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(1);

  // Priority order: P2 before P4 before the untriaged.
  await page.getByRole('combobox', { name: 'Order' }).selectOption('priority');
  await expect(page).toHaveURL(/sort=priority/);
  await expect(page.locator('tbody tr').first()).toContainText('Webshop checkout times out');
  const priorities = await page.locator('tbody tr .priority-cell').allTextContents();
  const ranked = priorities.map((p) => p.trim() || 'P9');
  expect(ranked).toEqual([...ranked].sort());

  await saved.click();
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await page.reload();
  await expect(queues(page).getByRole('link', { name: 'Urgent webshop' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete view Urgent webshop' }).click();
  await expect(queues(page).getByRole('link', { name: 'Urgent webshop' })).toHaveCount(0);
  expect(problems).toEqual([]);
  await context.close();
});

test('on a phone the header folds away and at least five tickets show as cards', async ({ browser }) => {
  const { context, page, problems } = await agentPage(browser, 'supervisor@example.com', { width: 390, height: 844 });
  await openApp(page, '/console');
  for (let i = 0; i < 6; i += 1) await createTicket(l1, report({ title: `Phone card ${i}` }));
  await page.reload();
  await expect(page.locator('tbody tr').nth(5)).toBeAttached();
  const header = await page.locator('header.app-header').boundingBox();
  expect(header.height).toBeLessThan(70);
  const visible = await page.locator('tbody tr').evaluateAll((rows) => rows
    .filter((r) => { const box = r.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; }).length);
  expect(visible).toBeGreaterThanOrEqual(5);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agent console' })).toBeVisible();
  await expectAccessible(page);
  expect(problems).toEqual([]);
  await context.close();
});
