// A customer who forgot their password gets back in through the mail, as a person would.
import { request as http } from '@playwright/test';
import { test, expect, expectAccessible, openApp, signInWithForm } from '../support/fixtures.mjs';
import { signedIn, signUp } from '../support/api.mjs';

test('a forgotten password: ask for a link, follow it, choose a new one, sign in', async ({ page, baseURL }) => {
  const email = `forgot-${Date.now()}@example.com`;
  const signup = await http.newContext({ baseURL });
  expect((await signUp(signup, { name: 'Karen Blixen', email, password: 'out of africa 1937' })).status()).toBe(201);
  await signup.dispose();

  await openApp(page, '/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Mail me a link' }).click();
  await expect(page.getByRole('status')).toContainText('If that address has an account');
  await expectAccessible(page);

  const admin = await signedIn('admin@example.com');
  const outbox = await (await admin.get('/api/admin/outbox?limit=100')).json();
  const mail = outbox.items.find((message) => message.recipient === email);
  const link = /(http\S+\/reset-password\/[0-9a-f]+)/.exec(mail.body)[1];
  await admin.dispose();

  await page.goto(link);
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('New password').fill('a new and better passphrase');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('status')).toHaveText('Your password is changed.');
  await expectAccessible(page);
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await signInWithForm(page, email, 'a new and better passphrase');
  await expect(page).toHaveURL(/\/my-tickets$/);
});
