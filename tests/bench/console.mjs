// The console as an agent feels it, in headless Chromium on a seeded desk of 60 tickets:
// how many rows fit a 1366×900 screen, how long from clicking a row to its workspace
// being drawn, and how long a change by one agent takes to show in another's open queue.
// Prints `bench: <name> = <value> <unit>` lines.
import { chromium } from '@playwright/test';
import { d1, makePersistDir, migrate, removePersistDir, seedDemoData, sessionCookie, startServer } from '../support/server.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 15);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

const seedSql = (count) => `
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
INSERT INTO tickets (kind, status, tier, priority, title, description, reporter_name, reporter_email,
                     reported_at, updated_at)
SELECT 'incident', 'new', 'l1', 'P' || (1 + i % 4), 'Bench ticket ' || i || ': the printer on floor ' || (i % 5) || ' jams',
       'Paper jams.', 'Bench Customer ' || i, 'customer' || i || '@example.com',
       CAST(strftime('%s','now') AS INTEGER) * 1000 - i * 60000, CAST(strftime('%s','now') AS INTEGER) * 1000 - i * 60000
FROM n;`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const line = (name, value, unit) => console.log(`bench: ${name} = ${value} ${unit}`);

async function agentPage(browser, url, email) {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 900 } });
  const [name, value] = (await sessionCookie(url, email)).split('=');
  await context.addCookies([{ name, value, url }]);
  return context.newPage();
}

const dir = await makePersistDir();
let server;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  await migrate(dir);
  await seedDemoData(dir);
  await d1(dir, 'execute', 'edgedesk', '--command', seedSql(60));
  server = await startServer(dir);

  const page = await agentPage(browser, server.url, 'l1@example.com');
  await page.goto('/console?queue=all&sort=updated');
  await page.locator('tbody tr').nth(20).waitFor();
  const visible = await page.locator('tbody tr').evaluateAll((rows) => rows.filter((row) => {
    const box = row.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }).length);
  line('console_rows_visible_1366', visible, 'rows');

  // Click → the workspace heading shows the ticket's title, timed inside the page.
  const clicks = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const link = page.locator('tbody tr a[data-ticket-link]').nth(round % 10);
    const title = (await page.locator('tbody tr .row-title').nth(round % 10).innerText()).trim();
    await page.evaluate(() => {
      window.__clicked = 0;
      document.addEventListener('click', () => { window.__clicked = performance.now(); }, { once: true, capture: true });
    });
    await link.click();
    const elapsed = await page.waitForFunction((expected) => {
      const heading = document.querySelector('main h1');
      return heading && heading.textContent.includes(expected) && performance.now() - window.__clicked;
    }, title, { polling: 'raf' });
    clicks.push(await elapsed.jsonValue());
    await page.goBack();
    await page.locator('tbody tr').nth(20).waitFor();
  }
  line('console_click_to_render_ms_p50', median(clicks).toFixed(0), 'ms');

  // Another agent replies; the first agent's open queue shows the reply in its row.
  const cookie = await sessionCookie(server.url, 'l2@example.com');
  await page.goto('/console?queue=all&sort=updated');
  await page.locator('tbody tr').nth(20).waitFor();
  const updates = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const marker = `live-${Date.now()}-${round}`;
    const seen = page.waitForFunction((text) => document.querySelector('tbody')?.textContent.includes(text) && Date.now(),
      marker, { polling: 'raf', timeout: 20_000 });
    const sentAt = Date.now();
    const reply = await fetch(`${server.url}/api/tickets/${1 + (round % 5)}/actions`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ action: 'reply', body: marker }),
    });
    if (!reply.ok) throw new Error(`reply answered ${reply.status}`);
    updates.push((await (await seen).jsonValue()) - sentAt);
  }
  line('live_update_ms_p50', median(updates).toFixed(0), 'ms');
} finally {
  await browser.close();
  await server?.stop();
  await removePersistDir(dir);
}
