// Writing on a ticket and moving around by keyboard: the compose mode after every shortcut,
// a note that can never go out as a reply, Ctrl+Enter, drafts that survive navigation, and
// where focus goes (skip link, route changes, the shortcut help).
import { test, expect, expectAccessible, openApp, report, signIn } from '../support/fixtures.mjs';
import { createTicket, signedIn } from '../support/api.mjs';

test.beforeEach(async ({ page }) => { await signIn(page.request, 'l2@example.com'); });

async function freshTicket(title) {
  const customer = await signedIn('customer@example.com');
  const created = await createTicket(customer, report({ email: 'customer@example.com', title }));
  return { customer, created };
}

test('r and n set the compose mode, typing never switches it, and a note stays internal', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const { customer, created } = await freshTicket(`Compose modes ${stamp}`);
  await openApp(page, `/tickets/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Compose modes ${stamp}` })).toBeVisible();
  const reply = page.getByRole('radio', { name: 'Reply to the customer' });
  const note = page.getByRole('radio', { name: 'Internal note' });
  const body = page.locator('#field-body');
  await expect(reply).toBeChecked();

  // Every order of shortcuts leaves the mode the last key asked for.
  for (const [key, expected] of [['n', note], ['r', reply], ['n', note], ['n', note], ['r', reply], ['r', reply], ['n', note]]) {
    await page.locator('h1').click();
    await page.keyboard.press(key);
    await expect(expected).toBeChecked();
    await expect(body).toBeFocused();
  }
  await expect(page.getByTestId('note-notice')).toHaveText('Internal note: only the service desk sees this.');
  await expect(page.getByRole('textbox', { name: 'Internal note' })).toBeVisible();
  // Letters typed into the box are text, not shortcuts.
  await body.pressSequentially(`secret ${stamp} r n r`);
  await expect(note).toBeChecked();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('.event-internal').last()).toContainText(`secret ${stamp} r n r`);
  await expect(body).toHaveValue('');

  // The customer's page and their ticket list never carry the note.
  const seen = await (await customer.get(`/api/tickets/${created.id}`)).text();
  expect(seen).not.toContain(`secret ${stamp}`);
  const listed = await (await customer.get('/api/tickets?queue=open')).text();
  expect(listed).not.toContain(`secret ${stamp}`);
  await customer.dispose();
});

test('Ctrl+Enter sends, and a draft waits for the agent across navigation', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const { customer, created } = await freshTicket(`Drafts ${stamp}`);
  await openApp(page, `/tickets/${created.id}`);
  const box = page.getByRole('textbox', { name: 'Reply to the customer' });
  await box.fill(`Half a thought ${stamp}`);
  await page.getByRole('radio', { name: 'Internal note' }).check();

  await page.getByRole('link', { name: 'Agent console' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.goBack();
  const note = page.getByRole('textbox', { name: 'Internal note' });
  await expect(note).toHaveValue(`Half a thought ${stamp}`);
  await expect(page.getByRole('radio', { name: 'Internal note' })).toBeChecked();

  await page.getByRole('radio', { name: 'Reply to the customer' }).check();
  await box.fill(`Sent with the keyboard ${stamp}`);
  await box.press('Control+Enter');
  await expect(page.locator('.event').last()).toContainText(`Sent with the keyboard ${stamp}`);
  await expect(box).toHaveValue('');
  await page.reload();
  await expect(box).toHaveValue('');
  const seen = await (await customer.get(`/api/tickets/${created.id}`)).json();
  expect(seen.timeline.map((entry) => entry.text)).toContain(`Sent with the keyboard ${stamp}`);
  await customer.dispose();
});

test('the skip link moves focus to the content and ? help takes focus and gives it back', async ({ page }) => {
  await openApp(page, '/console?queue=all');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // `j` moves through rows, so the rows must be there first (under load they come later).
  await expect(page.locator('a[data-ticket-link]').first()).toBeVisible();
  await page.locator('h1').click();
  await page.keyboard.press('j');
  // Other specs add tickets live above it, so the row is named by its ticket, not its place.
  let id = null;
  await expect.poll(async () => {
    id = await page.evaluate(() => document.activeElement?.getAttribute('data-ticket-link'));
    return id;
  }).toBeTruthy();
  const first = page.locator(`a[data-ticket-link="${id}"]`);
  await expect(first).toBeFocused();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(first).toBeFocused();
});
