import { test, expect, openApp, expectAccessible, report, signIn } from '../support/fixtures.mjs';

test.beforeEach(async ({ page }) => { await signIn(page.request, 'l1@example.com'); });
import { createTicket } from '../support/api.mjs';

test('the console pages through tickets with "Load more"', async ({ page, request }) => {
  await signIn(request, 'l1@example.com'); // agents are not held to the public form's limit
  for (let i = 0; i < 27; i += 1) await createTicket(request, report());
  await openApp(page, '/console');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(25);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect.poll(() => rows.count()).toBeGreaterThan(25);
  const numbers = await page.locator('tbody tr td:first-child').allTextContents();
  expect(new Set(numbers).size).toBe(numbers.length);
});

test('the console shows that it is loading', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/api/tickets*', async (route) => { await held; await route.continue(); });
  await page.goto('/console');
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
    await openApp(page, '/console');
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
