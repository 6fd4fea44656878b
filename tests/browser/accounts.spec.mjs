import { test, expect, openApp, expectAccessible, signInWithForm } from '../support/fixtures.mjs';
import { confirmationToken, signUp } from '../support/api.mjs';

test('a customer signs up, reports, signs out and back in, and finds the ticket under "My tickets"', async ({ page }) => {
  const email = `karen-${Date.now()}-${process.pid}@example.com`;
  const password = 'out of africa 1937';
  const title = `Scanner shows error E42 ${Date.now()}`;

  await openApp(page, '/');
  await page.getByRole('link', { name: 'Create account' }).click();
  await expect(page).toHaveTitle('Create an account · Edgedesk');
  await expectAccessible(page);
  await page.getByLabel('Your name').fill('Karen Blixen');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#field-password-error')).toHaveText('Choose a longer or less common password.');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // The address is confirmed before the account exists: the link comes by mail.
  await expect(page.getByTestId('sign-up-sent')).toContainText('Check your inbox');
  await expectAccessible(page);
  await page.goto(`/confirm-email/${await confirmationToken(email)}`);

  await expect(page).toHaveURL(/\/my-tickets$/);
  await expect(page.getByTestId('signed-in-as')).toContainText('Karen Blixen');
  await expect(page.getByText('Nothing open: we are not working on anything for you right now.')).toBeVisible();
  await expectAccessible(page);

  // The form knows who they are.
  await page.getByRole('link', { name: 'Report a problem' }).first().click();
  await expect(page.getByLabel('Your name')).toHaveValue('Karen Blixen');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('Short summary').fill(title);
  await page.getByLabel('What happened?').fill('Every scan stops halfway.');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  const ticketUrl = await (async () => {
    await page.getByRole('link', { name: 'My tickets' }).click();
    const link = page.getByRole('row', { name: new RegExp(title) }).getByRole('link');
    return link.getAttribute('href');
  })();
  expect(ticketUrl).toMatch(/^\/tickets\/\d+$/);
  // Each view says what its emptiness means.
  await page.getByLabel('Show').selectOption('closed');
  await expect(page.getByText('No closed tickets yet.')).toBeVisible();
  await page.getByLabel('Show').selectOption('open');

  await page.getByTestId('signed-in-as').click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('link', { name: 'My tickets' })).toHaveCount(0);

  // Signed out, the ticket is not reachable: the page asks to sign in and comes back.
  await page.goto(ticketUrl);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftickets%2F\d+$/);
  await signInWithForm(page, email, password);
  await expect(page).toHaveURL(new RegExp(`${ticketUrl}$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.getByRole('link', { name: 'My tickets' }).click();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
});

test('a customer who types the console address is sent to their own tickets', async ({ page }) => {
  await openApp(page, '/sign-in');
  await signInWithForm(page, 'customer@example.com');
  await expect(page).toHaveURL(/\/my-tickets$/);
  await page.goto('/console');
  await expect(page).toHaveURL(/\/my-tickets$/);
  await expect(page.getByRole('link', { name: 'Agent console' })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Webshop checkout/ })).toHaveCount(0);
});

test('an agent signs in and reaches the console; a signed-out visitor is asked to sign in', async ({ page }) => {
  await openApp(page, '/console');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fconsole$/);
  // The sign-in page belongs to the portal bundle, which loads in place of the console's.
  await expect(page.getByLabel('Email')).toBeVisible();
  await expectAccessible(page);
  await signInWithForm(page, 'l2@example.com');
  await expect(page).toHaveURL(/\/console$/);
  // Agents start on their own tickets; the whole desk is one click away.
  await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /^Mine/ }))
    .toHaveAttribute('aria-current', 'page');
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'All' }).click();
  await expect(page.locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toContainText('Lars Nielsen (L2)');
});

test.describe('wrong credentials', () => {
  test.use({ expectedConsoleErrors: [/status of 401/] });

  test('are refused with one message that does not say which part was wrong', async ({ page }) => {
    await openApp(page, '/sign-in');
    await signInWithForm(page, 'l1@example.com', 'not the password');
    await expect(page.getByRole('alert')).toContainText('Email or password is wrong.');
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByLabel('Email')).toHaveValue('l1@example.com');
    await expectAccessible(page);
  });
});

test('"Sign out everywhere" ends the session on every device', async ({ page, browser, baseURL }) => {
  const email = `two-devices-${Date.now()}-${process.pid}@example.com`;
  const password = 'one person two browsers';
  expect((await signUp(page.request, { name: 'Two Devices', email, password })).status()).toBe(201);
  const phoneContext = await browser.newContext({ baseURL });
  const phone = await phoneContext.newPage();
  await openApp(phone, '/sign-in');
  await signInWithForm(phone, email, password);
  await expect(phone).toHaveURL(/\/my-tickets$/);

  await openApp(page, '/my-tickets');
  await page.getByTestId('signed-in-as').click();
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await phone.reload();
  await expect(phone).toHaveURL(/\/sign-in\?next=%2Fmy-tickets$/);
  await phoneContext.close();
});
