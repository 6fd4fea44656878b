// Reports against real workerd and D1, on a desk of its own: a week of history with known
// answers is written as tickets and events (as the Worker stores them), the sweep computes
// their clocks from that history, and every figure of the dashboard is checked against the
// value worked out by hand below.
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, signIn } from '../support/fixtures.mjs';
import { expectError, sweepAt } from '../support/api.mjs';
import { d1, makePersistDir, removePersistDir, startServer } from '../support/server.mjs';
import { HISTORY, MINUTE, historySql } from '../support/history.mjs';

test.describe.configure({ mode: 'serial' });

let dir;
let server;
let supervisor;
let agent;
let customer;

test.beforeAll(async () => {
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true });
  await d1(dir, 'execute', 'edgedesk', '--command', historySql(HISTORY));
  // Today's ticket, two hours old, still waiting for its first response (P4: 3 hours).
  await d1(dir, 'execute', 'edgedesk', '--command', historySql([
    { id: 1006, priority: 'P4', tier: 'l2', channel: 'portal', reported: Date.now() - 120 * MINUTE, steps: [] },
  ]));
  supervisor = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(supervisor, 'supervisor@example.com');
  agent = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(agent, 'l1@example.com');
  customer = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(customer, 'customer@example.com');
  const admin = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(admin, 'admin@example.com');
  // The sweep computes each seeded ticket's clocks from its history, as after any change.
  expect(await sweepAt(admin, Date.now())).toMatchObject({ error: null });
  await admin.dispose();
});

test.afterAll(async () => {
  for (const context of [supervisor, agent, customer]) await context?.dispose();
  await server?.stop();
  if (dir) await removePersistDir(dir);
});

const WEEK = 'from=2026-11-02&to=2026-11-06';

