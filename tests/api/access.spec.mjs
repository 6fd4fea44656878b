// The authorisation matrix: every API route × every kind of caller, asserting the status
// and that no answer leaks another customer's data.
import { request as http } from '@playwright/test';
import { test, expect, report, signIn } from '../support/fixtures.mjs';

// `token` is an API token with tickets:read and tickets:write, as an integration has.
const PRINCIPALS = ['anonymous', 'customer@example.com', 'customer2@example.com', 'l1@example.com',
  'l2@example.com', 'l3@example.com', 'supervisor@example.com', 'admin@example.com', 'token'];
const STAFF = PRINCIPALS.slice(3);
const CUSTOMER_A = 'customer@example.com';
const CUSTOMER_B = 'customer2@example.com';
// Seeded tickets: 1 and 3 belong to customer A (Nordlys ApS), 4 to customer B (Fjord
// Consulting), 2 and 5 were reported anonymously.
const TICKET_OF_A = 1;
const TICKET_OF_B = 4;
const ANONYMOUS_TICKET = 2;
const SECRETS_OF = { [CUSTOMER_A]: ['customer2@example.com', 'Amira Khan', 'Webshop checkout'],
  [CUSTOMER_B]: ['customer@example.com', 'Mette Hansen', 'Cannot log in to the VPN'] };

const DEFAULT_RULES = {
  matrix: { cells: [['P4', 'P4', 'P3'], ['P4', 'P3', 'P2'], ['P3', 'P2', 'P1']] },
  reopen_days: 7,
};

const expected = (who, table) => table[who] ?? table.staff;

// A data-breach case opened by L1 about customer A's ticket, made before the matrix runs:
// need-to-know, so only L1 (on the case) and the supervisor (the privacy lead) see it.
let BREACH;
const ON_THE_CASE = ['l1@example.com', 'supervisor@example.com'];
const NOT_SEEN = { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 404 };

