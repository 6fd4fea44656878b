// An admin connects monitoring: the address to send alerts to, how alerts become incidents,
// and the latest alerts with the incident each became.
import { request as http } from '@playwright/test';
import { test, expect, expectAccessible, openApp, signIn } from '../support/fixtures.mjs';
import { signedIn } from '../support/api.mjs';

test('an admin sees where alerts go, changes how they become incidents, and follows recent alerts', async ({ page, baseURL }) => {
  const admin = await signedIn('admin@example.com');
  const { token } = await (await admin.post('/api/admin/tokens', { data: { name: 'Alertmanager', scopes: ['alerts:write'] } })).json();
  const monitoring = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const key = `printer-${Date.now()}`;
  await monitoring.post('/api/alerts', { data: {
    routing_key: 'k', event_action: 'trigger', dedup_key: key,
    payload: { summary: `Print server queue stuck ${key}`, source: 'print-1', severity: 'warning' },
  } });
  const before = await (await admin.get('/api/admin/alerts/settings')).json();

  await signIn(page.request, 'admin@example.com');
  await openApp(page, '/admin');
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Monitoring' })).toBeVisible();
  await expect(page.getByTestId('alert-address')).toHaveText(`${baseURL}/api/alerts`);
  const recent = page.getByRole('region', { name: 'Recent alerts' });
  const row = recent.getByRole('row').filter({ hasText: `Print server queue stuck ${key}` });
  await expect(row).toContainText('Alertmanager');
  await expect(row).toContainText('Warning');
  await expect(row).toContainText('Firing');
  await expect(row.getByRole('link', { name: /^INC-\d+$/ })).toBeVisible();
  await expectAccessible(page);

  try {
    const form = page.getByRole('form', { name: 'How alerts become incidents' });
    await expect(form.getByLabel('Priority for Critical')).toBeVisible();
    // Out of range: the browser stops it at the field, and nothing is saved.
    await form.getByLabel('Storm window (minutes)').fill('0');
    await form.getByRole('button', { name: 'Save alert settings' }).click();
    expect(await form.getByLabel('Storm window (minutes)').evaluate((field) => field.validity.rangeUnderflow)).toBe(true);
    await expect(form.getByRole('status')).toHaveCount(0);
    await form.getByLabel('Storm window (minutes)').fill('15');
    await form.getByRole('button', { name: 'Save alert settings' }).click();
    await expect(form.getByRole('status')).toContainText('Saved');
    const saved = await (await admin.get('/api/admin/alerts/settings')).json();
    expect(saved.storm_within_minutes).toBe(15);
  } finally {
    // Only what this test changed: the alert API spec may be changing priorities meanwhile.
    const current = await (await admin.get('/api/admin/alerts/settings')).json();
    await admin.put('/api/admin/alerts/settings', { data: { ...current, storm_within_minutes: before.storm_within_minutes } });
    await monitoring.dispose();
  }
});

test('an admin gives one integration its own priorities, then sends it back to the desk settings', async ({ page }) => {
  const admin = await signedIn('admin@example.com');
  const name = `Zabbix ${Date.now()}`;
  const created = await (await admin.post('/api/admin/tokens', { data: { name, scopes: ['alerts:write'] } })).json();
  try {
    await signIn(page.request, 'admin@example.com');
    await openApp(page, '/admin/monitoring');
    const integrations = page.getByRole('region', { name: 'Integrations' });
    const item = integrations.getByTestId('integration').filter({ hasText: name });
    await expect(item).toContainText('Desk settings');
    await expect(item.getByTestId('integration-mapping')).toContainText('Warning → P3');
    await item.getByRole('button', { name: 'Change settings' }).click();
    const form = item.getByRole('form', { name: `Settings for ${name}` });
    await form.getByLabel('Priority for Warning').selectOption('P1');
    await form.getByLabel(/^Reopen a resolved incident/).fill('5');
    await form.getByRole('button', { name: 'Save for this integration' }).click();
    await expect(form.getByRole('status')).toContainText('Saved');
    await expect(item).toContainText('Own settings');
    await expect(item.getByTestId('integration-mapping')).toContainText('Warning → P1');
    await expect(item.getByTestId('integration-mapping')).toContainText('reopen within 5 min');
    await expectAccessible(page);
    const listed = async () => (await (await admin.get('/api/admin/alerts/integrations')).json()).find((i) => i.token_id === created.id);
    // Only the fields changed: the form starts from the desk's settings, which another spec may be changing.
    expect((await listed()).policy).toMatchObject({ priorities: { warning: 'P1' }, reopen_within_minutes: 5 });

    await form.getByRole('button', { name: "Use the desk's settings" }).click();
    await expect(item).toContainText('Desk settings');
    await expect(item.getByTestId('integration-mapping')).toContainText('Warning → P3');
    expect(await listed()).toMatchObject({ policy: null, version: 2 });
  } finally {
    await admin.delete(`/api/admin/tokens/${created.id}`);
  }
});
