// Live updates as two agents and a customer would notice them: presence pushed the moment
// a colleague opens or writes on a ticket, a reply appearing in an open workspace without
// a reload and without touching what the agent is typing, new and changed tickets showing
// up in an open queue, and a page that says so when its live connection is gone.
import { test, expect, openApp, personPage, report, signIn } from '../support/fixtures.mjs';
import { act, createTicket, signedIn } from '../support/api.mjs';

test('two agents see each other and each other\'s replies live, and a half-written reply survives', async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const customer = await signedIn('customer@example.com');
  const created = await createTicket(customer, report({ email: 'customer@example.com', title: `Live desk ${stamp}` }));
  await signIn(page.request, 'l1@example.com');
  await openApp(page, `/tickets/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Live desk ${stamp}` })).toBeVisible();

  const lars = await personPage(browser, 'l2@example.com');
  await openApp(lars.page, `/tickets/${created.id}`);
  const presence = page.getByTestId('presence');
  await expect(presence).toContainText('Lars Nielsen (L2) is also looking at this ticket', { timeout: 3_000 });

  // Lise starts writing; Lars sees it pushed, long before any 20 s renewal.
  const box = page.locator('#field-body');
  await box.fill(`Half a thought ${stamp}`);
  await expect(lars.page.getByTestId('presence')).toContainText('Lise Lund (L1) is writing on this ticket', { timeout: 3_000 });

  // Lars replies; Lise's page shows it while her text and focus stay where they were.
  await box.focus();
  await lars.page.locator('#field-body').fill(`Lars answers ${stamp}`);
  await lars.page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('.event').filter({ hasText: `Lars answers ${stamp}` })).toBeVisible({ timeout: 3_000 });
  await expect(box).toHaveValue(`Half a thought ${stamp}`);
  await expect(box).toBeFocused();

  // Lars leaves: Lise is told at once.
  await lars.page.goto('/console?queue=all');
  await expect(presence).not.toContainText('Lars', { timeout: 3_000 });
  expect(lars.problems).toEqual([]);
  await lars.context.close();
  await customer.dispose();
});

test('an open queue shows new tickets and customer replies without a reload', async ({ page }) => {
  const stamp = Date.now().toString(36);
  await signIn(page.request, 'l1@example.com');
  await openApp(page, '/console?queue=all&sort=updated');
  await expect(page.locator('tbody tr').first()).toBeVisible();
  const search = page.getByRole('searchbox');
  await search.fill(`typing ${stamp}`);

  const customer = await signedIn('customer@example.com');
  const created = await createTicket(customer, report({ email: 'customer@example.com', title: `Arrives live ${stamp}` }));
  const row = page.getByRole('row', { name: new RegExp(`Arrives live ${stamp}`) });
  await expect(row).toBeVisible({ timeout: 3_000 });

  const reply = await act(customer, created.id, { action: 'reply', body: `Any news ${stamp}?` });
  expect(reply.status()).toBe(200);
  await expect(row).toContainText(`Any news ${stamp}?`, { timeout: 3_000 });
  await expect(row).toContainText('Customer replied');
  // The search the agent was typing was not touched by the refreshes.
  await expect(search).toHaveValue(`typing ${stamp}`);
  await customer.dispose();
});

test('a customer sees the desk\'s reply on their open ticket without a reload, and never a note', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const customer = await signedIn('customer@example.com');
  const created = await createTicket(customer, report({ email: 'customer@example.com', title: `Customer live ${stamp}` }));
  await signIn(page.request, 'customer@example.com');
  await openApp(page, `/tickets/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Customer live ${stamp}` })).toBeVisible();

  const agent = await signedIn('l1@example.com');
  expect((await act(agent, created.id, { action: 'note', body: `Internal only ${stamp}` })).status()).toBe(200);
  expect((await act(agent, created.id, { action: 'reply', body: `We are on it ${stamp}` })).status()).toBe(200);
  await expect(page.getByText(`We are on it ${stamp}`)).toBeVisible({ timeout: 3_000 });
  await expect(page.getByText(`Internal only ${stamp}`)).toHaveCount(0);
  await Promise.all([customer.dispose(), agent.dispose()]);
});

test.describe('without a live connection', () => {
  test.use({ expectedConsoleErrors: [/WebSocket/] });

  test('the page says it may be behind, keeps up by polling, and recovers', async ({ page }) => {
    const stamp = Date.now().toString(36);
    await signIn(page.request, 'l1@example.com');
    // Every attempt to open the socket is refused, as behind a proxy that drops them.
    let refuse = true;
    await page.routeWebSocket(/\/api\/live$/, (socket) => (refuse ? socket.close() : socket.connectToServer()));
    await openApp(page, '/console?queue=all&sort=updated');
    const stale = page.getByTestId('live-stale');
    await expect(stale).toContainText('Live updates are paused');

    const customer = await signedIn('customer@example.com');
    await createTicket(customer, report({ email: 'customer@example.com', title: `Polled in ${stamp}` }));
    await expect(page.getByRole('row', { name: new RegExp(`Polled in ${stamp}`) })).toBeVisible({ timeout: 20_000 });

    // The connection comes back: the notice goes on the next attempt.
    refuse = false;
    await expect(stale).toHaveCount(0, { timeout: 20_000 });
    await customer.dispose();
  });
});
