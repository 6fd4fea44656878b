import { test, expect, openApp, expectAccessible, signIn } from '../support/fixtures.mjs';
import { createTicket, signedIn, signUp } from '../support/api.mjs';

test('an admin invites an agent, who joins; then changes their tier and deactivates them', async ({ page, browser, baseURL }) => {
  const email = `tove-${Date.now()}-${process.pid}@example.com`;
  await signIn(page.request, 'admin@example.com');
  await openApp(page, '/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts and invitations');
  await expect(page.getByRole('row', { name: /l2@example.com/ })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Invite a staff member' });
  await form.getByLabel('Name').fill('Tove Tester');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption('agent');
  await form.getByLabel('Tier').selectOption('l2');
  await form.getByRole('button', { name: 'Create invitation' }).click();
  const link = await page.getByTestId('invitation-link').textContent();
  expect(link).toMatch(/\/invite\/[0-9a-f]{64}$/);

  // The invited person, in their own browser.
  const theirs = await browser.newContext({ baseURL });
  const tove = await theirs.newPage();
  await openApp(tove, link);
  await expect(tove.getByText('You are invited to Edgedesk as')).toContainText('Agent L2');
  await expect(tove.getByLabel('Your name')).toHaveValue('Tove Tester');
  await expectAccessible(tove);
  await tove.getByLabel('Password').fill('tove joins the desk today');
  await tove.getByRole('button', { name: 'Create my account' }).click();
  await expect(tove).toHaveURL(/\/console$/);
  await expect(tove.getByTestId('signed-in-as')).toContainText('Tove Tester');

  // Back at the admin page: move Tove to L3.
  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(email) });
  await row.getByLabel('Tier: Tove Tester').selectOption('l3');
  await row.getByRole('button', { name: 'Save: Tove Tester' }).click();
  await expect(row.getByRole('status')).toHaveText('Saved.');

  // A second admin tab still shows the old version: its save is refused, not applied.
  const second = await page.context().newPage();
  await openApp(second, '/admin');
  const staleRow = second.getByRole('row', { name: new RegExp(email) });
  await expect(staleRow.getByLabel('Tier: Tove Tester')).toHaveValue('l3');
  await row.getByLabel('Active: Tove Tester').uncheck();
  await row.getByRole('button', { name: 'Save: Tove Tester' }).click();
  await expect(row.getByRole('status')).toHaveText('Saved.');
  await staleRow.getByLabel('Tier: Tove Tester').selectOption('l1');
  await staleRow.getByRole('button', { name: 'Save: Tove Tester' }).click();
  await expect(staleRow.getByRole('status')).toContainText('Someone changed this account meanwhile.');
  await expect(staleRow.getByLabel('Active: Tove Tester')).not.toBeChecked();
  await expect(staleRow.getByLabel('Tier: Tove Tester')).toHaveValue('l3');

  // Deactivated: Tove's next visit asks her to sign in.
  await tove.reload();
  await expect(tove).toHaveURL(/\/sign-in\?next=%2Fconsole$/);
  await theirs.close();
});

