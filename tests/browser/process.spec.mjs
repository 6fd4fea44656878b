// The incident process as people do it: a customer, L1, L2 and L3 in their own browsers.
import fs from 'node:fs/promises';
import { test, expect, openApp, expectAccessible, personPage, report, signIn } from '../support/fixtures.mjs';
import { createTicket, signedIn, step } from '../support/api.mjs';

/** A browser of its own for one person, signed in. */
const personAt = async (browser, baseURL, email) => (await personPage(browser, email, { baseURL })).page;

/** Opens a step's dialog from its button and returns the form inside. */
async function form(page, name) {
  await page.getByRole('button', { name: `${name}…` }).click();
  const opened = page.getByRole('form', { name });
  await expect(opened).toBeVisible();
  return opened;
}

test('a reported incident travels from the customer through L1 and L2 to closed', async ({ page, browser, baseURL }) => {
  test.slow();
  const title = `VPN drops every ten minutes ${Date.now()}`;

  // Identification and logging, by the customer, with the category's questions.
  await signIn(page.request, 'customer@example.com');
  await openApp(page, '/');
  await page.getByLabel('Short summary').fill(title);
  await page.getByLabel('What happened?').fill('The VPN disconnects every ten minutes since Monday.');
  await page.getByLabel('Something is broken').check();
  await page.getByLabel('Category').selectOption({ label: '– VPN' });
  await page.getByLabel('Which VPN client version do you use?').fill('4.2.1');
  await page.getByLabel('Just me').check();
  await page.getByLabel('Yes, but slower or with a workaround').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send report' }).click();
  const number = await page.getByTestId('ticket-number').textContent();
  const id = Number(number.split('-')[1]);

  // L1 finds it in the console, categorises and prioritises through the matrix, escalates.
  const l1 = await personAt(browser, baseURL, 'l1@example.com');
  await openApp(l1, '/console');
  await l1.getByLabel('Search').fill(title);
  await l1.getByLabel('Search').press('Enter');
  await l1.getByRole('link', { name: number }).click();
  await expect(l1.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(l1.getByText('4.2.1')).toBeVisible();
  await expect(l1.getByTestId('priority')).toHaveText('P4');
  const triage = await form(l1, 'Categorise and prioritise');
  await triage.getByLabel('Impact').selectOption('medium');
  await triage.getByLabel('Urgency').selectOption('high');
  await triage.getByRole('button', { name: 'Save' }).click();
  await expect(l1.getByTestId('priority')).toHaveText('P2');
  await expect(l1.getByTestId('status')).toHaveText('Open');
  const escalate = await form(l1, 'Escalate');
  await escalate.getByLabel('Tier').selectOption('l2');
  await escalate.getByLabel('Reason').fill('Needs the VPN team');
  await escalate.getByRole('button', { name: 'Escalate' }).click();
  await expect(l1.getByTestId('tier')).toHaveText('L2');
  await expect(l1.locator('.event').last()).toContainText('Needs the VPN team');
  // Hierarchical escalation: a supervisor is told, with the reason.
  const ask = await form(l1, 'Escalate');
  await ask.getByLabel('Reason').fill('Third VPN ticket this week; worth a look');
  await ask.getByRole('button', { name: 'Ask a supervisor' }).click();
  await expect(l1.locator('.event').last()).toContainText('Supervisor asked');
  await expect(l1.locator('.event').last()).toContainText('Third VPN ticket this week; worth a look');
  await expectAccessible(l1);

  // L2 takes it from the unassigned L2 queue, schedules a call, asks, and notes internally.
  const l2 = await personAt(browser, baseURL, 'l2@example.com');
  await openApp(l2, '/console');
  await l2.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /^Unassigned L2/ }).click();
  await l2.getByRole('link', { name: number }).click();
  // L1 still has the ticket open in their browser; presence is pushed at once.
  await expect(l2.getByTestId('presence')).toContainText('Lise Lund (L1) is also looking at this ticket', { timeout: 3_000 });
  await l2.getByRole('button', { name: 'Take it' }).click();
  await expect(l2.getByTestId('assignee')).toHaveText('Lars Nielsen (L2)');
  const call = await form(l2, 'Schedule a call');
  const tomorrow = new Date(Date.now() + 86_400_000);
  const local = `${tomorrow.toISOString().slice(0, 10)}T10:00`;
  await call.getByLabel('When').fill(local);
  await call.getByLabel('Phone number').fill('+45 20 30 40 50');
  await call.getByLabel('Note for the customer').fill('Have the laptop ready');
  await call.getByRole('button', { name: 'Schedule call' }).click();
  await expect(l2.getByRole('region', { name: 'Calls' })).toContainText('+45 20 30 40 50');
  await l2.getByRole('textbox', { name: 'Reply to the customer' }).fill('Does it also happen on the office Wi-Fi?');
  // "Send and set status…" sends the reply and sets the ticket waiting in one step.
  await l2.getByText('Send and set status…').click();
  await l2.getByRole('button', { name: 'Waiting for the customer' }).click();
  await expect(l2.getByTestId('status')).toHaveText('Waiting for the customer');
  await l2.getByRole('radio', { name: 'Internal note' }).check();
  await l2.getByRole('textbox', { name: 'Internal note' }).fill('Certificate on gateway 2 expired');
  await l2.getByRole('button', { name: 'Add note' }).click();
  await expect(l2.locator('.event-internal').last()).toContainText('Certificate on gateway 2 expired');
  await expectAccessible(l2);

  // The customer sees the reply and the call, never the note; downloads the invitation.
  await openApp(page, `/tickets/${id}`);
  await expect(page.getByText('Does it also happen on the office Wi-Fi?')).toBeVisible();
  await expect(page.getByText('Certificate on gateway 2 expired')).toHaveCount(0);
  await expect(page.getByText('Needs the VPN team')).toHaveCount(0);
  await expect(page.getByTestId('status')).toHaveText('Waiting for your reply');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Add to calendar (.ics)' }).click();
  const calendar = await fs.readFile(await (await download).path(), 'utf8');
  expect(calendar).toContain('BEGIN:VEVENT');
  expect(calendar).toContain('LOCATION:+45 20 30 40 50');
  await expectAccessible(page);
  await page.getByLabel('Your reply').fill('Yes, in the office too.');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Open');

  // L2 resolves; the customer confirms and rates; the ticket closes.
  await l2.reload();
  const resolve = await form(l2, 'Resolve');
  await resolve.getByLabel('What was done').fill('Renewed the certificate on gateway 2.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(l2.getByTestId('status')).toHaveText('Resolved');

  await page.reload();
  await expect(page.getByText('Renewed the certificate on gateway 2.').first()).toBeVisible();
  await page.getByRole('button', { name: 'Yes, it works' }).click();
  await expect(page.getByTestId('status')).toHaveText('Closed');
  await page.getByLabel('5').check();
  await page.getByLabel('Comment (optional)').fill('Quick and friendly');
  await page.getByRole('button', { name: 'Send rating' }).click();
  await expect(page.getByText('5/5 – Quick and friendly')).toBeVisible();
  await expect(page.getByLabel('Your reply')).toHaveCount(0);
  await expectAccessible(page);

  await l2.reload();
  await expect(l2.locator('.timeline')).toContainText('Confirmed by the customer');
  await expect(l2.locator('.timeline')).toContainText('Rated');
  await Promise.all([l1.context().close(), l2.context().close()]);
});

