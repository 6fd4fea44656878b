import { test, expect, openApp, expectAccessible, signIn, signInWithForm } from '../support/fixtures.mjs';

test('a customer reports a problem, fixing one mistake, and finds it in the console', async ({ page }) => {
  const title = `Laptop will not wake from sleep ${Date.now()}`;
  await openApp(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Report a problem' })).toBeVisible();
  await expect(page).toHaveTitle('Report a problem · Edgedesk');

  await page.getByLabel('Your name').fill('Grace Hopper');
  await page.getByLabel('Email').fill('grace@example');
  await page.getByLabel('Short summary').fill(title);
  await page.getByRole('button', { name: 'Send report' }).click();

  // The invalid attempt: errors beside the fields, nothing typed is lost, focus on the first.
  const email = page.getByLabel('Email');
  await expect(page.locator('#field-email-error')).toHaveText('Enter an email address like name@example.com.');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
  await expect(page.locator('#field-description-error')).toHaveText('This field is required.');
  await expect(page.getByRole('alert').first()).toContainText('Please correct the marked fields.');
  await expect(page.getByLabel('Your name')).toHaveValue('Grace Hopper');
  await expect(page.getByLabel('Short summary')).toHaveValue(title);
  await expect(page).toHaveURL(/\/$/);
  await expectAccessible(page);

  await email.fill('grace@example.com');
  await page.getByLabel('What happened?').fill('The lid is open but the screen stays black.\nPower button held: nothing.');
  await page.getByRole('button', { name: 'Send report' }).click();

  await expect(page).toHaveURL(/\/status\/[0-9a-f]{64}\?new=1$/);
  const number = page.getByTestId('ticket-number');
  await expect(number).toHaveText(/^INC-\d{6}$/);
  const ticketNumber = await number.textContent();
  await expect(page).toHaveTitle(`${ticketNumber} ${title} · Edgedesk`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('The lid is open but the screen stays black.')).toBeVisible();
  const statusLink = await page.getByTestId('status-link').getAttribute('href');
  expect(statusLink).toMatch(/\/status\/[0-9a-f]{64}$/);
  await expectAccessible(page);
  // One press copies the link, the only way back without an account.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(statusLink);

  // The status link works later without the confirmation, and without an account.
  await page.goto(statusLink);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('ticket-number')).toHaveCount(0);

  // An agent signs in and finds the ticket in the console.
  await page.getByRole('link', { name: 'Sign in' }).click();
  await signInWithForm(page, 'l1@example.com');
  await expect(page).toHaveURL(/\/console$/);
  await expect(page).toHaveTitle('Tickets · Edgedesk');
  // A new report waits unassigned in the first tier, not in the agent's own queue.
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /^Unassigned L1/ }).click();
  const row = page.getByRole('row', { name: new RegExp(ticketNumber) });
  await expect(row).toContainText(title);
  await expect(row).toContainText('Grace Hopper');
  await expect(row).toContainText('just now');
  await expectAccessible(page);

  await row.getByRole('link', { name: ticketNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('article').getByText('Grace Hopper', { exact: true })).toBeVisible();
  await expectAccessible(page);
});

test('hostile text is shown as text, never run', async ({ page, request }) => {
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const response = await request.post('/api/tickets', {
    data: { name: hostile.slice(0, 90), email: 'eve@example.com', title: `Hostile ${Date.now()}`, description: hostile },
  });
  const { id } = await response.json();
  await signIn(page.request, 'l2@example.com');
  await openApp(page, `/tickets/${id}`);
  await expect(page.locator('.ticket p.prose').first()).toHaveText(hostile);
  // The hostile name is also shown, as text, as the author of the report in the history.
  await expect(page.locator('.timeline .event-head').first()).toContainText(hostile.slice(0, 90));
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('main img').count()).toBe(0);
});

test.describe('answers the server refuses', () => {
  // The browser logs every 4xx response as a console error; these are the expected ones.
  test.use({ expectedConsoleErrors: [/status of 4(22|04)/] });

  test('server-side errors appear beside the field too', async ({ page }) => {
  // The client checks the same rules, so force a server-only failure: a too-long title
  // typed past the client by editing the request on its way out.
  await openApp(page, '/');
  await page.route('**/api/tickets', async (route) => {
    const body = route.request().postDataJSON();
    await route.continue({ postData: JSON.stringify({ ...body, title: 'x'.repeat(151) }) });
  });
  await page.getByLabel('Your name').fill('Alan Turing');
  await page.getByLabel('Email').fill('alan@example.com');
  await page.getByLabel('Short summary').fill('Will be replaced');
  await page.getByLabel('What happened?').fill('Something');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.locator('#field-title-error')).toHaveText('Use at most 150 characters.');
  await expect(page.getByLabel('What happened?')).toHaveValue('Something');
});

  test('an agent revokes a status link and the link then says it does not work', async ({ page, request }) => {
    const created = await (await request.post('/api/tickets', { data: {
      name: 'Leaky Link', email: 'leak@example.com', title: `Forwarded link ${Date.now()}`, description: 'x',
    } })).json();
    await signIn(page.request, 'l2@example.com');
    await openApp(page, `/tickets/${created.id}`);
    const control = page.getByRole('region', { name: "Reporter's status link" });
    await expect(control).toContainText('Active: the reporter can follow this ticket without signing in.');
    await expectAccessible(page);
    await control.getByRole('button', { name: 'Revoke status link' }).click();
    await expect(control).toContainText('Revoked: the link no longer works.');
    await expect(control.getByRole('button')).toHaveCount(0);

    await page.goto(`/status/${created.status_token}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'This status link does not work. It may have been replaced.');
  });

  test('a ticket that does not exist says so', async ({ page }) => {
    await signIn(page.request, 'l1@example.com');
  await openApp(page, '/tickets/987654321');
  await expect(page.getByRole('heading', { name: 'We could not find that ticket.' })).toBeVisible();
  await expectAccessible(page);
});
});
