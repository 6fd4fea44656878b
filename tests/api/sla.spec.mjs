// SLA clocks against real workerd and D1, on a desk of its own (its sweeps run hours ahead,
// which would escalate the shared desk's tickets). Tickets are created now; the sweep is
// driven at chosen times after that, so nothing waits in real time.
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { createTicket, expectError, runsAt, step, sweepAt } from '../support/api.mjs';
import { d1, makePersistDir, removePersistDir, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

const MINUTE = 60_000;

let dir;
let server;
let admin;
let agent;
let customer;

test.beforeAll(async () => {
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true });
  admin = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(admin, 'admin@example.com');
  agent = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(agent, 'l1@example.com');
  customer = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(customer, 'customer@example.com');
});

test.afterAll(async () => {
  for (const context of [admin, agent, customer]) await context?.dispose();
  await server?.stop();
  if (dir) await removePersistDir(dir);
});

async function pageOf(context, id) {
  const response = await context.get(`/api/tickets/${id}`);
  expect(response.status()).toBe(200);
  return response.json();
}

const clockOf = (page, target) => page.sla.clocks.find((clock) => clock.target === target);
const stepsOf = (page) => page.sla.recorded.map((done) => `${done.target}:${done.percent}`).sort();

/** A new ticket set to `priority` by the agent; returns its page. */
async function ticketAt(priority, overrides = {}) {
  const created = await createTicket(agent, report(overrides));
  const page = await pageOf(agent, created.id);
  return step(agent, created.id, { action: 'set_priority', version: page.ticket.version, priority, reason: 'SLA test' });
}

test('warnings, then the breach and its escalation, each recorded once however often the sweep runs', async () => {
  const page = await ticketAt('P2', { email: 'customer@example.com' });
  const id = page.ticket.id;
  const opened = Date.parse(page.timeline[0].at);
  const response = clockOf(page, 'first_response');
  // P2: 90 minutes to respond, around the clock by default.
  expect(response).toMatchObject({ state: 'running', target_minutes: 90, breached: false });
  expect(Date.parse(response.due_at)).toBe(opened + 90 * MINUTE);
  // The calendar comes as values (no days: around the clock) for the reader's language.
  expect(response.hours).toEqual({ zone: 'Europe/Copenhagen', days: [] });

  // Nothing is due yet: the sweep looks at no ticket at all, however many are open.
  const quiet = await sweepAt(admin, opened + MINUTE);
  expect(quiet).toMatchObject({ tickets_examined: 0, sla_warnings: 0, error: null });

  // 50 % of the response target, twice for the same minute: one warning.
  const half = opened + 45 * MINUTE + 1000;
  const first = await sweepAt(admin, half);
  expect(first).toMatchObject({ sla_warnings: 1, sla_breaches: 0, error: null });
  const second = await sweepAt(admin, half);
  expect(second).toMatchObject({ tickets_examined: 0, sla_warnings: 0 });
  let now = await pageOf(agent, id);
  expect(stepsOf(now)).toEqual(['first_response:50']);
  expect(now.timeline.filter((entry) => entry.kind === 'sla_warning')).toHaveLength(1);
  let listed = (await (await agent.get('/api/tickets?queue=breaching_soon&limit=100')).json()).items;
  expect(listed.find((ticket) => ticket.id === id).sla).toMatchObject({ target: 'first_response', level: 50 });

  // Two sweeps overlapping at 75 %: one of them records the step, the other loses its batch.
  const threeQuarters = opened + 68 * MINUTE;
  await Promise.all([
    admin.get(`/cdn-cgi/handler/scheduled?cron=*+*+*+*+*&time=${threeQuarters}`),
    admin.get(`/cdn-cgi/handler/scheduled?cron=*+*+*+*+*&time=${threeQuarters}`),
  ]);
  const overlapping = await runsAt(admin, threeQuarters);
  expect(overlapping).toHaveLength(2);
  expect(overlapping.reduce((sum, run) => sum + run.sla_warnings, 0)).toBe(1);
  now = await pageOf(agent, id);
  expect(stepsOf(now)).toEqual(['first_response:50', 'first_response:75']);
  expect(now.ticket.work.tier).toBe('l1');

  // The target passes (90 % and 100 % fall due together): breach, escalation to L2, mail.
  const due = opened + 90 * MINUTE;
  const breach = await sweepAt(admin, due);
  expect(breach).toMatchObject({ sla_breaches: 1, sla_warnings: 0, error: null });
  await sweepAt(admin, due);
  now = await pageOf(agent, id);
  expect(stepsOf(now)).toEqual(['first_response:100', 'first_response:50', 'first_response:75', 'first_response:90']);
  expect(now.ticket.work).toMatchObject({ tier: 'l2', assignee: null });
  expect(now.ticket.version).toBe(page.ticket.version + 1);
  const breaches = now.timeline.filter((entry) => entry.kind === 'sla_breached');
  expect(breaches).toHaveLength(1);
  expect(breaches[0].sla).toEqual([{ target: 'first_response', percent: 100 }]);
  expect(breaches[0].changes).toContainEqual({ field: 'tier', before: 'l1', after: 'l2' });
  // The page computes its clocks at the real now (minutes after opening): the breach
  // instant is the recorded one.
  const breachStep = now.sla.recorded.find((done) => done.percent === 100);
  expect(Date.parse(breachStep.at)).toBe(opened + 90 * MINUTE);
  const mail = (await (await admin.get('/api/admin/outbox?limit=100')).json()).items.filter((m) => m.ticket_id === id);
  expect(mail.some((m) => m.subject.includes('SLA breached'))).toBe(true);
  expect(mail.some((m) => m.subject.includes('Escalated to your queue after an SLA breach'))).toBe(true);
  listed = (await (await agent.get('/api/tickets?queue=breaching_soon&limit=100')).json()).items;
  expect(listed.find((ticket) => ticket.id === id).sla.level).toBe(100);

  // The reporter's portal shows neither the steps nor the clocks, only the promise.
  const seen = await pageOf(customer, id);
  expect(seen.timeline.some((entry) => entry.kind.startsWith('sla_'))).toBe(false);
  expect(seen.sla).toBeUndefined();
  expect(seen.promise.respond_by).toBe(response.due_at);
});