const ROUTES = [
  { name: 'GET /api/health', call: (api) => api.get('/api/health'), status: () => 200 },
  {
    name: 'GET /api/me',
    call: (api) => api.get('/api/me'),
    status: (who) => expected(who, { anonymous: 401, token: 403, staff: 200 }),
    check: async (who, body) => { if (who !== 'anonymous' && who !== 'token') expect(body.email).toBe(who); },
  },
  {
    name: 'GET /api/session',
    call: (api) => api.get('/api/session'),
    status: () => 200,
    check: async (who, body) => {
      if (who === 'anonymous' || who === 'token') expect(body).toEqual({ me: null });
      else expect(body.me.email).toBe(who);
    },
  },
  {
    name: 'GET /api/tickets',
    call: (api) => api.get('/api/tickets?limit=100'),
    status: (who) => (who === 'anonymous' ? 401 : 200),
    check: async (who, body) => {
      if (who === 'anonymous') return;
      const ids = body.items.map((t) => t.id);
      if (who === CUSTOMER_A) expect(ids).toEqual(expect.arrayContaining([1, 3]));
      if (who === CUSTOMER_B) expect(ids).toContain(TICKET_OF_B);
      if (STAFF.includes(who)) expect(ids).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
      if (who === CUSTOMER_A) expect(ids).not.toEqual(expect.arrayContaining([TICKET_OF_B]));
      if ([CUSTOMER_A, CUSTOMER_B].includes(who)) expect(ids).not.toContain(ANONYMOUS_TICKET);
    },
  },
  {
    name: "GET /api/tickets/{A's}",
    call: (api) => api.get(`/api/tickets/${TICKET_OF_A}`),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 200, [CUSTOMER_B]: 404, staff: 200 }),
    // Staff learn that the ticket is in a breach case; its customer never does.
    check: async (who, body) => {
      if (who === CUSTOMER_A) expect(body.ticket).not.toHaveProperty('breach_cases');
      else expect(body.ticket.breach_cases).toContain(BREACH);
    },
  },
  {
    name: "GET /api/tickets/{B's}",
    call: (api) => api.get(`/api/tickets/${TICKET_OF_B}`),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 404, [CUSTOMER_B]: 200, staff: 200 }),
  },
  {
    name: 'GET /api/tickets/{anonymous report}',
    call: (api) => api.get(`/api/tickets/${ANONYMOUS_TICKET}`),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 404, [CUSTOMER_B]: 404, staff: 200 }),
  },
  {
    name: 'POST /api/tickets',
    call: (api) => api.post('/api/tickets', { data: report() }),
    status: () => 201,
  },
  {
    name: 'GET /api/status/{token}',
    call: async (api) => {
      const created = await (await api.post('/api/tickets', { data: report() })).json();
      return api.get(`/api/status/${created.status_token}`);
    },
    status: () => 200,
    check: async (_who, body) => {
      // The public face only: no reporter, no working state, public history.
      expect(Object.keys(body).sort()).toEqual(['calls', 'promise', 'ticket', 'timeline']);
      expect(Object.keys(body.promise).sort()).toEqual(['resolve_by', 'respond_by', 'waiting_for_you']);
      expect(body.ticket).not.toHaveProperty('reporter');
      expect(body.ticket).not.toHaveProperty('work');
      expect(body.timeline.every((entry) => entry.public)).toBe(true);
    },
  },
  {
    name: 'DELETE /api/tickets/{anonymous report}/status-link',
    call: (api) => api.delete(`/api/tickets/${ANONYMOUS_TICKET}/status-link`),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 404, [CUSTOMER_B]: 404, staff: 204 }),
  },
  {
    name: 'GET /api/sweep-runs',
    call: (api) => api.get('/api/sweep-runs'),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403,
      'l1@example.com': 403, 'l2@example.com': 403, 'l3@example.com': 403, token: 403, staff: 200 }),
  },
  {
    name: 'GET /api/admin/users',
    call: (api) => api.get('/api/admin/users'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    // A stale version: an admin gets 409, so the matrix changes nobody.
    name: 'PATCH /api/admin/users/{l1}',
    call: (api) => api.patch('/api/admin/users/3', { data: { version: 0, active: false } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 409, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'POST /api/admin/invitations',
    call: (api) => api.post('/api/admin/invitations', { data: { email: 'x', name: '', role: 'agent' } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 422, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/tokens',
    call: (api) => api.get('/api/admin/tokens'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
    check: async (_who, body) => { for (const token of body) expect(token).not.toHaveProperty('token'); },
  },
  {
    name: 'GET /api/admin/webhooks',
    call: (api) => api.get('/api/admin/webhooks'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
    check: async (_who, body) => { for (const hook of body) expect(hook).not.toHaveProperty('secret'); },
  },
  {
    // A private target: refused for the admin too, so the matrix subscribes nobody.
    name: 'POST /api/admin/webhooks',
    call: (api) => api.post('/api/admin/webhooks', { data: { url: 'https://127.0.0.1/hook', events: ['ticket.created'] } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 422, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'PATCH /api/admin/webhooks/999999',
    call: (api) => api.patch('/api/admin/webhooks/999999', { data: { version: 1, active: false } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 404, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'DELETE /api/admin/webhooks/999999',
    call: (api) => api.delete('/api/admin/webhooks/999999'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 404, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/webhooks/999999/deliveries',
    call: (api) => api.get('/api/admin/webhooks/999999/deliveries'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 404, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'POST /api/admin/webhooks/999999/deliveries/1/replay',
    call: (api) => api.post('/api/admin/webhooks/999999/deliveries/1/replay'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 404, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/organisations',
    call: (api) => api.get('/api/admin/organisations'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    // A stale version: an admin gets 409, so the matrix changes nothing.
    name: 'PATCH /api/admin/organisations/1',
    call: (api) => api.patch('/api/admin/organisations/1', { data: { version: 0, members_see_all_tickets: false } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 409, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    // Exists only while the BOOTSTRAP_TOKEN secret is set; the shared server has none.
    name: 'POST /api/auth/bootstrap',
    call: (api) => api.post('/api/auth/bootstrap', { data: {} }),
    status: () => 404,
  },
  { name: 'GET /api/categories', call: (api) => api.get('/api/categories'), status: () => 200 },
  {
    name: 'GET /api/canned-replies',
    call: (api) => api.get('/api/canned-replies'),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 200 }),
  },
  {
    name: 'PUT /api/admin/canned-replies',
    call: (api) => api.put('/api/admin/canned-replies', { data: { replies: [], version: 999 } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 409, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    // Ticket 999999 does not exist: staff get a per-ticket refusal, nothing changes.
    name: 'POST /api/tickets/bulk',
    call: (api) => api.post('/api/tickets/bulk', { data: { ids: [999999], action: 'auto_assign' } }),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 200 }),
  },
  { name: 'GET /api/kb', call: (api) => api.get('/api/kb?q=vpn'), status: () => 200 },
  { name: 'GET /api/kb/{missing}', call: (api) => api.get('/api/kb/999999'), status: () => 404 },
  {
    name: 'POST /api/kb',
    call: (api) => api.post('/api/kb', { data: { title: '', body: '' } }),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 422 }),
  },
  {
    // Similar tickets belong to other customers: only staff get them.
    name: 'GET /api/suggestions',
    call: (api) => api.get('/api/suggestions?q=vpn+webshop+printer'),
    status: () => 200,
    check: async (who, body) => {
      if (!STAFF.includes(who) || who === 'token') expect(body.tickets).toEqual([]);
    },
  },
  {
    // A plain GET is refused; the WebSocket itself is covered in live.spec.mjs.
    name: 'GET /api/live (no upgrade)',
    call: (api) => api.get('/api/live'),
    status: (who) => expected(who, { anonymous: 401, token: 403, staff: 426, [CUSTOMER_A]: 426, [CUSTOMER_B]: 426 }),
  },
  {
    name: 'GET /api/queues',
    call: (api) => api.get('/api/queues'),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 200 }),
  },
  {
    name: 'GET /api/agents',
    call: (api) => api.get('/api/agents'),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 200 }),
  },
  {
    name: 'PUT /api/me/availability',
    call: (api) => api.put('/api/me/availability', { data: { away: false } }),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403,
      'supervisor@example.com': 403, 'admin@example.com': 403, staff: 200 }),
  },
  {
    name: 'GET /api/me/services',
    call: (api) => api.get('/api/me/services'),
    status: (who) => expected(who, { anonymous: 401, token: 403, staff: 200 }),
  },
  {
    name: 'PUT /api/me/language',
    call: (api) => api.put('/api/me/language', { data: { language: 'en' } }),
    // Every person chooses their own language; an API token is nobody.
    status: (who) => expected(who, { anonymous: 401, token: 403, staff: 200 }),
  },
  {
    // An internal note: staff work. The ticket's own customer is told no; others, not found.
    name: 'POST /api/tickets/{B}/actions',
    call: (api) => api.post(`/api/tickets/${TICKET_OF_B}/actions`, { data: { action: 'note', body: 'matrix' } }),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 404, [CUSTOMER_B]: 403, token: 403, staff: 200 }),
    check: async (_who, body) => { expect(body.ticket.work).toBeDefined(); },
  },
  {
    name: 'POST /api/tickets/{B}/presence',
    call: (api) => api.post(`/api/tickets/${TICKET_OF_B}/presence`, { data: { editing: false } }),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 200 }),
  },
  {
    name: 'POST /api/tickets/{anonymous report}/actions',
    call: (api) => api.post(`/api/tickets/${ANONYMOUS_TICKET}/actions`, { data: { action: 'reply', body: 'hi' } }),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 404, [CUSTOMER_B]: 404, token: 403, staff: 200 }),
  },
  {
    name: 'GET /api/tickets/{B}/calls/{none}.ics',
    call: (api) => api.get(`/api/tickets/${TICKET_OF_B}/calls/999999.ics`),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 404, staff: 404 }),
  },
  {
    name: 'GET /api/admin/categories',
    call: (api) => api.get('/api/admin/categories'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'POST /api/admin/categories',
    call: (api) => api.post('/api/admin/categories', { data: { name: '' } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 422, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'PATCH /api/admin/categories/1',
    call: (api) => api.patch('/api/admin/categories/1', { data: { name: 'Network', version: 0 } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 409, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/outbox',
    call: (api) => api.get('/api/admin/outbox'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/inbox',
    call: (api) => api.get('/api/admin/inbox'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/rules',
    call: (api) => api.get('/api/admin/rules'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'PUT /api/admin/rules',
    call: (api) => api.put('/api/admin/rules', { data: { ...DEFAULT_RULES, version: 999 } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 409, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/sla',
    call: (api) => api.get('/api/admin/sla'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'PUT /api/admin/sla',
    call: async (api) => {
      const current = await (await api.get('/api/admin/sla')).json();
      return api.put('/api/admin/sla', { data: current.policies ? { ...current, version: 999 } : {} });
    },
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 409, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/alerts',
    call: (api) => api.get('/api/admin/alerts'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/alerts/settings',
    call: (api) => api.get('/api/admin/alerts/settings'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'PUT /api/admin/alerts/settings',
    call: async (api) => {
      const current = await (await api.get('/api/admin/alerts/settings')).json();
      return api.put('/api/admin/alerts/settings', { data: current.priorities ? { ...current, version: 999 } : {} });
    },
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 409, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/admin/alerts/integrations',
    call: (api) => api.get('/api/admin/alerts/integrations'),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    // No token has this id: admins learn that, nobody else gets that far.
    name: 'PUT /api/admin/alerts/integrations/{id}',
    call: (api) => api.put('/api/admin/alerts/integrations/999999999', { data: { policy: null, version: 0 } }),
    status: (who) => expected(who, { anonymous: 401, 'admin@example.com': 404, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    // Alerts come from tokens with alerts:write only (the matrix's token has ticket scopes).
    name: 'POST /api/alerts',
    call: (api) => api.post('/api/alerts', { data: {
      routing_key: 'not-a-token', event_action: 'trigger', dedup_key: 'matrix',
      payload: { summary: 'Matrix', source: 'matrix', severity: 'info' },
    } }),
    status: (who) => expected(who, { anonymous: 401, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/breaches',
    call: (api) => api.get('/api/breaches'),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 200 }),
    check: async (who, body) => expect(body.some((c) => c.id === BREACH)).toBe(ON_THE_CASE.includes(who)),
  },
  {
    name: 'POST /api/breaches',
    call: (api) => api.post('/api/breaches', { data: { title: '' } }),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 422 }),
  },
  {
    name: 'GET /api/breaches/{id}',
    call: (api) => api.get(`/api/breaches/${BREACH}`),
    status: (who) => (ON_THE_CASE.includes(who) ? 200 : expected(who, NOT_SEEN)),
  },
  {
    name: 'POST /api/breaches/{id}/actions',
    call: (api) => api.post(`/api/breaches/${BREACH}/actions`, { data: { version: 999, action: 'close' } }),
    status: (who) => (ON_THE_CASE.includes(who) ? 409 : expected(who, NOT_SEEN)),
  },
  {
    // Inviting is the privacy lead's; nobody has this address.
    name: 'POST /api/breaches/{id}/members',
    call: (api) => api.post(`/api/breaches/${BREACH}/members`, { data: { email: 'nobody@example.com' } }),
    status: (who) => ({ 'supervisor@example.com': 422, 'l1@example.com': 403 }[who] ?? expected(who, NOT_SEEN)),
  },
  {
    name: 'POST /api/breaches/{id}/incidents',
    call: (api) => api.post(`/api/breaches/${BREACH}/incidents`, { data: { ticket_id: 999999999 } }),
    status: (who) => (ON_THE_CASE.includes(who) ? 422 : expected(who, NOT_SEEN)),
  },
  {
    name: 'GET /api/breaches/register',
    call: (api) => api.get('/api/breaches/register'),
    status: (who) => expected(who, { anonymous: 401, 'supervisor@example.com': 200, staff: 403, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403 }),
  },
  {
    name: 'GET /api/reports/dashboard',
    call: (api) => api.get('/api/reports/dashboard'),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 200 }),
    // Agents get their own work only; supervisors and admins the desk's.
    check: async (who, body) => {
      const agents = { 'l1@example.com': 3, 'l2@example.com': 4, 'l3@example.com': 5 };
      expect(body.query.filters.agent).toBe(agents[who] ?? null);
    },
  },
  {
    name: 'GET /api/reports/results',
    call: (api) => api.get('/api/reports/results?format=csv'),
    status: (who) => expected(who, { anonymous: 401, [CUSTOMER_A]: 403, [CUSTOMER_B]: 403, token: 403, staff: 200 }),
  },
  {
    name: 'POST /api/auth/logout',
    call: (api) => api.post('/api/auth/logout'),
    status: () => 204,
  },
];

test(`authorisation matrix: ${ROUTES.length} routes × ${PRINCIPALS.length} principals`, async ({ baseURL }) => {
  // Each cell signs in afresh (PBKDF2 on purpose), so the matrix takes a while.
  test.setTimeout(240_000);
  const admin = await http.newContext({ baseURL });
  await signIn(admin, 'admin@example.com');
  const { token } = await (await admin.post('/api/admin/tokens', {
    data: { name: `matrix ${Date.now()}`, scopes: ['tickets:read', 'tickets:write'] },
  })).json();
  await admin.dispose();
  const agent = await http.newContext({ baseURL });
  await signIn(agent, 'l1@example.com');
  const opened = await agent.post('/api/breaches', { data: {
    title: 'Matrix breach', aware_at: new Date().toISOString(), reported_by: 'Matrix', reported_via: 'staff', incident_ids: [TICKET_OF_A],
  } });
  expect(opened.status()).toBe(201);
  BREACH = (await opened.json()).id;
  await agent.dispose();
  const failures = [];
  for (const who of PRINCIPALS) {
    for (const route of ROUTES) {
      // A fresh session per cell: the logout cell must not end the others.
      const headers = who === 'token' ? { authorization: `Bearer ${token}` } : {};
      const api = await http.newContext({ baseURL, extraHTTPHeaders: headers });
      if (who !== 'anonymous' && who !== 'token') await signIn(api, who);
      const response = await route.call(api);
      const text = await response.text();
      const want = route.status(who);
      if (response.status() !== want) failures.push(`${route.name} as ${who}: ${response.status()}, want ${want}`);
      for (const secret of SECRETS_OF[who] ?? []) {
        if (text.includes(secret)) failures.push(`${route.name} as ${who} leaks "${secret}"`);
      }
      if (response.status() === want && want < 300 && route.check && text) await route.check(who, JSON.parse(text));
      await api.dispose();
    }
  }
  expect(failures).toEqual([]);
});