test('a major incident with two linked incidents and one broadcast update', async ({ page, browser, baseURL }) => {
  test.slow();
  const customerA = await signedIn('customer@example.com');
  const customerB = await signedIn('customer2@example.com');
  const stamp = Date.now();
  const major = await createTicket(customerA, { name: 'Mette Hansen', email: 'customer@example.com',
    title: `Nobody can send mail ${stamp}`, description: 'Outlook says the server is unavailable.' });
  const childA = await createTicket(customerA, { name: 'Mette Hansen', email: 'customer@example.com',
    title: `Mail stuck in outbox ${stamp}`, description: 'Messages stay in the outbox.' });
  const childB = await createTicket(customerB, { name: 'Amira Khan', email: 'customer2@example.com',
    title: `Cannot email a customer ${stamp}`, description: 'Sending fails.' });

  // L3 declares the major incident; L1 links one report in the UI, the other by API.
  const l3 = await personAt(browser, baseURL, 'l3@example.com');
  await openApp(l3, `/tickets/${major.id}`);
  await (await form(l3, 'Major incident')).getByRole('button', { name: 'Declare major incident' }).click();
  await expect(l3.locator('.ticket .badge-major')).toBeVisible();
  const l1 = await personAt(browser, baseURL, 'l1@example.com');
  await openApp(l1, `/tickets/${childA.id}`);
  const link = await form(l1, 'Major incident');
  await link.getByLabel('Major incident number (id)').fill(String(major.id));
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(l1.locator('.timeline')).toContainText('Linked to a major incident');
  const l1Api = await signedIn('l1@example.com');
  await step(l1Api, childB.id, { action: 'link_to_major', version: 1, major_id: major.id });

  // One public update on the major incident reaches both customers; the one who has
  // their ticket open sees it arrive without reloading.
  await signIn(page.request, 'customer2@example.com');
  await openApp(page, `/tickets/${childB.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Cannot email a customer ${stamp}` })).toBeVisible();
  await l3.reload();
  await expect(l3.getByRole('region', { name: 'Linked incidents' })).toContainText(childB.number);
  const update = 'We found the cause: a failed mail relay. Sending works again within the hour.';
  await l3.getByRole('textbox', { name: 'Reply to the customer' }).fill(update);
  await l3.getByRole('button', { name: 'Send reply' }).click();
  await expect(l3.locator('.timeline')).toContainText(update);
  await expect(page.getByText(update)).toBeVisible({ timeout: 3_000 });

  // Resolving the major incident resolves its children with the same resolution.
  const resolve = await form(l3, 'Resolve');
  await resolve.getByLabel('What was done').fill('Replaced the mail relay.');
  await expect(resolve.getByLabel('Also resolve the linked incidents')).toBeChecked();
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(l3.getByTestId('status')).toHaveText('Resolved');
  await page.reload();
  await expect(page.getByTestId('status')).toHaveText('Resolved');
  await expect(page.getByText('Replaced the mail relay.').first()).toBeVisible();
  await expectAccessible(page);
  await Promise.all([customerA.dispose(), customerB.dispose(), l1Api.dispose(), l1.context().close(), l3.context().close()]);
});