async function dashboard(context, query = WEEK) {
  const response = await context.get(`/api/reports/dashboard?${query}`);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

test('every figure of the week equals the value worked out by hand', async () => {
  const report = await dashboard(supervisor);
  expect(report.zone).toBe('Europe/Copenhagen');
  expect(report.query).toMatchObject({ from: '2026-11-02', to: '2026-11-06', group: 'priority' });
  const { period } = report;
  expect(period.opened).toBe(5);
  expect(period.majors).toBe(1);
  // First responses 10, 30, 45, 60, 120: the middle is 45, 120 is the 5th of 5 (ceil 4.5),
  // and 1002 answered after 120 of its 90 minutes.
  expect(period.first_response).toEqual({
    count: 5, median_minutes: 45, average_minutes: 53, p90_minutes: 120, breached: 1, compliance_percent: 80,
  });
  // Resolutions 300, 600, 200, 450 (750 less 300 waiting), 100 and, reopened, 200 more
  // (the 900 minutes it stayed resolved do not count): 100 200 200 300 450 600.
  expect(period.resolution).toEqual({
    count: 6, median_minutes: 250, average_minutes: 308.3, p90_minutes: 600, breached: 1, compliance_percent: 83.3,
  });
  expect(period.reopened).toBe(1);
  expect(period.reopen_percent).toBe(16.7);
  // Ratings of the resolved tickets: 5, 2, 4.
  expect(period.csat).toEqual({ rated: 3, satisfied: 2, satisfied_percent: 66.7, average: 3.7 });

  const byPriority = Object.fromEntries(report.by_priority.map((row) => [row.key, row]));
  expect(Object.keys(byPriority)).toEqual(['P1', 'P2', 'P3']);
  expect(byPriority.P2.opened).toBe(2);
  expect(byPriority.P2.first_response).toMatchObject({ median_minutes: 75, compliance_percent: 50 });
  expect(byPriority.P2.resolution).toMatchObject({ median_minutes: 450, breached: 1, compliance_percent: 50 });
  expect(byPriority.P3.resolution).toMatchObject({ count: 3, median_minutes: 200, compliance_percent: 100 });
  expect(byPriority.P3.reopen_percent).toBe(33.3);

  // The desk's days: 1004's resolution at 23:30Z counts on the 4th, as Copenhagen saw it.
  expect(report.days.map((day) => [day.day, day.opened, day.resolved, day.breached])).toEqual([
    ['2026-11-02', 2, 2, 2],
    ['2026-11-03', 2, 1, 0],
    ['2026-11-04', 1, 2, 0],
    ['2026-11-05', 0, 1, 0],
    ['2026-11-06', 0, 0, 0],
  ]);
  expect(report.days[0]).toMatchObject({ first_response_median: 75, resolution_median: 450 });
  expect(report.days[4]).toMatchObject({ first_response_median: null, resolution_median: null });

  // Under 1 h, 1–2 h, 2–4 h, 4–8 h, 8–24 h, 1–3 days, longer.
  expect(report.distribution.map((bucket) => bucket.first_response)).toEqual([3, 1, 1, 0, 0, 0, 0]);
  expect(report.distribution.map((bucket) => bucket.resolution)).toEqual([0, 1, 2, 2, 1, 0, 0]);

  // The source document's promise, for the target lines.
  expect(report.promise).toEqual([
    { priority: 'P1', first_response_minutes: 60, resolution_minutes: 240 },
    { priority: 'P2', first_response_minutes: 90, resolution_minutes: 480 },
    { priority: 'P3', first_response_minutes: 120, resolution_minutes: 1440 },
    { priority: 'P4', first_response_minutes: 180, resolution_minutes: 2400 },
  ]);
});

test('today, the open backlog and the breakdowns a supervisor picks', async () => {
  const report = await dashboard(supervisor, `${WEEK}&group=agent`);
  // Today, in Copenhagen: the P4 ticket of two hours ago and the demo tickets of today.
  const copenhagenDay = (millis) => new Date(millis).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
  const [{ results }] = JSON.parse(await d1(dir, 'execute', 'edgedesk', '--json', '--command', 'SELECT reported_at FROM tickets'));
  const today = results.filter((row) => copenhagenDay(row.reported_at) === copenhagenDay(Date.now())).length;
  expect(today).toBeGreaterThanOrEqual(1);
  expect(report.today).toMatchObject({ opened: today, majors: 0 });
  expect(report.today.first_response.count).toBe(0);
  // Open now: the five demo tickets (L1, 3 days to 8 minutes old) and today's (L2).
  const { backlog } = report;
  expect(backlog.total).toBe(6);
  expect(backlog.breached).toBe(0);
  expect(backlog.by_status).toContainEqual(['new', 6]);
  expect(backlog.by_tier).toEqual([['l1', 5], ['l2', 1], ['l3', 0]]);
  // Under 4 h: 2 h, 50 and 8 minutes; 4–24 h: 5 h; 1–3 days: 26 h; 3–7 days: 3 days and
  // the minutes since the seed.
  expect(backlog.by_age.map((age) => age.count)).toEqual([3, 1, 1, 1, 0]);

  // By agent: Lise (3) resolved four times, Lars (4) and Laura (5) once each.
  expect(report.breakdown.map((row) => [row.key, row.resolution.count])).toEqual([['3', 4], ['4', 1], ['5', 1]]);
  expect(report.options.agents.map((agent) => agent.name)).toContain('Lise Lund (L1)');
  expect(report.options.categories.length).toBeGreaterThan(0);

  const email = await dashboard(supervisor, `${WEEK}&channel=email`);
  expect(email.period).toMatchObject({ opened: 1 });
  expect(email.period.resolution).toMatchObject({ count: 1, median_minutes: 600, breached: 1 });
  const byCategory = await dashboard(supervisor, `${WEEK}&group=category&organisation=1`);
  expect(byCategory.breakdown.map((row) => [row.key, row.opened])).toEqual([['2', 1]]);
});

test('agents see their own work, customers nothing', async () => {
  const mine = await dashboard(agent);
  expect(mine.query.filters.agent).toBe(3);
  // 1001, 1004, 1005: responses 30, 60, 45; resolutions 300, 450, 100, 200.
  expect(mine.period.first_response).toMatchObject({ count: 3, median_minutes: 45 });
  expect(mine.period.resolution).toMatchObject({ count: 4, median_minutes: 250 });
  expect(mine.options.agents.map((agent) => agent.id)).toEqual([3]);
  // The same numbers a supervisor sees for Lise.
  const hers = await dashboard(supervisor, `${WEEK}&agent=3`);
  expect(hers.period).toEqual(mine.period);

  await expectError(await agent.get(`/api/reports/dashboard?${WEEK}&agent=4`), 403, 'forbidden');
  await expectError(await agent.get(`/api/reports/results?${WEEK}&agent=4`), 403, 'forbidden');
  await expectError(await customer.get(`/api/reports/dashboard?${WEEK}`), 403, 'forbidden');
  await expectError(await customer.get(`/api/reports/results?${WEEK}`), 403, 'forbidden');
  const anonymous = await playwrightRequest.newContext({ baseURL: server.url });
  await expectError(await anonymous.get(`/api/reports/dashboard?${WEEK}`), 401, 'unauthenticated');
  await anonymous.dispose();
});

test('bad periods and filters are refused by name', async () => {
  for (const [query, field] of [
    ['from=2026-13-01', 'from'],
    ['from=2026-11-10&to=2026-11-01', 'from'],
    ['from=2024-01-01&to=2026-01-01', 'from'],
    ['priority=P0', 'priority'],
    ['agent=99999999999999999999999', 'agent'],
    ['group=%3Cscript%3E', 'group'],
  ]) {
    const body = await expectError(await supervisor.get(`/api/reports/dashboard?${query}`), 422, 'invalid_value');
    expect(body.field).toBe(field);
  }
  await expectError(await supervisor.get(`/api/reports/results?${WEEK}&format=xml`), 422, 'invalid_value');
  await expectError(await supervisor.post('/api/reports/dashboard', { data: {} }), 405, 'method_not_allowed');
});

test('the raw results export as JSON and as CSV in either language', async () => {
  const rows = await (await supervisor.get(`/api/reports/results?${WEEK}`)).json();
  expect(rows).toHaveLength(11);
  expect(rows.filter((row) => row.ticket_id === 1005).map((row) => [row.target, row.cycle, row.minutes, row.reopened])).toEqual([
    ['first_response', 0, 45, 0],
    ['resolution', 0, 100, 1],
    ['resolution', 1, 200, 0],
  ]);

  const english = await supervisor.get(`/api/reports/results?${WEEK}&format=csv&lang=en`);
  expect(english.headers()['content-type']).toContain('text/csv');
  expect(english.headers()['content-disposition']).toContain('edgedesk-results-2026-11-02-2026-11-06.csv');
  const text = await english.text();
  expect(text.startsWith('\ufeff"Ticket","Target","Cycle","Stopped"')).toBe(true);
  const lines = text.trim().split('\r\n');
  expect(lines).toHaveLength(12);
  expect(lines).toContain('"INC-001002","Resolution","0","2026-11-02 20:00","600","480","yes","no","P2","L2","Email and calendar","Fjord Consulting","Email","Lars Nielsen (L2)"');

  const danish = await (await supervisor.get(`/api/reports/results?${WEEK}&format=csv&lang=da`)).text();
  expect(danish.startsWith('\ufeff"Sag";"Mål";"Cyklus"')).toBe(true);
  expect(danish).toContain('"INC-001004";"Løsning";"0";"2026-11-04 00:30";"450";"1440";"nej";"nej";"P3";"L1";"";"";"Telefon"');
});

test('past days come from the rollups the sweep keeps: a change shows after the next sweep', async () => {
  const admin = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(admin, 'admin@example.com');
  const before = await dashboard(supervisor);
  // 1002's resolution took 600 minutes; say 60 instead, behind the Worker's back.
  await d1(dir, 'execute', 'edgedesk', '--command',
    `UPDATE sla_results SET minutes = 60, breached = 0, updated_at = ${Date.now()} WHERE ticket_id = 1002 AND target = 'resolution'`);
  // Unfiltered, the week is read from the stored days: nothing changed yet.
  expect((await dashboard(supervisor)).period.resolution).toEqual(before.period.resolution);
  // Filtered, the raw rows are read: the change is there at once.
  expect((await dashboard(supervisor, `${WEEK}&channel=email`)).period.resolution).toMatchObject({ median_minutes: 60, breached: 0 });
  expect(await sweepAt(admin, Date.now())).toMatchObject({ error: null });
  const after = await dashboard(supervisor);
  // 60 100 200 200 300 450: the middle two are 200 and 200.
  expect(after.period.resolution).toMatchObject({ count: 6, median_minutes: 200, breached: 0, average_minutes: 218.3 });
  // Put back as it was, for the tests after this one.
  await d1(dir, 'execute', 'edgedesk', '--command',
    `UPDATE sla_results SET minutes = 600, breached = 1, updated_at = ${Date.now()} WHERE ticket_id = 1002 AND target = 'resolution'`);
  await sweepAt(admin, Date.now());
  expect((await dashboard(supervisor)).period.resolution).toEqual(before.period.resolution);
  await admin.dispose();
});

test("the days follow the desk's time zone when an admin moves it", async () => {
  const admin = await playwrightRequest.newContext({ baseURL: server.url });
  await signIn(admin, 'admin@example.com');
  const { zones, ...settings } = await (await admin.get('/api/admin/sla')).json();
  settings.calendars[0].zone = 'UTC';
  expect((await admin.put('/api/admin/sla', { data: settings })).status()).toBe(200);
  // In UTC, 1004's resolution at 23:30Z falls on the 3rd, not the 4th.
  const report = await dashboard(supervisor);
  expect(report.zone).toBe('UTC');
  expect(report.days.slice(1, 3).map((day) => [day.day, day.resolved])).toEqual([['2026-11-03', 2], ['2026-11-04', 1]]);
  await admin.dispose();
});
