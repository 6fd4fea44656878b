// Every page in Danish, as each role, on a desk whose own content is Danish: any English
// word on screen then comes from the interface (or from the server's prose) and fails.
// Mail goes out in its recipient's language, remembered per account and per report form.
import { request as http } from '@playwright/test';
import { test, expect, openApp, signIn } from '../support/fixtures.mjs';
import { mailsAbout, step } from '../support/api.mjs';
import { d1, makePersistDir, migrate, removePersistDir, seedDemoData, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

// Words of the English interface that are not also Danish words.
const ENGLISH = [
  'the', 'and', 'your', 'you', 'with', 'from', 'this', 'that', 'of', 'not', 'what', 'when', 'who', 'how',
  'our', 'we', 'ticket', 'tickets', 'please', 'waiting', 'reply', 'replied', 'save', 'cancel', 'close',
  'closed', 'new', 'overdue', 'target', 'paused', 'used', 'left', 'hours', 'minutes', 'queue', 'assigned',
  'unassigned', 'all', 'sign', 'search', 'settings', 'report', 'help', 'customer', 'priority', 'category',
  'none', 'yes', 'no', 'open', 'resolved', 'resolve', 'escalate', 'internal', 'around', 'clock',
  'business', 'loading', 'nothing', 'created', 'updated', 'name', 'email', 'password', 'language', 'theme',
  'light', 'dark', 'take', 'assign', 'notify', 'schedule', 'call', 'major', 'incident', 'request', 'view',
  'views',
];
const WORD = new RegExp(`(?<![\\p{L}\\d_./@-])(${ENGLISH.join('|')})(?![\\p{L}\\d_/@-])`, 'iu');

/**
 * Every piece of text the page shows or announces (visible text, labels, placeholders,
 * title) but identifiers set as `<code>` (API scopes), which no language translates.
 */
async function shownText(page) {
  return page.evaluate(() => {
    const codes = new Set([...document.querySelectorAll('code')].map((code) => code.innerText.trim()));
    const texts = [document.title, document.body.innerText];
    for (const element of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
      for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts.join('\n').split('\n').map((line) => line.trim()).filter((line) => line && !codes.has(line));
  });
}

/** Fails with the lines that contain English words. */
async function expectDanish(page, where) {
  await page.waitForLoadState('networkidle');
  const lines = await shownText(page);
  // Words both languages share (send, status, link, note, filter …) are not listed.
  const english = lines.filter((line) => WORD.test(line));
  expect(english, `English on ${where}`).toEqual([]);
}

let dir;
let server;
let admin;
let ticket;

test.beforeAll(async () => {
  // The demo accounts on a desk whose categories and canned replies are written in Danish.
  dir = await makePersistDir();
  await migrate(dir);
  await seedDemoData(dir);
  await d1(dir, 'execute', 'edgedesk', '--command', `
    DELETE FROM ticket_events; DELETE FROM tickets;
    UPDATE categories SET name = 'Udskrivning', service = 'Printserver',
      questions = json_array('Hvilken printer (navnet på mærkaten)?') WHERE id = 4;
    UPDATE categories SET name = 'Netværk', service = 'Firmanetværk', questions = json_array() WHERE id = 1;
    UPDATE categories SET service = 'VPN-gateway', questions = json_array() WHERE id = 2;
    UPDATE categories SET name = 'Post og kalender', questions = json_array() WHERE id = 3;
    UPDATE categories SET questions = json_array() WHERE id = 5;
    UPDATE categories SET name = 'Udstyr og adgang', service = 'Arbejdsplads' WHERE id = 6;
    UPDATE settings SET value = json_array(json_object('title', 'Bed om detaljer',
      'body', 'Hej {customer_name}, kan du sende et skærmbillede af fejlen?')) WHERE key = 'canned_replies';`);
  server = await startServer(dir);
  admin = await http.newContext({ baseURL: server.url });
  await signIn(admin, 'admin@example.com');
});

test.afterAll(async () => {
  await admin?.dispose();
  await server?.stop();
  await removePersistDir(dir);
});

async function danishBrowser(browser, email) {
  const context = await browser.newContext({ baseURL: server.url, locale: 'da-DK', viewport: { width: 1366, height: 900 } });
  if (email) await signIn(context.request, email);
  return { context, page: await context.newPage() };
}

test('an anonymous reporter meets only Danish and is mailed in Danish', async ({ browser }) => {
  const { context, page } = await danishBrowser(browser);
  await openApp(page, '/');
  await expectDanish(page, 'the report form');
  await page.getByLabel('Dit navn').fill('Karen Jensen');
  await page.getByLabel('E-mail').fill('karen@example.com');
  await page.getByLabel('Kort beskrivelse').fill('Printeren på 2. sal sidder fast');
  await page.getByLabel('Hvad skete der?').fill('Papiret sætter sig fast på hver anden side.');
  await page.getByRole('button', { name: 'Send rapport' }).click();
  // The confirmation is the ticket's status page, which the reporter can keep.
  await expect(page.getByText('Dit sagsnummer er')).toBeVisible();
  await expectDanish(page, 'the confirmation and status page');
  ticket = {};
  for (const path of ['/kb', '/sign-in', '/sign-up']) {
    await openApp(page, path);
    await expectDanish(page, path);
  }
  await context.close();

  const list = await (await admin.get('/api/tickets?limit=1')).json();
  ticket.id = list.items[0].id;
  const [received] = await mailsAbout(admin, ticket.id);
  expect(received.subject).toMatch(/^\[INC-\d+\] Vi har modtaget din henvendelse: Printeren/);
  expect(received.body).toContain('Tak, Karen Jensen.');
});

test('agents, supervisors and admins work in Danish', async ({ browser }) => {
  const l1 = await danishBrowser(browser, 'l1@example.com');
  const { page } = l1;
  await openApp(page, '/console?queue=all');
  await expect(page.getByRole('row', { name: /Printeren/ })).toBeVisible();
  await expectDanish(page, 'the console');
  await page.getByRole('row', { name: /Printeren/ }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Printeren');
  await expectDanish(page, 'a new ticket in the workspace');
  // The agent works the ticket: take it, write a note, reply and wait for the customer.
  await page.getByRole('button', { name: 'Tag sagen' }).click();
  await page.getByRole('radio', { name: 'Intern note' }).check();
  await page.getByRole('textbox', { name: 'Intern note' }).fill('Samme printer som i sidste uge.');
  await page.getByRole('button', { name: 'Tilføj note' }).click();
  await expect(page.locator('.msg-note')).toContainText('Samme printer');
  await page.getByRole('radio', { name: 'Svar kunden' }).check();
  await page.getByRole('textbox', { name: 'Svar kunden' }).fill('Hvilken printer drejer det sig om?');
  await page.getByText('Send og sæt status…').click();
  await page.getByRole('button', { name: 'Afventer kunden' }).click();
  await expect(page.getByTestId('status')).toHaveText('Afventer kunden');
  await expectDanish(page, 'a worked ticket in the workspace');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectDanish(page, 'the command palette');
  await page.keyboard.press('Escape');
  await l1.context.close();

  // The reporter without an account is mailed in the language of their form.
  const mails = await mailsAbout(admin, ticket.id);
  const reply = mails.find((mail) => mail.body === 'Hvilken printer drejer det sig om?');
  expect(reply.subject).toMatch(/^\[INC-\d+\] Nyt svar: Printeren/);

  const supervisor = await danishBrowser(browser, 'supervisor@example.com');
  await openApp(supervisor.page, '/console');
  await expectDanish(supervisor.page, "the supervisor's console");
  await openApp(supervisor.page, `/tickets/${ticket.id}`);
  await expectDanish(supervisor.page, "the supervisor's workspace");
  await supervisor.context.close();

  const adminPage = await danishBrowser(browser, 'admin@example.com');
  for (const path of ['/admin', '/admin/process', '/admin/sla', '/admin/mailbox']) {
    await openApp(adminPage.page, path);
    await expect(adminPage.page.getByRole('heading', { level: 1 })).toBeVisible();
    // The mailbox shows mails as they were sent, in each recipient's language: Danish here.
    await expectDanish(adminPage.page, path);
  }
  await adminPage.context.close();
});

test('a supervisor reads the reports in Danish', async ({ browser }) => {
  const { context, page } = await danishBrowser(browser, 'supervisor@example.com');
  await openApp(page, '/reports');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapporter');
  await expect(page.getByRole('img', { name: 'Sager ind og ud pr. dag' })).toBeVisible();
  await page.getByText('Sådan beregnes tallene').click();
  await expectDanish(page, 'the reports');
  await context.close();
});

test('a customer account remembers Danish and is mailed in it', async ({ browser }) => {
  const customer = await danishBrowser(browser, 'customer@example.com');
  await openApp(customer.page, '/');
  // Choosing the desk in Danish is remembered on the account.
  await expect.poll(async () => (await (await customer.context.request.get('/api/me')).json()).language).toBe('da');
  await customer.page.getByLabel('Kort beskrivelse').fill('Skærmen flimrer');
  await customer.page.getByLabel('Hvad skete der?').fill('Skærmen flimrer, når jeg åbner regnearket.');
  await customer.page.getByRole('button', { name: 'Send rapport' }).click();
  await expect(customer.page.getByText('Dit sagsnummer er')).toBeVisible();
  const list = await (await admin.get('/api/tickets?limit=1')).json();
  const id = list.items[0].id;
  await openApp(customer.page, '/my-tickets');
  await expect(customer.page.getByText('Skærmen flimrer')).toBeVisible();
  await expectDanish(customer.page, 'my tickets');
  await openApp(customer.page, `/tickets/${id}`);
  await expectDanish(customer.page, "the customer's ticket");

  const agent = await http.newContext({ baseURL: server.url });
  await signIn(agent, 'l1@example.com');
  await step(agent, id, { action: 'reply', body: 'Prøv et andet kabel.', set_status: 'pending_customer' });
  await customer.page.reload();
  await expect(customer.page.getByText('Prøv et andet kabel.')).toBeVisible();
  await expectDanish(customer.page, "the customer's ticket waiting for them");
  const mail = (await mailsAbout(admin, id)).find((message) => message.body === 'Prøv et andet kabel.');
  expect(mail.subject).toMatch(/Nyt svar: Skærmen flimrer$/);
  await agent.dispose();
  await customer.context.close();
});