test('waiting on the customer pauses the resolution clock by exactly the time waited', async () => {
  const created = await createTicket(customer, report({ email: 'customer@example.com' }));
  const id = created.id;
  let page = await pageOf(agent, id);
  const due = Date.parse(clockOf(page, 'resolution').due_at);
  let promise = (await pageOf(customer, id)).promise;
  expect(promise.respond_by).not.toBeNull();
  expect(promise.waiting_for_you).toBe(false);

  page = await step(agent, id, { action: 'reply', version: page.ticket.version, body: 'Which printer?', wait_for_customer: true });
  const customerView = await pageOf(customer, id);
  expect(customerView.promise).toEqual({ respond_by: null, resolve_by: null, waiting_for_you: true });
  expect(customerView.sla).toBeUndefined();
  expect(clockOf(page, 'first_response')).toMatchObject({ state: 'stopped', breached: false });
  expect(clockOf(page, 'resolution')).toMatchObject({ state: 'paused', due_at: null });

  await new Promise((resolve) => setTimeout(resolve, 1500));
  await step(customer, id, { action: 'reply', version: page.ticket.version, body: 'The one on the 2nd floor.' });
  page = await pageOf(agent, id);
  const pausedAt = Date.parse(page.timeline.find((entry) => entry.kind === 'reply').at);
  const resumedAt = Date.parse(page.timeline.findLast((entry) => entry.kind === 'reply').at);
  const resolution = clockOf(page, 'resolution');
  expect(resolution.state).toBe('running');
  expect(Date.parse(resolution.due_at) - due).toBe(resumedAt - pausedAt);
  expect(resolution.pauses).toHaveLength(1);
  expect(resolution.pauses[0].reason).toBe('waiting_on_customer');
});

test('priority changes recompute deadlines from the history, and a ticket reopened in time does not breach', async () => {
  const created = await createTicket(customer, report({ email: 'customer@example.com' }));
  const id = created.id;
  let page = await pageOf(agent, id);
  const opened = Date.parse(page.timeline[0].at);
  const dueOf = (view, target) => Date.parse(clockOf(view, target).due_at);
  // Untriaged: measured as P3 (2 h); P4 gives 3 h, P1 1 h, all from the same opening.
  expect(dueOf(page, 'first_response')).toBe(opened + 120 * MINUTE);
  page = await step(agent, id, { action: 'set_priority', version: page.ticket.version, priority: 'P4', reason: 'minor' });
  expect(dueOf(page, 'first_response')).toBe(opened + 180 * MINUTE);
  page = await step(agent, id, { action: 'set_priority', version: page.ticket.version, priority: 'P2', reason: 'worse' });
  expect(dueOf(page, 'first_response')).toBe(opened + 90 * MINUTE);
  expect(dueOf(page, 'resolution')).toBe(opened + 8 * 60 * MINUTE);

  // Resolved, then reopened by the customer: the time in between does not count.
  page = await step(agent, id, { action: 'resolve', version: page.ticket.version, code: 'fixed', notes: 'Replaced the toner' });
  expect(clockOf(page, 'resolution')).toMatchObject({ state: 'stopped', breached: false, due_at: null });
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await step(customer, id, { action: 'reopen', version: page.ticket.version, reason: 'Still streaky' });
  page = await pageOf(agent, id);
  const resolvedAt = Date.parse(page.timeline.find((entry) => entry.kind === 'resolved').at);
  const reopenedAt = Date.parse(page.timeline.find((entry) => entry.kind === 'reopened').at);
  const resolution = clockOf(page, 'resolution');
  expect(resolution.state).toBe('running');
  expect(resolution.pauses.map((pause) => pause.reason)).toEqual(['resolved']);
  expect(dueOf(page, 'resolution')).toBe(opened + 8 * 60 * MINUTE + (reopenedAt - resolvedAt));
  await sweepAt(admin, reopenedAt + MINUTE);
  expect((await pageOf(agent, id)).sla.recorded.filter((done) => done.target === 'resolution')).toEqual([]);
});

