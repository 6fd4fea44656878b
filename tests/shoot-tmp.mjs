// Ad-hoc screenshots of the SLA UI (not part of the suite).
import { chromium, request as http } from '@playwright/test';
import { makePersistDir, removePersistDir, startServer } from './support/server.mjs';

const dir = await makePersistDir();
const server = await startServer(dir, { seed: true });
try {
  const api = await http.newContext({ baseURL: server.url });
  await api.post('/api/auth/login', { data: { email: 'customer@example.com', password: 'demo-password' } });
  const created = await (await api.post('/api/tickets', { data: { name: 'Mette', email: 'customer@example.com', title: 'VPN drops every hour', description: 'It disconnects.' } })).json();
  const admin = await http.newContext({ baseURL: server.url });
  await admin.post('/api/auth/login', { data: { email: 'admin@example.com', password: 'demo-password' } });
  await admin.get(`/cdn-cgi/handler/scheduled?cron=*+*+*+*+*&time=${Date.parse(created.reported_at) + 95 * 60000}`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  for (const [email, path, name, width] of [
    ['l1@example.com', '/console', 'console', 1280],
    ['l1@example.com', `/tickets/${created.id}`, 'ticket', 1280],
    ['customer@example.com', `/tickets/${created.id}`, 'customer', 1280],
    ['admin@example.com', '/admin/sla', 'admin', 1280],
    ['l1@example.com', '/console', 'console-narrow', 360],
  ]) {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: 900 } });
    await context.request.post('/api/auth/login', { data: { email, password: 'demo-password' } });
    const page = await context.newPage();
    await page.goto(path);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
    await context.close();
  }
  await browser.close();
} finally {
  await server.stop();
  await removePersistDir(dir);
}
