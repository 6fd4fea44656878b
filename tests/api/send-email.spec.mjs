// Mail out through Cloudflare's send_email binding (the deployed default): a desk of its
// own with a `[[send_email]]` binding, whose sent mail wrangler dev keeps for its local
// explorer. The message is real MIME, threads under its ticket, and an answer to it comes
// back to the same ticket through Email Routing.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { createTicket, sweepAt } from '../support/api.mjs';
import { makePersistDir, removePersistDir, ROOT, startServer } from '../support/server.mjs';
import { base64Lines, deliver, fixture, messageId, received } from '../support/mail.mjs';

test.describe.configure({ mode: 'serial' });

const CONFIG = `${ROOT}/.wrangler-send-email.toml`;
let dir;
let server;
let agent;
let admin;

test.beforeAll(async () => {
  await writeFile(CONFIG, `${await readFile(`${ROOT}/wrangler.toml`, 'utf8')}\n[[send_email]]\nname = "MAIL"\n`);
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true, config: CONFIG });
  agent = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(agent, 'l1@example.com');
  admin = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(admin, 'admin@example.com');
});

test.afterAll(async () => {
  await agent?.dispose();
  await admin?.dispose();
  await server?.stop();
  if (dir) await removePersistDir(dir);
  await rm(CONFIG, { force: true });
});

/** What the binding sent to `to`, newest first, as wrangler dev's explorer keeps it. */
async function sentTo(to) {
  const response = await fetch(`${server.url}/cdn-cgi/local/explorer/api/local/email/sending`);
  expect(response.status).toBe(200);
  const { result } = await response.json();
  return result.filter((mail) => mail.to.includes(to));
}

test('the receipt goes out as threaded MIME, and the answer to it continues the ticket', async () => {
  const created = await createTicket(agent, report({ name: 'Ole Æbelø', email: 'ole@firma.example', channel: 'phone', title: 'Printer på 2. sal' }));
  const swept = await sweepAt(admin, Date.now() + 60_000);
  expect(swept.messages_sent).toBeGreaterThanOrEqual(1);
  const outbox = (await (await admin.get('/api/admin/outbox?limit=100')).json()).items.filter((mail) => mail.ticket_id === created.id);
  expect(outbox[0].delivered_via).toBe('send_email');

  const [sent] = await sentTo('ole@firma.example');
  expect(sent.from).toBe('support@edgedesk.localhost');
  expect(sent.subject).toBe(`[${created.number}] We received your report: Printer på 2. sal`);
  expect(sent.headers).toMatchObject({
    'in-reply-to': `<edgedesk.${created.id}@edgedesk.localhost>`,
    references: `<edgedesk.${created.id}@edgedesk.localhost>`,
    'auto-submitted': 'auto-generated',
    'content-type': 'text/plain; charset=utf-8',
  });

  // The customer's client answers the message it got: its (transport-given) Message-ID in
  // In-Reply-To, the thread in References. No number in the subject.
  const id = messageId();
  const raw = await fixture('reply-gmail-base64', {
    FROM: 'ole@firma.example', SUBJECT: 'Re: printer', MESSAGE_ID: id,
    IN_REPLY_TO: sent.messageId, REFERENCES: `${sent.headers.references} ${sent.messageId}`,
    TEXT_BASE64: base64Lines('Den virker igen.\n\nOn Thu, 3 Dec 2026, Support wrote:\n> We received your report'),
  });
  await deliver(raw, 'ole@firma.example', server.url);
  expect(await received(id, dir)).toMatchObject({ outcome: 'replied', ticket_id: created.id });
  const page = await (await agent.get(`/api/tickets/${created.id}`)).json();
  expect(page.timeline.at(-1)).toMatchObject({ kind: 'reply', author: 'customer', text: 'Den virker igen.' });
});