test('a reporter without an account answers, reopens and withdraws through the status link', async ({ page }) => {
  const l1 = await signedIn('l1@example.com');
  const incident = await createTicket(l1, report({ channel: 'email', email: 'walkin@example.com', title: `Scanner offline ${Date.now()}` }));
  await step(l1, incident.id, { action: 'reply', body: 'Is the scanner switched on?', wait_for_customer: true });

  await openApp(page, `/status/${incident.status_token}`);
  await expect(page.getByText('Is the scanner switched on?')).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText('Waiting for your reply');
  await page.getByLabel('Your reply').fill('Yes, and it still says offline.');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('Open');
  await expectAccessible(page);

  // Resolved, but not fixed for the reporter: they reopen with a reason.
  const current = await (await l1.get(`/api/tickets/${incident.id}`)).json();
  await step(l1, incident.id, { action: 'resolve', version: current.ticket.version, code: 'fixed', notes: 'Restarted the scanner.' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Does it work again?' })).toBeVisible();
  await page.getByLabel('Reason').fill('It went offline again after an hour.');
  await page.getByRole('button', { name: 'No, reopen' }).click();
  await expect(page.getByTestId('status')).toHaveText('Open');
  await expect(page.locator('.timeline')).toContainText('It went offline again after an hour.');

  // A service request that is no longer needed is withdrawn.
  const request = await createTicket(l1, report({ channel: 'phone', kind: 'request', title: `Second monitor ${Date.now()}` }));
  await openApp(page, `/status/${request.status_token}`);
  await page.getByRole('form', { name: 'Cancel request' }).getByLabel('Reason').fill('Got one from a colleague.');
  await page.getByRole('button', { name: 'Cancel request' }).click();
  await expect(page.getByTestId('status')).toHaveText('Cancelled');
  await expect(page.getByLabel('Your reply')).toHaveCount(0);
  await l1.dispose();
});