test('the header keeps one Admin link; tabs lead between the admin pages', async ({ page }) => {
  await signIn(page.request, 'admin@example.com');
  await openApp(page, '/admin');
  const header = page.getByRole('navigation', { name: 'Main' });
  await expect(header.getByRole('link')).toHaveText(['Report a problem', 'Help articles', 'Agent console', 'Admin']);
  const tabs = page.getByRole('navigation', { name: 'Administration sections' });
  await expect(tabs.getByRole('link')).toHaveText(['Accounts', 'Process settings', 'SLA settings', 'Monitoring', 'Mail', 'Webhooks']);
  await expect(tabs.getByRole('link', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');

  await tabs.getByRole('link', { name: 'SLA settings' }).click();
  await expect(page).toHaveURL(/\/admin\/sla$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('SLA settings');
  await expect(tabs.getByRole('link', { name: 'SLA settings' })).toHaveAttribute('aria-current', 'page');
  await expect(tabs.getByRole('link', { name: 'Accounts' })).not.toHaveAttribute('aria-current', 'page');
  // The header's Admin link stays marked on every admin page.
  await expect(header.getByRole('link', { name: 'Admin' })).toHaveAttribute('aria-current', 'page');
  await tabs.getByRole('link', { name: 'Mail' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mail');
  await expectAccessible(page);
});

test('the admin page is for admins only', async ({ page }) => {
  await signIn(page.request, 'supervisor@example.com');
  await openApp(page, '/admin');
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
});

test('an admin creates an API token, sees it once, and revokes it', async ({ page, playwright, baseURL }) => {
  const name = `Nagios ${Date.now()}`;
  await signIn(page.request, 'admin@example.com');
  await openApp(page, '/admin');
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('Token name').fill(name);
  await tokens.getByRole('checkbox', { name: 'alerts:write' }).check();
  await tokens.getByRole('button', { name: 'Create token' }).click();
  const secret = await tokens.getByTestId('new-token').textContent();
  expect(secret).toMatch(/^edt_[0-9a-f]{64}$/);
  const row = tokens.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('tickets:read alerts:write');
  await expect(row).toContainText('Active');
  await expectAccessible(page);

  const machine = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await machine.get('/api/tickets')).status()).toBe(200);
  await row.getByRole('button', { name: `Revoke: ${name}` }).click();
  await expect(row).toContainText('Revoked');
  expect((await machine.get('/api/tickets')).status()).toBe(401);
  await machine.dispose();

  // Shown once: after a reload only the name and scopes remain.
  await page.reload();
  await expect(tokens.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await expect(tokens.getByTestId('new-token')).toHaveCount(0);
});

test('an admin creates an organisation, puts a customer in it and switches ticket sharing', async ({ page, playwright, baseURL }) => {
  const organisation = `Vestjysk Bank ${Date.now()}`;
  const email = `bank-${Date.now()}-${process.pid}@example.com`;
  const customer = await playwright.request.newContext({ baseURL });
  expect((await signUp(customer, { name: 'Bank Customer', email, password: 'banking on the desk' })).status()).toBe(201);
  await customer.dispose();

  await signIn(page.request, 'admin@example.com');
  await openApp(page, '/admin');
  const section = page.getByRole('region', { name: 'Organisations' });
  await section.getByLabel('Organisation name').fill(organisation);
  await section.getByRole('checkbox', { name: "Members see each other's tickets", exact: true }).check();
  await section.getByRole('button', { name: 'Create organisation' }).click();
  const sharing = section.getByLabel(`Members see each other's tickets: ${organisation}`);
  await expect(sharing).toBeChecked();

  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(email) });
  await row.getByLabel('Organisation: Bank Customer').selectOption({ label: organisation });
  await row.getByRole('button', { name: 'Save: Bank Customer' }).click();
  await expect(row.getByRole('status')).toHaveText('Saved.');

  await sharing.uncheck();
  await page.reload();
  await expect(sharing).not.toBeChecked();
  await expect(section.getByRole('row', { name: new RegExp(organisation) })).toContainText('1');
  await expectAccessible(page);
});

test('an admin keeps categories, questions, the priority matrix and canned replies', async ({ page }) => {
  await signIn(page.request, 'admin@example.com');
  await openApp(page, '/admin/process');
  const stamp = Date.now().toString(36);

  // A matrix where more impact lowers the priority is refused before anything is sent.
  const rules = page.getByRole('form', { name: 'Priority matrix and reopen window' });
  await expect(rules.getByLabel('Impact High · Urgency High')).toHaveValue('P1');
  await rules.getByLabel('Impact High · Urgency High').selectOption('P4');
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(rules.getByRole('alert')).toHaveText('That choice is not possible here.');
  await expect(page.getByLabel('Days a customer may reopen a resolved ticket')).toHaveValue('7');

  // A new category with its diagnosis question, asked on the report form.
  const categories = page.getByRole('region', { name: 'Categories and diagnosis questions' });
  await categories.getByLabel('Name').fill(`Phones ${stamp}`);
  await categories.getByLabel('Affected service').fill('Mobile fleet');
  await categories.getByLabel('Questions').fill('Which phone model?\nDoes it restart by itself?');
  await categories.getByRole('button', { name: 'Save category' }).click();
  await expect(categories.getByRole('status')).toHaveText('Saved.');
  await expect(categories.getByRole('row', { name: new RegExp(`Phones ${stamp}`) })).toContainText('Mobile fleet');

  // Canned replies: add one and save.
  const canned = page.getByRole('form', { name: 'Canned replies' });
  await canned.getByRole('button', { name: 'Add a canned reply' }).click();
  await canned.getByLabel('Title').last().fill(`Closing note ${stamp}`);
  await canned.getByLabel('Text').last().fill('Hi {customer_name}, we are closing {ticket_number}.');
  await canned.getByRole('button', { name: 'Save canned replies' }).click();
  await expect(canned.getByRole('status')).toHaveText('Saved.');
  await expectAccessible(page);

  await openApp(page, '/');
  await page.getByLabel('Category').selectOption({ label: `Phones ${stamp}` });
  await expect(page.getByLabel('Which phone model?')).toBeVisible();
  await expect(page.getByLabel('Does it restart by itself?')).toBeVisible();

  // Retired, the category stays listed for admins but is no longer offered to reporters.
  await openApp(page, '/admin/process');
  await page.getByRole('button', { name: `Retire Phones ${stamp}` }).click();
  await expect(page.getByRole('button', { name: `Reactivate Phones ${stamp}` })).toBeVisible();
  await openApp(page, '/');
  await expect(page.getByLabel('Category').locator('option', { hasText: `Phones ${stamp}` })).toHaveCount(0);
  await expect(page.getByLabel('Category').locator('option', { hasText: 'Printing' })).toHaveCount(1);
});

test('an admin reads every outgoing message in the dev mailbox', async ({ page }) => {
  const title = `Mailbox check ${Date.now()}`;
  // Logged by an agent: the public form's per-address limit is shared by the whole run.
  const agent = await signedIn('l1@example.com');
  const { number } = await createTicket(agent, { name: 'Mia Post', email: 'mia@example.com', title, description: 'x', channel: 'email' });
  await agent.dispose();
  await signIn(page.request, 'admin@example.com');
  await openApp(page, '/admin/mailbox');
  const row = page.locator('tr', { hasText: title });
  await expect(row).toContainText('mia@example.com');
  await row.getByText(`[${number}] We received your report: ${title}`).click();
  await expect(row).toContainText('Thank you, Mia Post.');
  await expectAccessible(page);
});
