// Small helpers for API specs.
import { expect, request as http } from '@playwright/test';
import { signIn } from './fixtures.mjs';

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

/** A request context of its own, signed in as a demo account: one per person in a story. */
export async function signedIn(email) {
  const context = await http.newContext({ baseURL: process.env.EDGEDESK_URL });
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
