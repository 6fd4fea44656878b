// Monitoring opens incidents before users notice: PagerDuty Events API v2 and Alertmanager
// webhooks, deduplicated, resolved by recovery, reopened when they flap.
import { request as http } from '@playwright/test';
import { test, expect, report } from '../support/fixtures.mjs';
import { createTicket, expectError, mailsAbout, signedIn, step } from '../support/api.mjs';

let admin;
let agent;
let token;
let machine;

test.beforeAll(async ({ baseURL }) => {
  admin = await signedIn('admin@example.com');
  agent = await signedIn('l3@example.com');
  const created = await admin.post('/api/admin/tokens', { data: { name: 'Prometheus', scopes: ['alerts:write'] } });
  expect(created.status()).toBe(201);
  ({ token } = await created.json());
  machine = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
});

test.afterAll(async () => {
  await machine.dispose();
});

const unique = (name) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

function event(action, dedupKey, payload = {}) {
  return {
    routing_key: 'unused-with-a-bearer-token',
    event_action: action,
    dedup_key: dedupKey,
    ...(action === 'trigger' ? {
      payload: {
        summary: 'Payroll database disk 95% full', source: 'db-1.internal', severity: 'critical',
        custom_details: { free_gb: 2 }, ...payload,
      },
    } : {}),
  };
}

async function send(body, context = machine) {
  const response = await context.post('/api/alerts', { data: body });
  expect(response.status(), await response.text()).toBe(202);
  return response.json();
}

const ticket = async (id) => (await (await agent.get(`/api/tickets/${id}`)).json());

test('a critical trigger opens a P1 incident in L3 and answers as PagerDuty does', async () => {
  const key = unique('disk');
  const service = unique('Payroll');
  const receipt = await send(event('trigger', key, { component: service }));
  expect(receipt).toMatchObject({ status: 'success', message: 'Event processed', dedup_key: key });
  expect(receipt.results).toEqual([{ dedup_key: key, outcome: 'opened', ticket_id: expect.any(Number) }]);
  const page = await ticket(receipt.results[0].ticket_id);
  expect(page.ticket).toMatchObject({
    title: 'Payroll database disk 95% full', kind: 'incident', priority: 'P1', channel: 'alert', affected_service: service,
  });
  expect(page.ticket.work.tier).toBe('l3');
  expect(page.ticket.description).toContain('"free_gb": 2');
  expect(page.ticket.alert).toMatchObject({
    integration: 'Prometheus', dedup_key: key, severity: 'critical', source: 'db-1.internal', component: service,
    occurrences: 1, resolved_at: null,
  });
  expect(page.timeline[0]).toMatchObject({ kind: 'created', actor: 'Prometheus', author: 'system' });
});

test('severities map to priorities, and a trigger without a key gets one back', async () => {
  for (const [severity, priority] of [['error', 'P2'], ['warning', 'P3'], ['info', 'P4']]) {
    const receipt = await send(event('trigger', unique(severity), { severity }));
    const { ticket: opened } = await ticket(receipt.results[0].ticket_id);
    expect([opened.priority, opened.work.tier]).toEqual([priority, 'l1']);
  }
  const { dedup_key: generated, results } = await send({ ...event('trigger', 'x'), dedup_key: undefined });
  expect(generated).toMatch(/^[0-9a-f]{32}$/);
  expect(results[0].outcome).toBe('opened');
});

test('50 identical triggers at once make one incident that counts them all', async () => {
  const key = unique('storm');
  const receipts = await Promise.all(Array.from({ length: 50 }, () => send(event('trigger', key))));
  const outcomes = receipts.map((receipt) => receipt.results[0].outcome);
  expect(outcomes.filter((outcome) => outcome === 'opened')).toHaveLength(1);
  expect(outcomes.filter((outcome) => outcome === 'repeated')).toHaveLength(49);
  expect(new Set(receipts.map((receipt) => receipt.results[0].ticket_id)).size).toBe(1);
});

