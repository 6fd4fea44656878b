// The mail channel as people use it: a customer mails the desk, an agent answers in the
// console, the customer answers that mail from their mail client, and the agent sees the
// answer arrive on the open ticket, without the quoted history. The admin sees both
// messages and what became of them.
import { test, expect, expectAccessible, openApp, signIn } from '../support/fixtures.mjs';
import { mailsAbout, signedIn } from '../support/api.mjs';
import { base64Lines, deliver, fixture, messageId, received, unique } from '../support/mail.mjs';

test('a mailed problem is answered in the console and the mailed answer appears live', async ({ page }) => {
  const from = `${unique('mette')}@firma.example`;
  const first = messageId();
  await deliver(await fixture('new-danish-qp', { FROM: from, MESSAGE_ID: first }), from);
  const { ticket_id: ticketId } = await received(first);

  await signIn(page.request, 'l1@example.com');
  await openApp(page, `/tickets/${ticketId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Lønsedlen for november mangler' })).toBeVisible();
  await expect(page.locator('.facts')).toContainText('Email');
  await expect(page.locator('.prose').first()).toContainText('Min lønseddel for november er ikke kommet i e-Boks');
  await page.getByRole('textbox', { name: 'Reply to the customer' }).fill('Hvilken bank bruger du?');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('.event').last()).toContainText('Hvilken bank bruger du?');

  // Mette answers the mail she got, from Gmail: the quoted question goes, her answer stays.
  const admin = await signedIn('admin@example.com');
  const answer = (await mailsAbout(admin, ticketId)).at(-1);
  expect(answer.body).toContain('Hvilken bank bruger du?');
  const reply = messageId();
  await deliver(await fixture('reply-gmail-base64', {
    FROM: from, SUBJECT: `Re: ${answer.subject}`, MESSAGE_ID: reply,
    IN_REPLY_TO: answer.message_id, REFERENCES: `${answer.in_reply_to} ${answer.message_id}`,
    TEXT_BASE64: base64Lines('Danske Bank.\n\nDen tor. 3. dec. 2026 kl. 10.15 skrev Support <support@edgedesk.localhost>:\n> Hvilken bank bruger du?'),
  }), from);
  const last = page.locator('.event').last();
  await expect(last).toContainText('Danske Bank.', { timeout: 3_000 });
  await expect(last).not.toContainText('skrev Support');
  await admin.dispose();

  // The admin sees both messages in Mail, with what became of each.
  await signIn(page.request, 'admin@example.com');
  await openApp(page, '/admin/mailbox');
  await expect(page.getByTestId('desk-address')).toHaveText('support@edgedesk.localhost');
  const rows = page.getByRole('region', { name: 'Received' }).locator('tr', { hasText: from });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Added to its ticket');
  await expect(rows.nth(1)).toContainText('Opened a ticket');
  await rows.nth(1).getByRole('link', { name: `INC-${String(ticketId).padStart(6, '0')}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticketId}$`));
  await openApp(page, '/admin/mailbox');
  await expectAccessible(page);
});