test('a breached P1 pages the L3 queue', async () => {
  const page = await ticketAt('P1', { email: 'customer@example.com' });
  expect(page.ticket.work.tier).toBe('l3');
  const opened = Date.parse(page.timeline[0].at);
  const run = await sweepAt(admin, opened + 61 * MINUTE);
  expect(run.error).toBeNull();
  const mail = (await (await admin.get('/api/admin/outbox?limit=100')).json()).items.filter((m) => m.ticket_id === page.ticket.id);
  const paged = mail.filter((m) => m.subject.includes('P1 SLA breach'));
  expect(paged.length).toBeGreaterThan(0);
  expect(paged.every((m) => m.recipient === 'l3@example.com' || m.channel === 'chat')).toBe(true);
  const breach = (await pageOf(agent, page.ticket.id)).timeline.find((entry) => entry.kind === 'sla_breached');
  expect(breach.sla).toEqual([{ target: 'first_response', percent: 100 }]);
  // Already in L3: nothing to escalate, so the ticket keeps its version.
  expect(breach.changes ?? []).toEqual([]);
});

test('admins edit policies and calendars with validation, and deadlines follow', async () => {
  const current = await (await admin.get('/api/admin/sla')).json();
  expect(current.zones).toContain('Europe/Copenhagen');
  expect(current.policies.map((policy) => [policy.priority, policy.first_response_minutes, policy.resolution_minutes]))
    .toEqual([['P1', 60, 240], ['P2', 90, 480], ['P3', 120, 1440], ['P4', 180, 2400]]);
  const { zones, ...settings } = current;

  const badZone = structuredClone(settings);
  badZone.calendars[1].zone = 'Europe/Atlantis';
  const refused = await expectError(await admin.put('/api/admin/sla', { data: badZone }), 422, 'invalid_value');
  expect(refused.field).toBe('calendars[1].zone');
  const noGeneral = structuredClone(settings);
  noGeneral.policies = noGeneral.policies.filter((policy) => policy.priority !== 'P4');
  expect((await expectError(await admin.put('/api/admin/sla', { data: noGeneral }), 422, 'invalid_value')).field).toBe('policies');
  await expectError(await agent.put('/api/admin/sla', { data: settings }), 403, 'forbidden');
  await expectError(await customer.get('/api/admin/sla'), 403, 'forbidden');

  const office = structuredClone(settings);
  office.policies.find((policy) => policy.priority === 'P4').calendar = 'office';
  office.calendars[1].holidays = [{ date: '2026-12-24', name: 'Christmas Eve', closed_from: '12:00' }];
  const saved = await admin.put('/api/admin/sla', { data: office });
  expect(saved.status(), await saved.text()).toBe(200);
  expect((await saved.json()).version).toBe(settings.version + 1);
  const stale = await admin.put('/api/admin/sla', { data: office });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current.calendars[1].holidays).toHaveLength(1);

  const page = await ticketAt('P4');
  const response = clockOf(page, 'first_response');
  expect(response.target_minutes).toBe(180);
  expect(response.hours).toEqual({ zone: 'Europe/Copenhagen', days: [{ first: 0, last: 4, spans: [[480, 960]] }] });
  const local = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(response.due_at))
      .map((part) => [part.type, part.value]),
  );
  expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(local.weekday);
  const clock = `${local.hour}:${local.minute}`;
  expect(clock > '08:00' && clock <= '16:00', clock).toBe(true);

  // Back to the defaults for the other tests.
  const restore = await admin.put('/api/admin/sla', { data: { ...settings, version: settings.version + 1 } });
  expect(restore.status()).toBe(200);
});

