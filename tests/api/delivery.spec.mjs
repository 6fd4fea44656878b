// The sweep's process duties on a desk of its own: delivering the outbox to a mail API
// (with retries and backoff when it fails) and closing resolved tickets whose reopen
// window ended. The sweep is driven at chosen times, so nothing waits in real time.
import http from 'node:http';
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { createTicket, expectError, sweepAt } from '../support/api.mjs';
import { makePersistDir, removePersistDir, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let dir;
let server;
let sink;
let admin;
let agent;
const received = [];
let sinkFails = true;

test.beforeAll(async () => {
  // A stand-in mail API: records what it is sent, and fails while told to.
  sink = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(sinkFails ? 503 : 202).end();
    });
  });
  await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const mailUrl = `http://127.0.0.1:${sink.address().port}/send`;
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true, vars: { MAIL_API_URL: mailUrl, MAIL_API_KEY: 'test-mail-key' } });
  admin = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(admin, 'admin@example.com');
  agent = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(agent, 'l1@example.com');
});

test.afterAll(async () => {
  await admin?.dispose();
  await agent?.dispose();
  await server?.stop();
  await new Promise((resolve) => (sink ? sink.close(resolve) : resolve()));
  if (dir) await removePersistDir(dir);
});

async function outboxOf(ticketId) {
  const page = await (await admin.get('/api/admin/outbox?limit=100')).json();
  return page.items.filter((message) => message.ticket_id === ticketId);
}

test('a failing mail API is retried with backoff, then the message is delivered once', async () => {
  const created = await createTicket(agent, report({ email: 'caller@example.com', channel: 'phone' }));
  const [ack] = await outboxOf(created.id);
  expect(ack).toMatchObject({ recipient: 'caller@example.com', attempts: 0, delivered_at: null });
  const start = Date.parse(ack.send_after) + MINUTE;

  const failed = await sweepAt(admin, start);
  expect(failed).toMatchObject({ messages_sent: 0, error: null });
  expect(failed.messages_failed).toBeGreaterThanOrEqual(1);
  let [message] = await outboxOf(created.id);
  expect(message).toMatchObject({ attempts: 1, delivered_at: null, last_error: 'MAIL_API_URL answered HTTP 503' });
  expect(Date.parse(message.send_after)).toBe(start + MINUTE);

  // Before the backoff has passed nothing is sent again.
  const tries = received.length;
  await sweepAt(admin, start + 30_000);
  expect(received.length).toBe(tries);

  sinkFails = false;
  const delivered = await sweepAt(admin, start + 2 * MINUTE);
  expect(delivered.messages_sent).toBeGreaterThanOrEqual(1);
  [message] = await outboxOf(created.id);
  expect(message).toMatchObject({ attempts: 2, delivered_via: 'http', last_error: null });
  const sent = received.filter((request) => request.body.to === 'caller@example.com');
  expect(sent.at(-1).authorization).toBe('Bearer test-mail-key');
  expect(sent.at(-1).body.subject).toBe(`[${created.number}] We received your report: ${message.subject.split(': ').slice(1).join(': ')}`);
  expect(sent.at(-1).body.text).toContain(`/status/${created.status_token}`);
  // The thread headers travel beside the text, so the mail API can set them.
  expect(sent.at(-1).body).toMatchObject({
    from: 'support@edgedesk.localhost',
    headers: {
      'Message-ID': `<edgedesk.${created.id}.${message.id}@edgedesk.localhost>`,
      'In-Reply-To': `<edgedesk.${created.id}@edgedesk.localhost>`,
      References: `<edgedesk.${created.id}@edgedesk.localhost>`,
      'Auto-Submitted': 'auto-generated',
    },
  });

  // Delivered messages are not sent again.
  const count = received.length;
  await sweepAt(admin, start + 3 * MINUTE);
  expect(received.length).toBe(count);
});

test('a resolved ticket closes by itself when its reopen window ends, not before', async () => {
  const created = await createTicket(agent, report({ email: 'quiet@example.com', channel: 'email' }));
  const resolved = await agent.post(`/api/tickets/${created.id}/actions`, {
    data: { action: 'resolve', version: 1, code: 'fixed', notes: 'Restarted the service' },
  });
  expect(resolved.status()).toBe(200);
  const { ticket } = await resolved.json();
  const closesAt = Date.parse(ticket.closes_at);
  expect(closesAt - Date.parse(ticket.resolved_at)).toBe(7 * DAY);

  const early = await sweepAt(admin, closesAt - MINUTE);
  expect(early.tickets_closed).toBe(0);
  expect((await (await agent.get(`/api/tickets/${created.id}`)).json()).ticket.status).toBe('resolved');

  const due = await sweepAt(admin, closesAt + MINUTE);
  expect(due.tickets_closed).toBe(1);
  const page = await (await agent.get(`/api/tickets/${created.id}`)).json();
  expect(page.ticket).toMatchObject({ status: 'closed', version: 3 });
  expect(page.timeline.at(-1)).toMatchObject({ kind: 'closed', actor: 'Edgedesk', public: true });

  // The same minute again, or a later one, closes nothing twice.
  expect((await sweepAt(admin, closesAt + MINUTE + 1)).tickets_closed).toBe(0);
  await expectError(await agent.post(`/api/tickets/${created.id}/actions`, {
    data: { action: 'reopen', version: 3, reason: 'Still broken' },
  }), 409, 'ticket_closed');
});