test('recovery resolves an incident nobody touched, and only notes it on one being worked', async () => {
  const untouched = unique('untouched');
  const opened = (await send(event('trigger', untouched))).results[0].ticket_id;
  const resolved = await send(event('resolve', untouched));
  expect(resolved.results[0]).toMatchObject({ outcome: 'resolved', ticket_id: opened });
  const page = await ticket(opened);
  expect(page.ticket.status).toBe('resolved');
  expect(page.ticket.resolution.code).toBe('resolved_by_monitoring');
  // Resolving again, or an alert the desk never saw, changes nothing.
  expect((await send(event('resolve', untouched))).results[0].outcome).toBe('ignored');
  expect((await send(event('resolve', unique('never')))).results[0].outcome).toBe('ignored');

  const worked = unique('worked');
  const id = (await send(event('trigger', worked))).results[0].ticket_id;
  await step(agent, id, { action: 'take', version: (await ticket(id)).ticket.work.version });
  expect((await send(event('resolve', worked))).results[0].outcome).toBe('recovery_noted');
  const after = await ticket(id);
  expect(after.ticket.status).not.toBe('resolved');
  expect(after.timeline.at(-1)).toMatchObject({ kind: 'alert_recovered', actor: 'Prometheus', author: 'system' });
  // The alert is closed: the next trigger opens a new incident.
  const again = await send(event('trigger', worked));
  expect(again.results[0].outcome).toBe('opened');
  expect(again.results[0].ticket_id).not.toBe(id);
});

test('a flapping alert reopens its incident instead of opening another', async () => {
  const key = unique('flap');
  const id = (await send(event('trigger', key))).results[0].ticket_id;
  expect((await send(event('resolve', key))).results[0].outcome).toBe('resolved');
  const back = await send(event('trigger', key));
  expect(back.results[0]).toMatchObject({ outcome: 'reopened', ticket_id: id });
  expect((await ticket(id)).ticket.status).toBe('open');
  expect((await send(event('trigger', key))).results[0].outcome).toBe('repeated');
  expect((await send(event('acknowledge', key))).results[0].outcome).toBe('acknowledged');
});

test('an Alertmanager webhook fires and resolves by fingerprint', async () => {
  const fingerprint = unique('fp');
  const webhook = (status) => ({
    version: '4', groupKey: '{}:{alertname="VPNDown"}', truncatedAlerts: 0, status, receiver: 'edgedesk',
    groupLabels: { alertname: 'VPNDown' }, commonLabels: {}, commonAnnotations: {}, externalURL: 'http://am:9093',
    alerts: [{
      status, labels: { alertname: 'VPNDown', severity: 'warning', service: fingerprint, instance: 'vpn-1' },
      annotations: { summary: 'VPN gateway vpn-1 is down' }, startsAt: '2026-12-03T08:00:00Z',
      endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus/graph', fingerprint,
    }],
  });
  const fired = await send(webhook('firing'));
  expect(fired.results[0]).toMatchObject({ dedup_key: fingerprint, outcome: 'opened' });
  const page = await ticket(fired.results[0].ticket_id);
  expect(page.ticket).toMatchObject({ title: 'VPN gateway vpn-1 is down', priority: 'P3', affected_service: fingerprint });
  expect((await send(webhook('resolved'))).results[0].outcome).toBe('resolved');
});

test('PagerDuty-style senders may put the token in routing_key', async ({ baseURL }) => {
  const anonymous = await http.newContext({ baseURL });
  const key = unique('routing');
  const receipt = await send({ ...event('trigger', key), routing_key: token }, anonymous);
  expect(receipt.results[0].outcome).toBe('opened');
  await expectError(await anonymous.post('/api/alerts', { data: { ...event('trigger', key), routing_key: 'edt_wrong' } }), 401, 'unauthenticated');
  await anonymous.dispose();
});

