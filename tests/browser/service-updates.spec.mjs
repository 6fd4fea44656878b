// A customer chooses, under "My tickets", the services whose disruptions they want to hear of.
import { test, expect, expectAccessible, openApp, signIn } from '../support/fixtures.mjs';

test('a customer chooses service updates and finds the choice kept', async ({ page }) => {
  await signIn(page.request, 'customer@example.com');
  await openApp(page, '/my-tickets');
  const updates = page.getByRole('region', { name: 'Service updates' });
  await expect(updates).toContainText('before you run into it');
  const printing = updates.getByRole('checkbox', { name: 'Print server' });
  await expect(printing).not.toBeChecked();
  await printing.check();
  await updates.getByRole('button', { name: 'Save' }).click();
  await expect(updates.getByRole('status')).toHaveText('Saved.');
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Service updates' }).getByRole('checkbox', { name: 'Print server' })).toBeChecked();
  // Back as it was.
  expect((await page.request.put('/api/me/services', { data: { subscribed: [] } })).status()).toBe(200);
});
