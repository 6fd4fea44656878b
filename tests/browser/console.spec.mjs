import { test, expect, openApp, expectAccessible, report, signIn } from '../support/fixtures.mjs';

test.beforeEach(async ({ page }) => { await signIn(page.request, 'l1@example.com'); });
import { createTicket } from '../support/api.mjs';

test('the console pages through tickets with "Load more"', async ({ page, request }) => {
  await signIn(request, 'l1@example.com'); // agents are not held to the public form's limit
  for (let i = 0; i < 27; i += 1) await createTicket(request, report());
  await openApp(page, '/console?queue=all');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(25);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect.poll(() => rows.count()).toBeGreaterThan(25);
  const numbers = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  expect(new Set(numbers).size).toBe(numbers.length);
});

test('the console shows that it is loading', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/api/tickets*', async (route) => { await held; await route.continue(); });
  await page.goto('/console?queue=all');
  await expect(page.getByRole('status')).toHaveText('Loading tickets…');
  await expectAccessible(page);
  release();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.locator('tbody tr').first()).toBeVisible();
});

test.describe('when the API cannot be reached', () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource/] });

  test('the console explains and recovers on "Try again"', async ({ page }) => {
    await page.route('**/api/tickets*', (route) => route.abort('connectionrefused'));
    await openApp(page, '/console?queue=all');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The tickets could not be loaded.');
    await expect(alert).toContainText('We could not reach Edgedesk.');
    await expectAccessible(page);

    await page.unroute('**/api/tickets*');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('tbody tr').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('an agent changes several tickets at once and uses the keyboard', async ({ page, request }) => {
  await signIn(request, 'l1@example.com');
  const marker = `bulkmark${Date.now().toString(36)}`;
  const first = await createTicket(request, report({ title: `Bulk one ${marker}` }));
  const second = await createTicket(request, report({ title: `Bulk two ${marker}` }));
  await openApp(page, '/console');
  await page.getByLabel('Search').fill(marker);
  await page.getByLabel('Search').press('Enter');
  await expect(page.locator('tbody tr')).toHaveCount(2);

  await page.getByLabel(`Select ${first.number}`).check();
  await page.getByLabel(`Select ${second.number}`).check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByLabel('Status', { exact: true }).last().selectOption('pending_third_party');
  await page.getByRole('button', { name: 'Set status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveText('2 changed');
  await expect(page.getByRole('row', { name: new RegExp(first.number) })).toContainText('Waiting for a supplier');
  await expect(page.getByRole('row', { name: new RegExp(second.number) })).toContainText('Waiting for a supplier');
  await expectAccessible(page);

  // j moves through the queue, Enter opens; ? shows the shortcuts.
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: second.number })).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.getByRole('link', { name: first.number })).toBeFocused();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/tickets/${first.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Bulk one ${marker}` })).toBeVisible();

  // r starts a reply; a canned reply fills in the customer and the ticket.
  await page.keyboard.press('r');
  await expect(page.getByRole('textbox', { name: 'Reply to the customer' })).toBeFocused();
  await page.getByLabel('Canned reply').selectOption({ label: 'Ask for details' });
  await expect(page.getByRole('textbox', { name: 'Reply to the customer' }))
    .toHaveValue(new RegExp(`^Hi Ada Lovelace,\\n\\nThank you for reporting ${first.number}\\.[\\s\\S]*Lise Lund \\(L1\\)$`));
});

test('an agent marks themselves away and back', async ({ page, request }) => {
  // L1 (no spec auto-assigns or mails the L1 queue and expects it) steps away briefly.
  await signIn(request, 'l1@example.com');
  await signIn(page.request, 'l1@example.com');
  await openApp(page, '/console');
  const away = page.getByLabel('I am away (no new tickets)');
  await away.check();
  await expect.poll(async () => (await (await request.get('/api/agents')).json()).find((a) => a.id === 3).away).toBe(true);
  await away.uncheck();
  await expect.poll(async () => (await (await request.get('/api/agents')).json()).find((a) => a.id === 3).away).toBe(false);
});
