// Signed webhooks on a desk of its own (development: the receiver runs in this test):
// Standard Webhooks signatures the receiver verifies, retries after a 500, a stop after a
// 410, replays, and what reaches a receiver (a reply's text, never a note's). The shared
// desk, which is no development desk, refuses private targets.
import http from 'node:http';
import { createHmac } from 'node:crypto';
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { createTicket, expectError, signedIn, step, sweepAt } from '../support/api.mjs';
import { makePersistDir, removePersistDir, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

const MINUTE = 60_000;
let dir;
let server;
let receiver;
let admin;
let agent;
/** What the receiver answers next, per path, and what it got. */
const answers = new Map();
const received = [];
let clock = Date.now() + MINUTE;

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push({ path: req.url, headers: req.headers, body });
      const queue = answers.get(req.url) ?? [];
      res.writeHead(queue.length ? queue.shift() : 200).end('thanks');
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true, vars: { ALLOW_PRIVATE_WEBHOOKS: 'true' } });
  admin = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(admin, 'admin@example.com');
  agent = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(agent, 'l1@example.com');
});

test.afterAll(async () => {
  await admin?.dispose();
  await agent?.dispose();
  await server?.stop();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve()));
  if (dir) await removePersistDir(dir);
});

const target = (path) => `http://127.0.0.1:${receiver.address().port}${path}`;

