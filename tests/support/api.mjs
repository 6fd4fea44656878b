// Small helpers for API specs.
import { expect } from '@playwright/test';

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
