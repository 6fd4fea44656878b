// Small helpers for API specs.
import { expect, request as http } from '@playwright/test';
import { signIn } from './fixtures.mjs';
import { d1 } from './server.mjs';

/** Every ticket summary, walking all pages with the API's own cursors. */
export async function allTickets(request) {
  const items = [];
  let cursor = '';
  for (;;) {
    const response = await request.get(`/api/tickets?limit=100&cursor=${cursor}`);
    expect(response.status()).toBe(200);
    const page = await response.json();
    items.push(...page.items);
    if (!page.next_cursor) return items;
    cursor = page.next_cursor;
  }
}

export async function createTicket(request, data) {
  const response = await request.post('/api/tickets', { data });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

/** Asserts the documented error shape and returns the body. */
export async function expectError(response, status, code) {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = await response.json();
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  return body;
}

/**
 * A request context of its own, signed in as a demo account: one per person in a story.
 * `{ baseURL }` for a desk of the spec's own (anything else, such as a map's index, is ignored).
 */
export async function signedIn(email, options) {
  const context = await http.newContext({ baseURL: options?.baseURL ?? process.env.EDGEDESK_URL });
  await signIn(context, email);
  return context;
}

/** Sends one process step (`POST /api/tickets/{id}/actions`). */
export function act(context, id, body) {
  return context.post(`/api/tickets/${id}/actions`, { data: body });
}

/** Sends a step that must succeed, and returns the ticket page after it. */
export async function step(context, id, body) {
  const response = await act(context, id, body);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** The dev mailbox's messages about one ticket, oldest first (needs an admin context). */
export async function mailsAbout(admin, ticketId) {
  const page = await (await admin.get('/api/admin/outbox?limit=100')).json();
  return page.items.filter((message) => message.ticket_id === ticketId).reverse();
}

/** The dev mailbox's messages to one address, oldest first (read from the outbox). */
export async function mailsTo(address, persistDir = process.env.EDGEDESK_PERSIST_DIR) {
  const out = await d1(persistDir, 'execute', 'edgedesk', '--json', '--command',
    `SELECT subject, body FROM outbox WHERE recipient = '${address.replace(/'/g, "''")}' ORDER BY id`);
  return JSON.parse(out)[0].results;
}

/** The cron runs recorded for the scheduled time `when` (ms; needs a supervisor or admin). */
export async function runsAt(context, when) {
  const runs = await (await context.get('/api/sweep-runs')).json();
  return runs.filter((run) => Date.parse(run.scheduled_at) === when);
}

/** Runs the cron sweep as if the platform scheduled it at `when` (ms), and returns its run. */
export async function sweepAt(context, when) {
  const response = await context.get(`/cdn-cgi/handler/scheduled?cron=*+*+*+*+*&time=${when}`);
  expect(response.status()).toBe(200);
  const [run] = await runsAt(context, when);
  return run;
}

/** The token of the latest sign-up confirmation mailed to `email` (read from the outbox). */
export async function confirmationToken(email, persistDir = process.env.EDGEDESK_PERSIST_DIR) {
  const out = await d1(persistDir, 'execute', 'edgedesk', '--json', '--command',
    `SELECT body FROM outbox WHERE recipient = '${email.toLowerCase().replace(/'/g, "''")}' AND body LIKE '%/confirm-email/%' ORDER BY id DESC LIMIT 1`);
  const row = JSON.parse(out)[0].results[0];
  expect(row, `a confirmation mail to ${email}`).toBeDefined();
  return /\/confirm-email\/([0-9a-f]{64})/.exec(row.body)[1];
}

/**
 * Creates a customer account as a person does: asks for it (202), then opens the mailed
 * link. Returns the link's answer (201, the account, and the session cookie on `context`).
 */
export async function signUp(context, account, persistDir = process.env.EDGEDESK_PERSIST_DIR) {
  const asked = await context.post('/api/auth/signup', { data: account });
  expect(asked.status(), await asked.text()).toBe(202);
  return context.post(`/api/auth/signup/${await confirmationToken(account.email, persistDir)}`);
}
