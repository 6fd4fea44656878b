import { chromium } from '@playwright/test';
import { makePersistDir, removePersistDir, sessionCookie, startServer } from './support/server.mjs';
const dir = await makePersistDir();
const server = await startServer(dir, { seed: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
async function as(email, locale, viewport) {
  const context = await browser.newContext({ locale, viewport });
  if (email) {
    const [name, value] = (await sessionCookie(server.url, email)).split('=');
    await context.addCookies([{ name, value, url: server.url }]);
  }
  return context.newPage();
}
// Work one demo ticket so the conversation has replies, a note and events.
const l1 = await as('l1@example.com', 'en-GB', { width: 1366, height: 900 });
const api = l1.request;
const custApi = (await as('customer@example.com', 'da-DK', { width: 1366, height: 900 })).request;
const t = await (await custApi.post(`${server.url}/api/tickets`, { headers: { origin: server.url }, data: { name: 'Mette Hansen', email: 'customer@example.com', title: 'Printeren på 2. sal trækker ikke papir', description: 'Den blinker orange og siger papirstop, men der er intet papir fast.', language: 'da' } })).json();
let v = (await (await api.get(`${server.url}/api/tickets/${t.id}`)).json()).ticket.version;
const act = async (body) => { const r = await api.post(`${server.url}/api/tickets/${t.id}/actions`, { data: body, headers: { origin: server.url } }); const j = await r.json(); v = j.ticket?.version ?? v; return j; };
await act({ action: 'take', version: v });
await act({ action: 'note', body: 'Same printer as last week; toner sensor probably.' });
await act({ action: 'reply', body: 'Hi! Which printer is it — the one on the 2nd floor?', set_status: 'pending_customer' });
for (const [email, locale, vp, name] of [
  ['l1@example.com', 'en-GB', { width: 1366, height: 900 }, 'ws-en'],
  ['l1@example.com', 'da-DK', { width: 1366, height: 900 }, 'ws-da'],
  ['l1@example.com', 'da-DK', { width: 390, height: 844 }, 'ws-da-phone'],
  ['customer@example.com', 'da-DK', { width: 390, height: 844 }, 'cust-da-phone'],
]) {
  const page = await as(email, locale, vp);
  await page.goto(`${server.url}/tickets/${t.id}`);
  await page.waitForSelector('.timeline');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/${name}.png` });
}
const page = await as('l1@example.com', 'en-GB', { width: 1366, height: 900 });
await page.goto(`${server.url}/tickets/${t.id}`);
await page.waitForSelector('.timeline');
await page.getByText('Send and set status…').click();
await page.screenshot({ path: '/tmp/ws-menu.png' });
await browser.close();
await server.stop();
await removePersistDir(dir);
