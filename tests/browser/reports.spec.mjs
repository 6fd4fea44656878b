// A supervisor opens the reports from the console, picks a week, reads the figures against
// the promise, looks at the charts and their tables, breaks the work down by agent and
// downloads a table as CSV; an agent sees only their own work; a Danish reader reads
// Danish numbers. On a desk of its own with the week of known answers.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible, personPage, signIn } from '../support/fixtures.mjs';
import { sweepAt, signedIn } from '../support/api.mjs';
import { d1, makePersistDir, removePersistDir, startServer } from '../support/server.mjs';
import { HISTORY, historySql } from '../support/history.mjs';

test.describe.configure({ mode: 'serial' });

let dir;
let server;

test.beforeAll(async () => {
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true });
  await d1(dir, 'execute', 'edgedesk', '--command', historySql(HISTORY));
  const admin = await signedIn('admin@example.com', { baseURL: server.url });
  expect(await sweepAt(admin, Date.now())).toMatchObject({ error: null });
  await admin.dispose();
});

test.afterAll(async () => {
  await server?.stop();
  if (dir) await removePersistDir(dir);
});

const WEEK = '/reports?from=2026-11-02&to=2026-11-06';

test('a supervisor reads the week against the promise, charts beside their tables, and downloads a table', async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, context } = await personPage(browser, 'supervisor@example.com', { baseURL: server.url });
  await page.goto('/console');
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports');
  await expect(page).toHaveURL(/\/reports$/);

  // Picking the week puts it in the address, so the link shares this report.
  await page.getByLabel('From', { exact: true }).fill('2026-11-02');
  await expect(page).toHaveURL(/from=2026-11-02/);
  await page.getByLabel('To', { exact: true }).fill('2026-11-06');
  await expect(page).toHaveURL(/from=2026-11-02&to=2026-11-06&group=priority$/);

  const tiles = page.getByRole('region', { name: 'Period' });
  await expect(tiles).toContainText('First response45 min');
  await expect(tiles).toContainText('80 % within target (4 / 5)');
  await expect(tiles).toContainText('Resolution4 h 10 min');
  await expect(tiles).toContainText('Reopened16.7 %');
  await expect(tiles).toContainText('Satisfaction66.7 %');

  // Every chart is an image with a name and its numbers as a table beside it.
  for (const name of ['Tickets in and out per day', 'Median times per day', 'How long it took', 'Compliance per priority']) {
    const figure = page.getByRole('region', { name });
    await expect(figure.getByRole('img', { name })).toBeVisible();
    await expect(figure.getByRole('table')).toBeVisible();
  }
  const inOut = page.getByRole('region', { name: 'Tickets in and out per day' });
  await expect(inOut.getByRole('row', { name: /^2 Nov/ })).toContainText('222');
  // Opened 2, 2, 1 and resolved 2, 1, 2, 1: one bar for each day's number that is not zero.
  await expect(inOut.locator('svg rect.chart-mark')).toHaveCount(7);

  // Broken down by agent: the names, not ids.
  await page.getByLabel('Break down by').selectOption('agent');
  await expect(page).toHaveURL(/group=agent/);
  const breakdown = page.getByRole('region', { name: /Breakdown · Agent/ });
  await expect(breakdown.getByRole('row', { name: /Lise Lund \(L1\)/ })).toContainText('4 h 10 min');

  // The CSV holds the same rows as the table.
  const downloading = page.waitForEvent('download');
  await breakdown.getByRole('link', { name: /Download CSV/ }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('edgedesk-2026-11-02-2026-11-06-breakdown.csv');
  const lines = (await readFile(await file.path(), 'utf8')).replace(/^\ufeff/, '').trim().split('\r\n');
  const rows = await breakdown.locator('tbody tr').evaluateAll((trs) => trs.map((tr) =>
    [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('td')].map((td) => td.dataset.value)]));
  expect(lines.slice(1)).toEqual(rows.map((cells) => cells.map((cell) => `"${cell}"`).join(',')));
  expect(lines[0]).toContain('"First response: Median (min)"');

  await expectAccessible(page);
  await context.close();
});

test('an agent sees their own work only; a customer sees no report', async ({ browser }) => {
  const { page, context } = await personPage(browser, 'l1@example.com', { baseURL: server.url });
  await page.goto(WEEK);
  await expect(page.getByText('Your own work')).toBeVisible();
  await expect(page.getByLabel('Agent', { exact: true })).toHaveCount(0);
  // Lise resolved 1001, 1004 and 1005 (twice): four of the week's six resolutions.
  await expect(page.getByRole('region', { name: 'Period' })).toContainText('Resolved: 4');
  await context.close();

  // A shared link with a bad period says so, and offers the default report.
  const broken = await personPage(browser, 'supervisor@example.com', { baseURL: server.url });
  await broken.page.goto('/reports?from=2026-11-10&to=2026-11-01');
  await expect(broken.page.getByRole('alert')).toBeVisible();
  await broken.page.getByRole('link', { name: 'Show the last 30 days' }).click();
  await expect(broken.page.getByRole('region', { name: 'Period' })).toBeVisible();
  await broken.context.close();

  const customer = await personPage(browser, 'customer@example.com', { baseURL: server.url });
  await customer.page.goto(WEEK);
  await expect(customer.page).toHaveURL(/\/my-tickets$/);
  await customer.context.close();
});

test('in Danish: Danish words and decimal commas, in the page and in the file', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url, locale: 'da-DK', viewport: { width: 1366, height: 900 } });
  await signIn(context.request, 'supervisor@example.com');
  const page = await context.newPage();
  await page.goto(WEEK);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapporter');
  const tiles = page.getByRole('region', { name: 'Perioden' });
  await expect(tiles).toContainText('Løsning4 t 10 min');
  await expect(tiles).toContainText('Genåbnet16,7 %');
  const compliance = page.getByRole('region', { name: 'Overholdelse pr. prioritet' });
  const downloading = page.waitForEvent('download');
  await compliance.getByRole('link', { name: /Hent CSV/ }).click();
  const text = await readFile(await (await downloading).path(), 'utf8');
  expect(text.startsWith('\ufeff"Prioritet";"Første svar (%)";"Løsning (%)"')).toBe(true);
  expect(text).toContain('"P3";"100";"100"');
  expect(text).toContain('"P2";"50";"50"');
  await expectAccessible(page);
  await context.close();
});