test('a category policy and a next-update target apply to the tickets they name', async () => {
  const { zones, ...settings } = await (await admin.get('/api/admin/sla')).json();
  const special = structuredClone(settings);
  const general = special.policies.find((policy) => policy.priority === 'P3');
  special.policies.push({ ...general, id: 'p3-vpn', name: 'P3 VPN', category_id: 2, first_response_minutes: 30, next_update_minutes: 45 });
  const saved = await admin.put('/api/admin/sla', { data: special });
  expect(saved.status(), await saved.text()).toBe(200);
  try {
    // Reported in category 2: the narrower policy; any other category: the general one.
    const vpn = await createTicket(customer, report({ email: 'customer@example.com', category_id: 2 }));
    const other = await createTicket(customer, report({ email: 'customer@example.com', category_id: 3 }));
    let page = await pageOf(agent, vpn.id);
    expect(clockOf(page, 'first_response')).toMatchObject({ policy: 'P3 VPN', target_minutes: 30 });
    expect(page.sla.clocks.map((clock) => clock.target)).toEqual(['first_response', 'resolution']);
    expect(clockOf(await pageOf(agent, other.id), 'first_response')).toMatchObject({ policy: 'P3', target_minutes: 120 });

    // The first agent reply starts the next-update clock: 45 minutes from that reply.
    page = await step(agent, vpn.id, { action: 'reply', version: page.ticket.version, body: 'Looking at it now.' });
    const replied = Date.parse(page.timeline.find((entry) => entry.kind === 'reply').at);
    expect(clockOf(page, 'next_update')).toMatchObject({ cycle: 1, state: 'running', target_minutes: 45 });
    expect(Date.parse(clockOf(page, 'next_update').due_at)).toBe(replied + 45 * MINUTE);
  } finally {
    const restore = await admin.put('/api/admin/sla', { data: { ...settings, version: settings.version + 1 } });
    expect(restore.status()).toBe(200);
  }
});

test('the breaching-soon queue lists running clocks soonest first', async () => {
  await ticketAt('P4');
  await ticketAt('P1', { title: `Everything is down ${Date.now()}` });
  const items = (await (await agent.get('/api/tickets?queue=breaching_soon&limit=100')).json()).items;
  const dues = items.map((ticket) => Date.parse(ticket.sla.due_at));
  expect(dues.length).toBeGreaterThanOrEqual(2);
  expect(dues).toEqual([...dues].sort((a, b) => a - b));
  const secondPage = await (await agent.get(`/api/tickets?queue=breaching_soon&limit=1&cursor=${items[0].id}`)).json();
  expect(secondPage.items[0].id).toBe(items[1].id);
  // Customers never get the internal badge.
  const mine = (await (await customer.get('/api/tickets')).json()).items;
  expect(mine.every((ticket) => ticket.sla === undefined)).toBe(true);
});

test('a sweep that fails is recorded with its error for admins', async () => {
  await d1(dir, 'execute', 'edgedesk', '--command', "INSERT OR REPLACE INTO settings (key, value, version) VALUES ('sla', '{\"calendars\": 1}', 99)");
  try {
    const when = Date.now() + 5 * MINUTE;
    const run = await sweepAt(admin, when);
    // The operator sees that the run failed, never the parser's internals.
    expect(run.error).toBe('Something went wrong on our side; nothing was saved');
    expect(run.sla_warnings).toBe(0);
    expect(run.sla_breaches).toBe(0);
  } finally {
    await d1(dir, 'execute', 'edgedesk', '--command', "DELETE FROM settings WHERE key = 'sla'");
  }
});

test('a major incident resolving its linked tickets stops their clocks in the queue at the next sweep', async () => {
  const l3 = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(l3, 'l3@example.com');
  const major = await createTicket(agent, report({ title: 'Mail is down' }));
  let majorPage = await step(l3, major.id, { action: 'mark_major', version: 1 });
  const child = await ticketAt('P2');
  const listedBadge = async () => {
    const listed = await (await agent.get('/api/tickets?queue=all&limit=100&sort=updated')).json();
    return listed.items.find((ticket) => ticket.id === child.ticket.id).sla;
  };
  expect(await listedBadge()).toMatchObject({ target: 'first_response' });
  await step(agent, child.ticket.id, { action: 'link_to_major', version: child.ticket.version, major_id: major.id });
  majorPage = await step(l3, major.id, { action: 'reply', body: 'Restoring mail.' });
  await step(l3, major.id, {
    action: 'resolve', version: majorPage.ticket.version, code: 'fixed', notes: 'Mail restored', resolve_linked: true,
  });
  const resolved = await pageOf(agent, child.ticket.id);
  expect(resolved.ticket.status).toBe('resolved');
  expect(resolved.sla.clocks.every((clock) => clock.state === 'stopped')).toBe(true);
  // The queue's badge is the stored projection: one sweep a minute later brings it in line.
  const run = await sweepAt(admin, Date.now() + MINUTE);
  expect(run.error).toBeNull();
  expect(await listedBadge()).toBeUndefined();
  await l3.dispose();
});