async function subscribe(path, events) {
  const response = await admin.post('/api/admin/webhooks', { data: { url: target(path), events, description: path } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** Runs the sweep a minute later than the last one (deliveries go out from the sweep). */
async function sweep() {
  clock += MINUTE;
  return sweepAt(admin, clock);
}

const to = (path) => received.filter((request) => request.path === path);

function verify(request, secret) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const id = request.headers['webhook-id'];
  const timestamp = request.headers['webhook-timestamp'];
  const signed = createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest('base64');
  return request.headers['webhook-signature'] === `v1,${signed}`;
}

test('a new ticket reaches a subscriber, signed so the receiver can verify it', async () => {
  const { webhook, secret } = await subscribe('/created', ['ticket.created']);
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
  const listed = await (await admin.get('/api/admin/webhooks')).json();
  expect(JSON.stringify(listed)).not.toContain(secret);
  expect(listed.find((hook) => hook.id === webhook.id)).toMatchObject({ active: true, events: ['ticket.created'], stopped: null });

  const created = await createTicket(agent, report({ channel: 'phone' }));
  await sweep();
  const [request] = to('/created');
  expect(request, 'delivered').toBeDefined();
  expect(verify(request, secret)).toBe(true);
  expect(verify({ ...request, body: request.body.replace('ticket', 'Ticket') }, secret)).toBe(false);
  expect(request.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
  expect(Math.abs(Number(request.headers['webhook-timestamp']) * 1000 - clock)).toBeLessThan(1000);
  const payload = JSON.parse(request.body);
  expect(payload).toMatchObject({
    type: 'ticket.created',
    data: { id: created.id, number: created.number, status: 'new', channel: 'phone', url: `${server.url}/tickets/${created.id}` },
  });
  expect(JSON.stringify(payload)).not.toContain('ada@example.com');
  const [delivery] = await (await admin.get(`/api/admin/webhooks/${webhook.id}/deliveries`)).json();
  expect(delivery).toMatchObject({ event: 'ticket.created', attempts: 1, last_status: 200, last_response: 'thanks' });
  await admin.delete(`/api/admin/webhooks/${webhook.id}`);
});

test('a 500 is tried again after a minute, with the same webhook-id', async () => {
  const { webhook, secret } = await subscribe('/flaky', ['ticket.created']);
  answers.set('/flaky', [500]);
  await createTicket(agent, report({ channel: 'phone' }));
  await sweep();
  let [delivery] = await (await admin.get(`/api/admin/webhooks/${webhook.id}/deliveries`)).json();
  expect(delivery).toMatchObject({ attempts: 1, last_status: 500, delivered_at: null });
  expect(Date.parse(delivery.next_attempt_at)).toBe(clock + MINUTE);
  await sweep();
  [delivery] = await (await admin.get(`/api/admin/webhooks/${webhook.id}/deliveries`)).json();
  expect(delivery).toMatchObject({ attempts: 2, last_status: 200, next_attempt_at: null });
  const tries = to('/flaky');
  expect(tries.length).toBe(2);
  expect(tries[0].headers['webhook-id']).toBe(tries[1].headers['webhook-id']);
  expect(tries.every((request) => verify(request, secret))).toBe(true);
  // A replay sends the same message again.
  const replayed = await admin.post(`/api/admin/webhooks/${webhook.id}/deliveries/${delivery.id}/replay`);
  expect(replayed.status()).toBe(202);
  await sweep();
  expect(to('/flaky').length).toBe(3);
  expect(to('/flaky')[2].headers['webhook-id']).toBe(tries[0].headers['webhook-id']);
  await admin.delete(`/api/admin/webhooks/${webhook.id}`);
});

test('a 410 stops the subscription, and says so', async () => {
  const { webhook } = await subscribe('/gone', ['ticket.created']);
  answers.set('/gone', [410]);
  await createTicket(agent, report({ channel: 'phone' }));
  await sweep();
  const stopped = (await (await admin.get('/api/admin/webhooks')).json()).find((hook) => hook.id === webhook.id);
  expect(stopped).toMatchObject({ active: false, stopped: 'gone' });
  const [delivery] = await (await admin.get(`/api/admin/webhooks/${webhook.id}/deliveries`)).json();
  expect(delivery).toMatchObject({ last_status: 410, gave_up_at: expect.any(String) });
  await createTicket(agent, report({ channel: 'phone' }));
  await sweep();
  expect(to('/gone').length).toBe(1);
  // Replaying on a stopped subscription is refused; starting it again clears the stop.
  await expectError(await admin.post(`/api/admin/webhooks/${webhook.id}/deliveries/${delivery.id}/replay`), 404, 'not_found');
  const restarted = await admin.patch(`/api/admin/webhooks/${webhook.id}`, { data: { version: stopped.version, active: true } });
  expect(restarted.status()).toBe(200);
  expect(await restarted.json()).toMatchObject({ active: true, stopped: null });
  await expectError(await admin.patch(`/api/admin/webhooks/${webhook.id}`, { data: { version: stopped.version, active: false } }), 409, 'version_conflict');
  await admin.delete(`/api/admin/webhooks/${webhook.id}`);
});

test('replies reach a receiver with their text; notes only as an update', async () => {
  const { webhook } = await subscribe('/steps', ['ticket.updated', 'reply.added', 'ticket.resolved']);
  const created = await createTicket(agent, report({ channel: 'phone' }));
  let page = await step(agent, created.id, { action: 'note', body: 'Internal: the CFO laptop' });
  page = await step(agent, created.id, { action: 'reply', body: 'Please restart it.' });
  page = await step(agent, created.id, { action: 'resolve', code: 'fixed', notes: 'Restarted.', version: page.ticket.version });
  await sweep();
  const bodies = to('/steps').map((request) => JSON.parse(request.body));
  expect(bodies.map((body) => body.type).sort()).toEqual(
    ['reply.added', 'ticket.resolved', 'ticket.updated', 'ticket.updated', 'ticket.updated'].sort(),
  );
  expect(JSON.stringify(bodies)).not.toContain('CFO');
  expect(bodies.find((body) => body.type === 'reply.added').data.reply).toEqual({ text: 'Please restart it.', author: 'staff' });
  expect(bodies.find((body) => body.type === 'ticket.resolved').data).toMatchObject({ status: 'resolved', resolution_notes: 'Restarted.' });
  expect(bodies.filter((body) => body.type === 'ticket.updated').map((body) => body.data.event).sort()).toEqual(['note', 'reply', 'resolved']);
  await admin.delete(`/api/admin/webhooks/${webhook.id}`);
});

test('every alert reaches alert.received subscribers, repeats included, with its incident', async () => {
  const { webhook } = await subscribe('/alerts', ['alert.received']);
  const { token } = await (await admin.post('/api/admin/tokens', { data: { name: 'Prometheus', scopes: ['alerts:write'] } })).json();
  const key = `disk-${Date.now()}`;
  const trigger = { routing_key: 'k', event_action: 'trigger', dedup_key: key,
    payload: { summary: 'Disk 95% full', source: 'db-1', severity: 'warning', component: 'Payroll' } };
  const monitor = await playwrightRequest.newContext({ baseURL: server.url, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const send = () => monitor.post('/api/alerts', { data: trigger });
  const opened = await (await send()).json();
  expect((await (await send()).json()).results[0].outcome).toBe('repeated');
  await sweep();
  const bodies = to('/alerts').map((request) => JSON.parse(request.body));
  expect(bodies.map((body) => body.data.outcome).sort()).toEqual(['opened', 'repeated']);
  for (const body of bodies) {
    expect(body).toMatchObject({ type: 'alert.received', data: { integration: 'Prometheus', dedup_key: key, severity: 'warning', ticket_id: opened.results[0].ticket_id } });
  }
  await monitor.dispose();
  await admin.delete(`/api/admin/webhooks/${webhook.id}`);
});

test('outside development a webhook may not point into a private network', async () => {
  const shared = await signedIn('admin@example.com');
  for (const url of ['https://127.0.0.1/x', 'https://169.254.169.254/latest', 'https://localhost:8443/', 'https://[::1]/', 'http://hooks.example.com/x']) {
    const error = await expectError(await shared.post('/api/admin/webhooks', { data: { url, events: ['ticket.created'] } }), 422, 'invalid_value');
    expect(error.field, url).toBe('url');
  }
  await expectError(await shared.post('/api/admin/webhooks', { data: { url: 'https://hooks.example.com/x', events: [] } }), 422, 'required');
  await expectError(await shared.post('/api/admin/webhooks', { data: { url: 'https://hooks.example.com/x', events: ['ticket.exploded'] } }), 400, 'invalid_json');
  const agentOnly = await signedIn('l1@example.com');
  await expectError(await agentOnly.get('/api/admin/webhooks'), 403, 'forbidden');
  await Promise.all([shared.dispose(), agentOnly.dispose()]);
});
