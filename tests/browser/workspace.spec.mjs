// The agent's workspace: properties edited in place (each change a versioned step), the
// rarer steps behind buttons as dialogs, and the requester with their other open tickets.
import { test, expect, expectAccessible, openApp, report, signIn } from '../support/fixtures.mjs';
import { createTicket, signedIn } from '../support/api.mjs';

test('properties change in place, steps open as dialogs, and the requester is beside the ticket', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const customer = await signedIn('customer@example.com');
  const first = await createTicket(customer, report({ email: 'customer@example.com', name: 'Mette Hansen', title: `Earlier problem ${stamp}` }));
  const created = await createTicket(customer, report({ email: 'customer@example.com', name: 'Mette Hansen', title: `Workspace ${stamp}` }));
  await signIn(page.request, 'l1@example.com');
  await openApp(page, `/tickets/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Workspace ${stamp}` })).toBeVisible();
  // The report is one quiet line: who and when, not the first values the ticket already shows.
  await expect(page.locator('li.event[data-kind="created"]')).not.toContainText('→');

  // The requester: contact, organisation, and their other open tickets (not this one).
  const requester = page.getByRole('region', { name: 'Requester' });
  await expect(requester.getByRole('link', { name: 'customer@example.com' })).toHaveAttribute('href', 'mailto:customer@example.com');
  await expect(requester.getByTestId('requester-organisation')).toHaveText('Nordlys ApS');
  const others = requester.getByTestId('requester-tickets');
  await expect(others).toContainText(`Earlier problem ${stamp}`);
  await expect(others).not.toContainText(`Workspace ${stamp}`);

  // Status and assignee are changed where they are shown, each saved as a step.
  await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
  await expect(page.getByTestId('status')).toHaveText('In progress');
  await expect(page.locator('.event').last()).toContainText('In progress');
  await page.getByRole('button', { name: 'Take it' }).click();
  await expect(page.getByTestId('assignee')).toHaveText('Lise Lund (L1)');
  await expect(page.getByRole('button', { name: 'Take it' })).toHaveCount(0);

  // A rarer step opens as a dialog, traps focus, and closes once saved.
  await page.getByRole('button', { name: 'Escalate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Escalate' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Escalate…' }).click();
  await dialog.getByLabel('Tier').selectOption('l2');
  await dialog.getByLabel('Reason').fill(`Needs L2 ${stamp}`);
  await dialog.getByRole('button', { name: 'Escalate', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('tier')).toHaveText('L2');
  await expect(page.locator('.event').last()).toContainText(`Needs L2 ${stamp}`);

  // The customer's list never offers the staff-only requester filter.
  const refused = await customer.get('/api/tickets?reporter=customer2%40example.com');
  expect(refused.status()).toBe(403);
  const listed = await (await page.request.get(`/api/tickets?queue=all&reporter=customer%40example.com&limit=100`)).json();
  expect(listed.items.map((t) => t.id)).toEqual(expect.arrayContaining([first.id, created.id]));
  // Ticket 4 of the demo data was reported by customer2@example.com.
  expect(listed.items.map((t) => t.id)).not.toContain(4);
  await customer.dispose();
});

test('Ctrl+K reaches the ticket\'s actions and every queue; e and a open escalation and assignment', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const customer = await signedIn('customer@example.com');
  const created = await createTicket(customer, report({ email: 'customer@example.com', title: `Palette ${stamp}` }));
  await signIn(page.request, 'l1@example.com');
  await openApp(page, `/tickets/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Palette ${stamp}` })).toBeVisible();

  const palette = page.getByRole('dialog', { name: 'Commands' });
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox')).toBeFocused();
  await expect(palette.getByRole('option', { name: 'Go to Unassigned L1' })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.type('escal');
  await expect(palette.getByRole('option')).toHaveText(['Escalate']);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('dialog', { name: 'Escalate' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The note mode through the palette, then a queue with the arrow keys.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('internal note');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'Internal note' })).toBeChecked();
  await page.locator('h1').click();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('go to unassigned');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/console\?queue=unassigned_l1$/);
  await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /^Unassigned L1/ }))
    .toHaveAttribute('aria-current', 'page');

  // The single-key shortcuts reach the same places.
  await openApp(page, `/tickets/${created.id}`);
  await page.locator('h1').click();
  await page.keyboard.press('e');
  await expect(page.getByRole('dialog', { name: 'Escalate' })).toBeVisible();
  await expect(page.locator('#field-escalate-reason')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.locator('h1').click();
  await page.keyboard.press('a');
  await expect(page.getByLabel('Assignee', { exact: true })).toBeFocused();
  await customer.dispose();
});

test.describe('when a colleague was first', () => {
  // The browser logs the refused step (409) itself; the page explains it.
  test.use({ expectedConsoleErrors: [/409 \(Conflict\)|WebSocket/] });

  test('a step overtaken by a colleague is explained in place with what they changed', async ({ page }) => {
    const stamp = Date.now().toString(36);
    const customer = await signedIn('customer@example.com');
    const created = await createTicket(customer, report({ email: 'customer@example.com', title: `Conflict ${stamp}` }));
    // No live socket: this page only learns of the colleague's change when it tries to save.
    await page.routeWebSocket(/\/api\/live$/, (socket) => socket.close());
    await signIn(page.request, 'l1@example.com');
    await openApp(page, `/tickets/${created.id}`);
    await expect(page.getByRole('heading', { level: 1, name: `Conflict ${stamp}` })).toBeVisible();
    await page.getByRole('radio', { name: 'Reply to the customer' }).check();
    await page.getByRole('textbox', { name: 'Reply to the customer' }).fill(`Still typing ${stamp}`);

    const colleague = await signedIn('supervisor@example.com');
    const current = await (await colleague.get(`/api/tickets/${created.id}`)).json();
    const changed = await colleague.post(`/api/tickets/${created.id}/actions`, {
      data: { action: 'set_status', version: current.ticket.version, status: 'open' },
    });
    expect(changed.status()).toBe(200);

    await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this ticket meanwhile' });
    await expect(alert).toContainText('Status changed · Søren Dahl · Status: New → Open');
    await expect(page.getByTestId('status')).toHaveText('Open');
    // What the agent was typing is still there.
    await expect(page.getByRole('textbox', { name: 'Reply to the customer' })).toHaveValue(`Still typing ${stamp}`);
    await expectAccessible(page);
    await colleague.dispose();
    await customer.dispose();
  });
});
