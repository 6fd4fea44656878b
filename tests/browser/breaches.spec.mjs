// An agent suspects a data breach on an incident, opens a case from it, assesses it,
// records the decisions and the notification to the authority, and closes it; the
// privacy lead exports the register; a colleague not on the case sees only that it exists.
import { test, expect, expectAccessible, openApp, personPage, report, signIn } from '../support/fixtures.mjs';
import { createTicket, signedIn } from '../support/api.mjs';

test('a breach case from an incident: assessed, decided, notified, closed, and in the register', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const title = `Payslips sent to the wrong customer ${Date.now()}`;
  await signIn(request, 'customer@example.com');
  const incident = await createTicket(request, report({ title: 'I received someone else\'s payslips' }));

  await signIn(page.request, 'l1@example.com');
  await openApp(page, `/tickets/${incident.id}`);
  const panel = page.getByRole('region', { name: 'Data breaches' });
  await panel.getByRole('button', { name: 'Report a data breach' }).click();
  await panel.getByLabel('What happened').fill(title);
  await expect(panel.getByLabel('Reported by')).toHaveValue('Lise Lund (L1)');
  await panel.getByRole('button', { name: 'Open a breach case' }).click();

  await expect(page).toHaveURL(/\/breaches\/\d+$/);
  const caseId = Number(page.url().split('/').pop());
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.getByTestId('breach-clock')).toHaveText(/^7[12] h left$/);
  await expect(page.getByRole('link', { name: /^INC-\d+$/ })).toBeVisible();

  const assessment = page.getByRole('form', { name: 'Assessment (Article 33(3))' });
  await assessment.getByLabel('Nature of the breach').fill('Payslips of 40 employees mailed to another customer');
  await assessment.getByLabel('People concerned (approx.)').fill('40');
  await assessment.getByLabel('A high risk').check();
  await assessment.getByLabel('Why this risk').fill('Salaries and CPR numbers');
  await assessment.getByRole('button', { name: 'Save assessment' }).click();
  await expect(assessment.getByRole('status')).toContainText('Saved');

  // Closing too early says what is missing, and closes nothing.
  const close = page.getByRole('region', { name: 'Close the case' });
  await expect(close).toContainText('decide whether to notify the authority');

  const authority = page.getByRole('form', { name: 'The supervisory authority (Article 33)' });
  await authority.getByLabel('Notify the authority').check();
  await authority.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('region', { name: 'Decisions' }).getByRole('status')).toContainText('Saved');
  await expect(authority).toContainText('Decided by Lise Lund (L1)');

  const notify = page.getByRole('form', { name: 'Record notification' });
  await notify.getByLabel('The authority\'s reference').fill('2026-441-0042');
  await notify.getByRole('button', { name: 'Record notification' }).click();
  const notifications = page.getByRole('region', { name: 'Notifications' });
  await expect(notifications.getByRole('listitem')).toContainText('2026-441-0042');
  // Notified: the 72-hour clock stops.
  await expect(page.getByTestId('breach-clock')).toHaveText('Clock stopped');

  const subjects = page.getByRole('form', { name: 'The people affected (Article 34)' });
  await subjects.getByLabel(/Exception 34\(3\)\(a\)/).check();
  await subjects.getByLabel('Reason').fill('The file was encrypted; the key was never sent');
  await subjects.getByRole('button', { name: 'Record decision' }).click();
  await expect(subjects).toContainText('Decided by Lise Lund (L1)');

  // The notice for the authority, in both languages, from the assessment.
  await expect(page.locator('#notice-da')).toHaveValue(/Anmeldelse af brud på persondatasikkerheden/);
  await expect(page.locator('#notice-en')).toHaveValue(/Nature of the breach: Payslips of 40 employees/);
  await expectAccessible(page);

  await close.getByRole('button', { name: 'Close the case' }).click();
  await expect(close).toContainText('Closed');
  const history = page.getByRole('region', { name: 'History (every read and change)' });
  await expect(history).toContainText('closed the case');
  await expect(history).toContainText('recorded a notification');

  // The privacy lead finds it and exports the register as CSV.
  const lead = await personPage(browser, 'supervisor@example.com');
  await openApp(lead.page, '/breaches');
  const row = lead.page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Closed');
  await expect(row).toContainText('A high risk');
  const [download] = await Promise.all([
    lead.page.waitForEvent('download'),
    lead.page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^breach-register-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text.split('\r\n').filter((line) => line.includes(title)).length).toBeGreaterThanOrEqual(6);
  await expectAccessible(lead.page);
  await lead.context.close();

  // A colleague not on the case: the incident says a restricted case exists, the case does not open.
  const other = await personPage(browser, 'l2@example.com');
  await openApp(other.page, `/tickets/${incident.id}`);
  const link = other.page.getByRole('region', { name: 'Data breaches' }).getByRole('link', { name: /^BR-\d{6}$/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(other.page.getByRole('alert')).toContainText('not shared with you');
  await expect(other.page.getByText(title)).toHaveCount(0);
  await other.context.close();

  // The customer's own page never mentions it.
  const customer = await signedIn('customer@example.com');
  expect(JSON.stringify(await (await customer.get(`/api/tickets/${incident.id}`)).json())).not.toContain(String(caseId).padStart(6, '0'));
  await customer.dispose();
});