test('only a token with alerts:write may send alerts', async ({ baseURL }) => {
  const created = await admin.post('/api/admin/tokens', { data: { name: 'Reader', scopes: ['tickets:read'] } });
  const reader = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${(await created.json()).token}` } });
  await expectError(await reader.post('/api/alerts', { data: event('trigger', unique('r')) }), 403, 'forbidden');
  await expectError(await agent.post('/api/alerts', { data: event('trigger', unique('p')) }), 403, 'forbidden');
  await reader.dispose();
});

test('bad payloads name the field and open nothing', async () => {
  const bad = unique('bad');
  const cases = [
    [{ routing_key: 'k', event_action: 'explode', dedup_key: `${bad}-1` }, 422, 'invalid_value', 'event_action'],
    [{ routing_key: 'k', event_action: 'trigger', dedup_key: `${bad}-2` }, 422, 'required', 'payload'],
    [event('trigger', `${bad}-3`, { severity: 'loud' }), 422, 'invalid_value', 'payload.severity'],
    [event('trigger', `${bad}-4`, { summary: '' }), 422, 'required', 'payload.summary'],
    [event('trigger', `${bad}-5`, { colour: 'red' }), 400, 'invalid_json', 'payload.colour'],
    [{ routing_key: 'k', event_action: 'resolve' }, 422, 'required', 'dedup_key'],
    [{ version: '4', groupKey: 'g', status: 'firing', alerts: [{ status: 'firing', labels: {}, fingerprint: `${bad}-6` }] }, 422, 'required', 'alerts[0].labels.alertname'],
    [{ title: 'not an alert' }, 422, 'required', 'event_action'],
  ];
  for (const [body, status, code, field] of cases) {
    const error = await expectError(await machine.post('/api/alerts', { data: body }), status, code);
    expect(error.field, JSON.stringify(body)).toBe(field);
  }
  // An incident from an alert always has its alert row (one batch): none has these keys.
  const recent = await (await admin.get('/api/admin/alerts')).json();
  expect(recent.length).toBeGreaterThan(0);
  expect(recent.filter((alert) => alert.dedup_key.startsWith(bad))).toEqual([]);
  // The same keys, sent well, do open incidents: the check above can see them.
  await send(event('trigger', `${bad}-3`));
  expect((await (await admin.get('/api/admin/alerts')).json()).some((alert) => alert.dedup_key === `${bad}-3`)).toBe(true);
});

test('many alerts for one service become a major incident with the rest linked to it', async () => {
  const service = unique('Mail');
  const fire = async (n) => (await send(event('trigger', `${service}-${n}`, { component: service, summary: `Mail node ${n} down` }))).results[0].ticket_id;
  const first = [];
  for (let n = 1; n <= 4; n += 1) first.push(await fire(n));
  for (const id of first) expect((await ticket(id)).ticket.work).toMatchObject({ is_major: false, major_id: null });
  // The fifth within ten minutes makes it a storm: that incident is major, the others linked.
  const major = await fire(5);
  expect((await ticket(major)).ticket.work.is_major).toBe(true);
  for (const id of first) expect((await ticket(id)).ticket.work.major_id).toBe(major);
  const page = await ticket(major);
  expect(page.ticket.linked.map((linked) => linked.id).sort()).toEqual([...first].sort());
  // Later alerts for the service join the storm at once.
  const later = await fire(6);
  expect((await ticket(later)).ticket.work.major_id).toBe(major);
});

test('alerts for one service arriving together declare one storm, not several', async () => {
  const service = unique('Storage');
  const receipts = await Promise.all(Array.from({ length: 12 }, (_, n) =>
    send(event('trigger', `${service}-${n}`, { component: service, summary: `Disk array ${n} degraded` }))));
  const ids = receipts.map((receipt) => receipt.results[0].ticket_id);
  const works = await Promise.all(ids.map(async (id) => (await ticket(id)).ticket.work));
  const majors = works.filter((work) => work.is_major);
  expect(majors).toHaveLength(1);
  for (const work of works.filter((work) => !work.is_major)) expect(work.major_id).toBe(majors[0].id);
  // The next one joins that storm.
  const next = (await send(event('trigger', `${service}-late`, { component: service }))).results[0].ticket_id;
  expect((await ticket(next)).ticket.work.major_id).toBe(majors[0].id);
});

test('customers who reported on a service hear of its disruption once, before they notice, in their language', async ({ request }) => {
  const service = unique('Wifi');
  const stamp = unique('reporter');
  await createTicket(request, report({ email: `${stamp}-en@example.com`, affected_service: service }));
  await createTicket(request, report({ email: `${stamp}-en@example.com`, affected_service: service }));
  await createTicket(request, report({ email: `${stamp}-da@example.com`, affected_service: service.toLowerCase(), language: 'da' }));
  await createTicket(request, report({ email: `${stamp}-other@example.com`, affected_service: unique('Printer') }));

  const secret = 'ap-7 at 10.0.4.17 lost its uplink';
  const first = (await send(event('trigger', unique('wifi'), { component: service, severity: 'error', summary: secret }))).results[0].ticket_id;
  const told = (await mailsAbout(admin, first)).filter((mail) => mail.recipient.startsWith(stamp));
  expect(told.map((mail) => mail.recipient).sort()).toEqual([`${stamp}-da@example.com`, `${stamp}-en@example.com`]);
  const english = told.find((mail) => mail.recipient.endsWith('-en@example.com'));
  const danish = told.find((mail) => mail.recipient.endsWith('-da@example.com'));
  expect(english.subject).toBe(`Known disruption: ${service}`);
  expect(english.body).toContain(`a problem with ${service}`);
  expect(danish.subject).toBe(`Kendt driftsforstyrrelse: ${service}`);
  for (const mail of told) expect(`${mail.subject} ${mail.body}`).not.toContain('10.0.4.17');

  // A second alert about the same disruption tells nobody again; a warning tells nobody at all.
  const second = (await send(event('trigger', unique('wifi'), { component: service, severity: 'critical' }))).results[0].ticket_id;
  expect((await mailsAbout(admin, second)).filter((mail) => mail.recipient.startsWith(stamp))).toEqual([]);
  const quiet = unique('Print');
  await createTicket(request, report({ email: `${stamp}-quiet@example.com`, affected_service: quiet }));
  const warning = (await send(event('trigger', unique('p'), { component: quiet, severity: 'warning' }))).results[0].ticket_id;
  expect((await mailsAbout(admin, warning)).filter((mail) => mail.recipient.startsWith(stamp))).toEqual([]);
});

test('admins set how alerts become incidents; the desk follows at once', async () => {
  const settings = async () => (await admin.get('/api/admin/alerts/settings')).json();
  const before = await settings();
  expect(before).toMatchObject({
    priorities: { critical: 'P1', error: 'P2', warning: 'P3', info: 'P4' },
    reopen_within_minutes: 30, storm_incidents: 5, storm_within_minutes: 10, tell_customers_from: 'error',
  });
  await expectError(await agent.get('/api/admin/alerts/settings'), 403, 'forbidden');
  await expectError(await agent.get('/api/admin/alerts'), 403, 'forbidden');
  await expectError(await admin.put('/api/admin/alerts/settings', { data: { ...before, storm_incidents: 1 } }), 422, 'invalid_value');
  try {
    const changed = { ...before, priorities: { ...before.priorities, critical: 'P2' }, tell_customers_from: null };
    const saved = await admin.put('/api/admin/alerts/settings', { data: changed });
    expect(saved.status()).toBe(200);
    expect((await saved.json()).version).toBeGreaterThan(before.version);
    // Saving on the old version again is a conflict that shows what is stored now.
    const stale = await admin.put('/api/admin/alerts/settings', { data: changed });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).current.priorities.critical).toBe('P2');

    const key = unique('remapped');
    const id = (await send(event('trigger', key))).results[0].ticket_id;
    const { ticket: opened } = await ticket(id);
    expect([opened.priority, opened.work.tier]).toEqual(['P2', 'l1']);
    // The admins' list shows it, newest first, with the incident it became.
    const recent = await (await admin.get('/api/admin/alerts')).json();
    expect(recent[0]).toMatchObject({
      dedup_key: key, integration: 'Prometheus', severity: 'critical', occurrences: 1, ticket_id: id,
      ticket_status: 'new', summary: 'Payroll database disk 95% full',
    });
    expect(recent[0].ticket_number).toMatch(/^INC-\d+$/);
  } finally {
    // Only what this test changed: another spec may be changing other settings meanwhile.
    const current = await settings();
    const restored = await admin.put('/api/admin/alerts/settings', { data: {
      ...current, priorities: { ...current.priorities, critical: before.priorities.critical },
      tell_customers_from: before.tell_customers_from,
    } });
    expect(restored.status()).toBe(200);
  }
});

test('an integration keeps its own priorities and reopen window; the others follow the desk', async ({ baseURL }) => {
  const name = unique('Nagios');
  const created = await (await admin.post('/api/admin/tokens', { data: { name, scopes: ['alerts:write'] } })).json();
  const nagios = await http.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${created.token}` } });
  const reader = await (await admin.post('/api/admin/tokens', { data: { name: unique('Reader'), scopes: ['tickets:read'] } })).json();
  const address = `/api/admin/alerts/integrations/${created.id}`;
  const listed = async () => (await (await admin.get('/api/admin/alerts/integrations')).json()).find((i) => i.token_id === created.id);
  const priorityOf = async (receipt) => (await ticket(receipt.results[0].ticket_id)).ticket.priority;
  try {
    await test.step('a new integration follows the desk', async () => {
      expect(await listed()).toEqual({ token_id: created.id, name, last_used_at: null, incidents: 0, policy: null, version: 0 });
      const all = await (await admin.get('/api/admin/alerts/integrations')).json();
      expect(all.some((i) => i.token_id === reader.id)).toBe(false);
    });
    const own = { priorities: { critical: 'P1', error: 'P1', warning: 'P2', info: 'P4' }, reopen_within_minutes: 0 };
    await test.step('bad changes are refused and change nothing', async () => {
      await expectError(await agent.get('/api/admin/alerts/integrations'), 403, 'forbidden');
      await expectError(await agent.put(address, { data: { policy: own, version: 0 } }), 403, 'forbidden');
      const late = { policy: { ...own, reopen_within_minutes: 1441 }, version: 0 };
      expect((await expectError(await admin.put(address, { data: late }), 422, 'invalid_value')).field).toBe('reopen_within_minutes');
      await expectError(await admin.put(address, { data: { policy: { ...own, storm_incidents: 3 }, version: 0 } }), 400, 'invalid_json');
      await expectError(await admin.put(`/api/admin/alerts/integrations/${reader.id}`, { data: { policy: own, version: 0 } }), 404, 'not_found');
      await expectError(await admin.put('/api/admin/alerts/integrations/99999999999999999999', { data: { policy: own, version: 0 } }), 404, 'not_found');
      expect((await listed()).version).toBe(0);
    });
    await test.step('its own mapping applies to its alerts only', async () => {
      const saved = await admin.put(address, { data: { policy: own, version: 0 } });
      expect(saved.status(), await saved.text()).toBe(200);
      expect(await saved.json()).toEqual({ policy: own, version: 1 });
      const stale = await admin.put(address, { data: { policy: null, version: 0 } });
      expect(stale.status()).toBe(409);
      expect((await stale.json()).current).toEqual({ policy: own, version: 1 });
      expect(await priorityOf(await send(event('trigger', unique('w'), { severity: 'warning' }), nagios))).toBe('P2');
      expect(await priorityOf(await send(event('trigger', unique('w'), { severity: 'warning' })))).toBe('P3');
    });
    await test.step('its reopen window of 0 opens a new incident each time a check flaps', async () => {
      const key = unique('flap');
      const first = (await send(event('trigger', key, { severity: 'info' }), nagios)).results[0];
      expect((await send(event('resolve', key), nagios)).results[0].outcome).toBe('resolved');
      const again = (await send(event('trigger', key, { severity: 'info' }), nagios)).results[0];
      expect(again.outcome).toBe('opened');
      expect(again.ticket_id).not.toBe(first.ticket_id);
    });
    await test.step('back to the desk\'s settings', async () => {
      const reset = await admin.put(address, { data: { policy: null, version: 1 } });
      expect(await reset.json()).toEqual({ policy: null, version: 2 });
      expect(await priorityOf(await send(event('trigger', unique('w'), { severity: 'warning' }), nagios))).toBe('P3');
      expect(await listed()).toMatchObject({ incidents: 4, policy: null, version: 2, last_used_at: expect.any(String) });
    });
    await test.step('a revoked token is no integration', async () => {
      expect((await admin.delete(`/api/admin/tokens/${created.id}`)).status()).toBe(204);
      expect(await listed()).toBeUndefined();
      await expectError(await admin.put(address, { data: { policy: own, version: 2 } }), 404, 'not_found');
    });
  } finally {
    await admin.delete(`/api/admin/tokens/${created.id}`);
    await admin.delete(`/api/admin/tokens/${reader.id}`);
    await nagios.dispose();
  }
});
