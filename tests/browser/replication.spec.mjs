// D1 read replication as the SPA uses it: every API request after the first carries the
// bookmark of the latest answer, so a reply an agent just sent is on the page they read
// next even when a replica serves that read.
import { test, expect, openApp, report, signIn } from '../support/fixtures.mjs';
import { createTicket } from '../support/api.mjs';

test('the console sends back the bookmark of the latest answer with every request', async ({ page }) => {
  await signIn(page.request, 'l1@example.com');
  const stamp = Date.now().toString(36);
  const created = await createTicket(page.request, report({ title: `Bookmarks ${stamp}` }));
  const exchanges = [];
  page.on('requestfinished', async (request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/') || request.url().includes('/api/live')) return;
    const response = await request.response();
    exchanges.push({
      sent: (await request.allHeaders())['x-d1-bookmark'],
      received: response && (await response.allHeaders())['x-d1-bookmark'],
    });
  });
  await openApp(page, `/tickets/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Bookmarks ${stamp}` })).toBeVisible();
  const box = page.getByRole('textbox', { name: 'Reply to the customer' });
  await box.fill(`Replied ${stamp}`);
  await box.press('Control+Enter');
  await expect(page.locator('.event').last()).toContainText(`Replied ${stamp}`);
  await expect.poll(() => exchanges.length).toBeGreaterThan(2);
  expect(exchanges[0].received).toMatch(/^[0-9a-f-]+$/);
  // Only requests sent before any answer arrived go without; every other names a bookmark
  // an earlier answer gave, and the reply was sent after one.
  const sent = exchanges.filter((exchange) => exchange.sent !== undefined);
  expect(sent.length).toBeGreaterThan(0);
  for (const exchange of sent) {
    const earlier = exchanges.slice(0, exchanges.indexOf(exchange)).map((previous) => previous.received);
    expect(earlier).toContain(exchange.sent);
  }
  expect(exchanges.at(-1).sent).toMatch(/^[0-9a-f-]+$/);
});
