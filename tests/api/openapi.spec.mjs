// The API document at /api/openapi.json must describe every route the Worker answers,
// and what the Worker answers must match it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { test, expect, report } from '../support/fixtures.mjs';
import { createTicket, signedIn } from '../support/api.mjs';
import { ROOT } from '../support/server.mjs';
import { validator } from '../support/schema.mjs';

/** Every `METHOD /api/...` the route table dispatches, read from its source. */
async function routesInSource() {
  const source = await fs.readFile(path.join(ROOT, 'worker/src/routes/mod.rs'), 'utf8');
  const paths = new Map();
  for (const [, segments, endpoint] of source.matchAll(/\[("api"[^\]]*)\]\s*=>\s*\{?\s*Some\(Self::(\w+)/g)) {
    const template = segments.split(',').map((s) => s.trim())
      .map((segment) => (segment.startsWith('"') ? segment.slice(1, -1) : '{}')).join('/');
    paths.set(endpoint, `/${template}`);
  }
  const routes = new Set();
  for (const [, endpoint, method] of source.matchAll(/\(Endpoint::(\w+)(?:\([^)]*\))?,\s*Method::(\w+)\)/g)) {
    expect(paths.has(endpoint), `${endpoint} has a path`).toBe(true);
    routes.add(`${method.toUpperCase()} ${paths.get(endpoint)}`);
  }
  return routes;
}

const normalise = (template) => template.replace(/\{[^}]+\}/g, '{}');

test('every route is documented and every documented route exists', async ({ request }) => {
  const response = await request.get('/api/openapi.json');
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toMatch(/^3\.1\./);
  const documented = new Set(Object.entries(document.paths)
    .flatMap(([template, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${normalise(template)}`)));
  const served = await routesInSource();
  expect(served.size).toBeGreaterThan(40);
  expect([...served].filter((route) => !documented.has(route)), 'routes missing from the document').toEqual([]);
  expect([...documented].filter((route) => !served.has(route)), 'documented routes the Worker lacks').toEqual([]);
  // Every $ref points at a schema that exists.
  const refs = JSON.stringify(document).match(/#\/components\/schemas\/\w+/g);
  for (const ref of new Set(refs)) expect(document.components.schemas[ref.split('/').at(-1)], ref).toBeDefined();
});

test('answers match the documented schemas', async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: process.env.EDGEDESK_URL });
  const [agent, admin] = await Promise.all(['l2@example.com', 'admin@example.com'].map(signedIn));
  const document = await (await anonymous.get('/api/openapi.json')).json();
  const check = validator(document);
  // The checker itself refuses what does not fit: a wrong type, an undocumented field.
  expect(check({ $ref: '#/components/schemas/Error' }, { code: 5, message: 'x' })).not.toEqual([]);
  expect(check({ $ref: '#/components/schemas/Health' }, { ...(await (await anonymous.get('/api/health')).json()), extra: 1 })).not.toEqual([]);
  const operations = Object.entries(document.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, operation]) => ({ method: method.toUpperCase(), template, operation })));
  const find = (method, url) => {
    const pathname = new URL(url, 'http://x').pathname;
    return operations.find((op) => op.method === method
      && new RegExp(`^${op.template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname));
  };
  const problems = [];
  const checked = new Set();
  async function call(context, method, url, data) {
    const response = await context.fetch(url, { method, data });
    const operation = find(method, url);
    if (!operation) { problems.push(`${method} ${url}: not documented`); return response; }
    const status = String(response.status());
    const documented = operation.operation.responses[status] ?? operation.operation.responses.default;
    const schema = documented?.content?.['application/json']?.schema;
    if (status !== '204' && schema) {
      for (const problem of check(schema, await response.json())) problems.push(`${method} ${url} ${status}: ${problem}`);
    }
    checked.add(`${method} ${operation.template} ${status}`);
    return response;
  }

  try {
    await call(anonymous, 'GET', '/api/health');
    await call(anonymous, 'GET', '/api/session');
    await call(anonymous, 'GET', '/api/categories');
    await call(anonymous, 'GET', '/api/kb?q=vpn');
    await call(anonymous, 'GET', '/api/suggestions?q=vpn');
    await call(anonymous, 'GET', '/api/tickets');
    await call(anonymous, 'POST', '/api/tickets', '{not json');
    await call(anonymous, 'POST', '/api/tickets', { name: '' });
    const created = await (await call(agent, 'POST', '/api/tickets', report({ channel: 'phone', people_affected: 'my_team', work_impact: 'hindered' }))).json();
    await call(anonymous, 'GET', `/api/status/${created.status_token}`);
    await call(anonymous, 'POST', `/api/status/${created.status_token}/actions`, { action: 'reply', body: 'More detail' });
    await call(agent, 'GET', '/api/tickets?queue=l2&limit=5');
    await call(agent, 'GET', `/api/tickets/${created.id}`);
    await call(agent, 'POST', `/api/tickets/${created.id}/actions`, { action: 'escalate', version: 2, tier: 'l2', reason: 'Specialist' });
    await call(agent, 'POST', `/api/tickets/${created.id}/actions`, { action: 'take', version: 1 });
    await call(agent, 'POST', `/api/tickets/${created.id}/actions`, { action: 'note', body: 'checked' });
    await call(agent, 'POST', `/api/tickets/${created.id}/presence`, { editing: true });
    await call(agent, 'POST', '/api/tickets/bulk', { ids: [created.id, 999999], action: 'set_status', status: 'in_progress' });
    await call(agent, 'GET', '/api/agents');
    await call(agent, 'GET', '/api/canned-replies');
    await call(agent, 'GET', '/api/suggestions?q=printer');
    const article = await (await call(agent, 'POST', '/api/kb', { title: 'Paper jams', body: 'Open tray 2.' })).json();
    await call(agent, 'GET', `/api/kb/${article.id}`);
    await call(agent, 'PATCH', `/api/kb/${article.id}`, { ...article, version: 9 });
    await call(agent, 'GET', '/api/me');
    await call(admin, 'GET', '/api/admin/users?limit=5');
    await call(admin, 'GET', '/api/admin/tokens');
    await call(admin, 'GET', '/api/admin/organisations');
    await call(admin, 'GET', '/api/admin/categories');
    await call(admin, 'PATCH', '/api/admin/categories/1', { name: 'Network', version: 99 });
    await call(admin, 'GET', '/api/admin/outbox?limit=5');
    await call(admin, 'GET', '/api/admin/inbox?limit=5');
    await call(admin, 'GET', '/api/admin/webhooks');
    await call(agent, 'GET', '/api/me/services');
    await call(admin, 'POST', '/api/admin/webhooks', { url: 'https://10.0.0.1/x', events: ['ticket.created'] });
    await call(admin, 'GET', '/api/admin/rules');
    await call(admin, 'GET', '/api/sweep-runs');
    expect(problems).toEqual([]);
    expect(checked.size).toBeGreaterThan(30);
  } finally {
    await Promise.all([anonymous.dispose(), agent.dispose(), admin.dispose()]);
  }
});
