// An agent meets a monitoring alert's incident in the console: who opened it, what the
// monitoring said, and the monitoring's word when the service recovered.
import { request as http } from '@playwright/test';
import { test, expect, expectAccessible, openApp, signIn } from '../support/fixtures.mjs';
import { signedIn, step } from '../support/api.mjs';

test('an alert opens an incident an agent can work, and recovery shows in its history', async ({ page, baseURL }) => {
  const admin = await signedIn('admin@example.com');
  const { token } = await (await admin.post('/api/admin/tokens', { data: { name: 'Prometheus', scopes: ['alerts:write'] } })).json();
  const monitoring = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const key = `vpn-${Date.now()}`;
  const trigger = {
    routing_key: 'k', event_action: 'trigger', dedup_key: key,
    payload: { summary: `VPN gateway down ${key}`, source: 'vpn-1', severity: 'error', component: `VPN ${key}` },
  };
  const opened = await (await monitoring.post('/api/alerts', { data: trigger })).json();
  const id = opened.results[0].ticket_id;

  await signIn(page.request, 'l1@example.com');
  await openApp(page, `/tickets/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `VPN gateway down ${key}` })).toBeVisible();
  await expect(page.locator('main')).toContainText('Monitoring alert');
  await expect(page.locator('li.event[data-kind="created"]')).toContainText('Prometheus');
  // Beside it, the alert in place of a requester: who sent it, how often, still firing.
  const panel = page.getByRole('region', { name: 'Monitoring alert' });
  await expect(panel.getByTestId('alert-integration')).toHaveText('Prometheus');
  await expect(panel.getByTestId('alert-state')).toHaveText('Firing');
  await expect(panel).toContainText('Error');
  await expect(page.getByRole('region', { name: 'Requester' })).toHaveCount(0);
  await monitoring.post('/api/alerts', { data: trigger });
  await page.reload();
  await expect(panel.getByTestId('alert-occurrences')).toHaveText('2');
  // Nobody to reply to: the box writes internal notes.
  await expect(page.getByTestId('note-notice')).toBeVisible();
  await expect(page.locator('.compose-mode[data-command="reply"]')).toHaveCount(0);

  // An agent takes it; then the monitoring sees the VPN recover: noted, not resolved.
  const agent = await signedIn('l1@example.com');
  const current = await (await agent.get(`/api/tickets/${id}`)).json();
  await step(agent, id, { action: 'take', version: current.ticket.work.version });
  await expect(page.getByTestId('assignee')).toHaveText('Lise Lund (L1)');
  await monitoring.post('/api/alerts', { data: { routing_key: 'k', event_action: 'resolve', dedup_key: key } });
  // No reload: the open page hears of it live.
  await expect(page.locator('li.event[data-kind="alert_recovered"]')).toContainText('Monitoring reports recovery');
  await expect(page.getByTestId('status')).not.toHaveText('Resolved');
  await expect(panel.getByTestId('alert-state')).toHaveText('Recovered');
  await expectAccessible(page);
  await monitoring.dispose();
});
