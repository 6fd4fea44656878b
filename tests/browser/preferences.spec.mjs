import { test, expect, openApp, expectAccessible, report, signIn } from '../support/fixtures.mjs';

test('the language can be switched to Danish and is remembered', async ({ page }) => {
  await signIn(page.request, 'l1@example.com');
  await openApp(page, '/');
  await page.getByLabel('Language').selectOption('da');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportér et problem');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('link', { name: 'Agentkonsol' })).toBeVisible();

  await page.getByRole('button', { name: 'Send rapport' }).click();
  await expect(page.locator('#field-title-error')).toHaveText('Feltet skal udfyldes.');
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportér et problem');
  await page.getByRole('link', { name: 'Agentkonsol' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sager');
  // The account remembers it (its mail follows); the shared demo account goes back to English.
  await expect.poll(async () => (await (await page.request.get('/api/me')).json()).language).toBe('da');
  await page.close();
  expect((await page.request.put('/api/me/language', { data: { language: 'en' } })).status()).toBe(200);
});

test('a Danish browser starts in Danish', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'da-DK', baseURL });
  const page = await context.newPage();
  await openApp(page, '/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportér et problem');
  await context.close();
});

test('the dark theme can be chosen, is remembered and stays accessible', async ({ page }) => {
  await signIn(page.request, 'l1@example.com');
  await openApp(page, '/console?queue=all');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(15, 18, 24)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Theme').selectOption('light');
  expect(await background()).toBe('rgb(246, 247, 249)');
});

test('the portal and the console are readable at 360 px wide', async ({ page }) => {
  await signIn(page.request, 'l1@example.com');
  await page.setViewportSize({ width: 360, height: 740 });
  const horizontalOverflow = () => page.evaluate(() => {
    const wrap = document.querySelector('.table-wrap');
    return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
      wrap ? wrap.scrollWidth - wrap.clientWidth : 0);
  });
  await openApp(page, '/');
  expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Send report' })).toBeVisible();
  await expectAccessible(page);

  // The header folds into a menu; the queues become a strip of pills.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Agent console' }).click();
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'All' }).click();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  expect(await horizontalOverflow()).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('on a phone the workspace keeps the conversation and compose box in front, actions in a sheet', async ({ page }) => {
  await signIn(page.request, 'l1@example.com');
  await page.setViewportSize({ width: 390, height: 844 });
  const created = await (await page.request.post('/api/tickets', { data: report({ title: `Phone sheet ${Date.now()}` }) })).json();
  await openApp(page, `/tickets/${created.id}`);
  const status = page.getByLabel('Status', { exact: true });
  await expect(page.getByRole('textbox', { name: 'Reply to the customer' })).toBeAttached();
  await expect(status).toBeHidden();
  // The bar at the bottom opens the sheet with the ticket's properties and steps.
  const toggle = page.getByRole('button', { name: 'Ticket actions' });
  await expect(toggle).toBeInViewport();
  await toggle.click();
  await expect(status).toBeInViewport();
  await status.selectOption('in_progress');
  await expect(page.getByTestId('status')).toHaveText('In progress');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Back to the conversation' }).click();
  await expect(status).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('unknown pages say so', async ({ page }) => {
  await openApp(page, '/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectAccessible(page);
});
