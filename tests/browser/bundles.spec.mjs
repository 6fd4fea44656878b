// One bundle per audience: a customer downloads the portal only, an agent the console, an
// admin the admin pages only when opening them; a link into another bundle's page loads it
// in place, and a browser that guessed wrong hands over without the person noticing.
import { test, expect, openApp, signIn, signInWithForm, report } from '../support/fixtures.mjs';
import { createTicket, signedIn } from '../support/api.mjs';

/** The bundles (`portal`, `console`, `admin`, `breaches`, `reports`) whose wasm the page has fetched, in order. */
function bundlesLoaded(page) {
  const loaded = [];
  page.on('request', (request) => {
    const match = request.url().match(/\/assets\/([a-z]+)_bg\.[0-9a-f]{12}\.wasm$/);
    if (match) loaded.push(match[1]);
  });
  return loaded;
}

const staffHint = async (context) =>
  (await context.cookies()).find((cookie) => cookie.name === 'edgedesk_staff')?.value;

test('a customer reporting a problem and reading help downloads the portal and nothing else', async ({ page }) => {
  const loaded = bundlesLoaded(page);
  await openApp(page, '/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report a problem');
  await page.getByRole('link', { name: 'Help articles' }).click();
  await expect(page).toHaveURL(/\/kb$/);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email')).toBeVisible();
  expect(loaded).toEqual(['portal']);
});

test('an agent signing in on the portal lands in the console and opens tickets there', async ({ page, request }) => {
  const marker = `bundlemark${Date.now().toString(36)}`;
  const ticket = await createTicket(request, report({ title: `Handover ${marker}` }));
  const loaded = bundlesLoaded(page);
  await openApp(page, '/sign-in');
  await signInWithForm(page, 'l1@example.com');
  await expect(page).toHaveURL(/\/console/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await staffHint(page.context())).toBe('1');

  await page.getByLabel('Search').fill(marker);
  await page.getByLabel('Search').press('Enter');
  await page.getByRole('link', { name: ticket.number }).click();
  await expect(page.getByRole('button', { name: 'Take it' })).toBeVisible();
  // The queue and the workspace are one bundle: opening the ticket loaded no new code.
  expect(loaded).toEqual(['portal', 'console']);
});

test('the admin pages load only when an admin opens them, and the console link leads back', async ({ page }) => {
  await signIn(page.request, 'admin@example.com');
  const loaded = bundlesLoaded(page);
  await openApp(page, '/console');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(loaded).toEqual(['console']);

  await page.locator('header').getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts and invitations');
  await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'SLA settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SLA settings');
  expect(loaded).toEqual(['console', 'admin']);

  await page.locator('header').getByRole('link', { name: 'Agent console' }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.locator('tbody tr').first()).toBeVisible();
  expect(loaded).toEqual(['console', 'admin', 'console']);
  // Back returns to the admin page, not to a half-way step.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SLA settings');
});

test('the data-breach cases load their own bundle, from the console sidebar and back', async ({ page }) => {
  await signIn(page.request, 'supervisor@example.com');
  const loaded = bundlesLoaded(page);
  await openApp(page, '/console');
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Data breaches' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data-breach cases');
  expect(loaded).toEqual(['console', 'breaches']);
  await page.locator('header').getByRole('link', { name: 'Agent console' }).click();
  await expect(page).toHaveURL(/\/console$/);
  expect(loaded).toEqual(['console', 'breaches', 'console']);
});

test('the reports load their own bundle from the console sidebar', async ({ page }) => {
  await signIn(page.request, 'l2@example.com');
  const loaded = bundlesLoaded(page);
  await openApp(page, '/console');
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports');
  await expect(page.getByText('Your own work')).toBeVisible();
  expect(loaded).toEqual(['console', 'reports']);
});

test('a ticket link opened without the staff hint hands over to the console at the same address', async ({ page, request }) => {
  const ticket = await createTicket(request, report());
  await signIn(page.request, 'l2@example.com');
  await page.context().clearCookies({ name: 'edgedesk_staff' });
  const loaded = bundlesLoaded(page);
  await openApp(page, `/tickets/${ticket.id}`);
  await expect(page.getByRole('button', { name: 'Take it' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticket.id}$`));
  expect(loaded).toEqual(['portal', 'console']);
  expect(await staffHint(page.context())).toBe('1');
});

test('a customer whose browser still carries a staff hint gets the portal view of their ticket', async ({ page, baseURL }) => {
  const customer = await signedIn('customer@example.com');
  const data = report({ email: 'customer@example.com', name: 'Mette Hansen' });
  const ticket = await createTicket(customer, data);
  await signIn(page.request, 'customer@example.com');
  await page.context().addCookies([{ name: 'edgedesk_staff', value: '1', url: baseURL }]);
  const loaded = bundlesLoaded(page);
  await openApp(page, `/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.title);
  await expect(page.getByRole('button', { name: 'Take it' })).toHaveCount(0);
  expect(loaded).toEqual(['console', 'portal']);
  expect(await staffHint(page.context())).toBeUndefined();
});

test('signing out of the console clears the hint and returns to the portal', async ({ page }) => {
  await signIn(page.request, 'l1@example.com');
  const loaded = bundlesLoaded(page);
  await openApp(page, '/console');
  await page.getByTestId('signed-in-as').click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByLabel('Email')).toBeVisible();
  expect(loaded).toEqual(['console', 'portal']);
  expect(await staffHint(page.context())).toBeUndefined();
});

test('an address no bundle serves says so instead of bouncing between bundles', async ({ page }) => {
  await signIn(page.request, 'l1@example.com');
  const loaded = bundlesLoaded(page);
  await openApp(page, '/console/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await openApp(page, '/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect(loaded).toEqual(['console', 'portal']);
});
