// Data-breach cases (GDPR Articles 33 and 34) on a desk of their own, so that no other
// spec's sweep moves their 72-hour clocks: need-to-know access, the clock's steps exactly
// once, the decisions a case needs before it closes, and the append-only register.
import { request as playwrightRequest } from '@playwright/test';
import { test, expect, report, signIn } from '../support/fixtures.mjs';
import { createTicket, expectError, sweepAt } from '../support/api.mjs';
import { d1, makePersistDir, removePersistDir, startServer } from '../support/server.mjs';

test.describe.configure({ mode: 'serial' });

const HOUR = 3_600_000;
let dir;
let server;
const as = {};

test.beforeAll(async () => {
  dir = await makePersistDir();
  server = await startServer(dir, { seed: true });
  // The supervisor is the demo's privacy lead.
  for (const who of ['l1', 'l2', 'supervisor', 'admin', 'customer']) {
    as[who] = await playwrightRequest.newContext({ baseURL: server.url });
    await signIn(as[who], `${who}@example.com`);
  }
});

test.afterAll(async () => {
  for (const context of Object.values(as)) await context.dispose();
  await server?.stop();
  if (dir) await removePersistDir(dir);
});

const sql = async (command) => JSON.parse(await d1(dir, 'execute', 'edgedesk', '--json', '--command', command))[0].results;
const mails = (address) => sql(`SELECT subject, body FROM outbox WHERE recipient = '${address}' ORDER BY id`);

async function openCase(context, fields = {}) {
  const response = await context.post('/api/breaches', { data: {
    title: 'Payroll export mailed to the wrong customer', aware_at: new Date(Date.now() - 60_000).toISOString(),
    reported_by: 'Lise Lund (L1), from the customer', reported_via: 'incident', incident_ids: [], ...fields,
  } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

const act = (context, breach, body) => context.post(`/api/breaches/${breach.id}/actions`, { data: { version: breach.version, ...body } });

test('an agent opens a case from an incident; only the privacy lead and those on the case see it', async () => {
  const incident = await createTicket(as.customer, report({ title: 'I received someone else\'s payslips' }));
  const opened = await openCase(as.l1, { incident_ids: [incident.id] });
  expect(opened).toMatchObject({
    number: expect.stringMatching(/^BR-\d{6}$/), version: 1, opened_by: 'Lise Lund (L1)',
    incidents: [{ ticket_id: incident.id, title: 'I received someone else\'s payslips' }],
    members: [{ name: 'Lise Lund (L1)' }], missing_for_close: ['risk', 'authority'],
  });
  expect(Date.parse(opened.deadline) - Date.parse(opened.aware_at)).toBe(72 * HOUR);

  // The privacy lead sees it; a colleague not on the case gets 404, as if it did not exist.
  expect((await as.supervisor.get(`/api/breaches/${opened.id}`)).status()).toBe(200);
  await expectError(await as.l2.get(`/api/breaches/${opened.id}`), 404, 'not_found');
  await expectError(await as.admin.get(`/api/breaches/${opened.id}`), 404, 'not_found');
  await expectError(await as.customer.get(`/api/breaches/${opened.id}`), 403, 'forbidden');
  expect((await (await as.l2.get('/api/breaches')).json()).map((c) => c.id)).not.toContain(opened.id);
  expect((await (await as.supervisor.get('/api/breaches')).json()).map((c) => c.id)).toContain(opened.id);

  // Staff see that the incident is linked to a case; its customer never does.
  expect((await (await as.l2.get(`/api/tickets/${incident.id}`)).json()).ticket.breach_cases).toEqual([opened.id]);
  const mine = await (await as.customer.get(`/api/tickets/${incident.id}`)).json();
  expect(JSON.stringify(mine)).not.toContain('breach');

  // Every read is in the history, with who read it.
  const seen = await (await as.supervisor.get(`/api/breaches/${opened.id}`)).json();
  // (Refused attempts are not reads: L2's and the admin's 404s are not in it.)
  expect(seen.history.map((h) => [h.actor, h.action])).toEqual([
    ['Søren Dahl', 'viewed'], ['Søren Dahl', 'viewed'], ['Lise Lund (L1)', 'viewed'], ['Lise Lund (L1)', 'opened'],
  ]);
  expect(seen.history.at(-1)).toMatchObject({ actor: 'Lise Lund (L1)', action: 'opened' });

  // The privacy lead invites a colleague; only then may they see it.
  await expectError(await as.l1.post(`/api/breaches/${opened.id}/members`, { data: { email: 'l2@example.com' } }), 403, 'forbidden');
  await expectError(await as.supervisor.post(`/api/breaches/${opened.id}/members`, { data: { email: 'customer@example.com' } }), 422, 'invalid_value');
  const invited = await as.supervisor.post(`/api/breaches/${opened.id}/members`, { data: { email: 'L2@example.com' } });
  expect((await invited.json()).members.map((m) => m.name)).toEqual(['Lise Lund (L1)', 'Lars Nielsen (L2)']);
  expect((await as.l2.get(`/api/breaches/${opened.id}`)).status()).toBe(200);

  // A second ticket joins the case; staff see the link on it too.
  const second = await createTicket(as.customer, report({ title: 'Payslips again' }));
  const linked = await as.l1.post(`/api/breaches/${opened.id}/incidents`, { data: { ticket_id: second.id } });
  expect((await linked.json()).incidents.map((i) => i.ticket_id)).toEqual([incident.id, second.id]);
  expect((await (await as.l2.get(`/api/tickets/${second.id}`)).json()).ticket.breach_cases).toEqual([opened.id]);

  // Learning the desk knew earlier moves the clock, with the reason kept.
  const current = await (await as.l1.get(`/api/breaches/${opened.id}`)).json();
  const earlier = new Date(Date.parse(opened.aware_at) - 5 * HOUR).toISOString();
  await expectError(await act(as.l1, current, { action: 'set_awareness', aware_at: earlier, reason: '' }), 422, 'required');
  const moved = await (await act(as.l1, current, { action: 'set_awareness', aware_at: earlier, reason: 'The customer wrote to us first' })).json();
  expect(Date.parse(moved.deadline)).toBe(Date.parse(earlier) + 72 * HOUR);
  expect(moved.awareness_changes).toEqual([expect.objectContaining({ reason: 'The customer wrote to us first', by: 'Lise Lund (L1)' })]);
});

test('bad input names its field and stores nothing', async () => {
  const before = (await sql('SELECT COUNT(*) AS n FROM breach_cases'))[0].n;
  const future = new Date(Date.now() + HOUR).toISOString();
  const bad = await as.l1.post('/api/breaches', { data: {
    title: '', aware_at: future, reported_by: 'x', reported_via: 'incident', incident_ids: [],
  } });
  const body = await expectError(bad, 422, 'required');
  expect(body.errors.map((e) => e.field)).toEqual(['title', 'aware_at']);
  await expectError(await as.l1.post('/api/breaches', { data: {
    title: 'x', aware_at: new Date().toISOString(), reported_by: 'x', reported_via: 'incident', incident_ids: [99999999],
  } }), 422, 'invalid_value');
  await expectError(await as.l1.post('/api/breaches', { data: { title: 'x', reported_via: 'pigeon' } }), 400, 'invalid_json');
  expect((await sql('SELECT COUNT(*) AS n FROM breach_cases'))[0].n).toBe(before);
  await expectError(await as.l1.get('/api/breaches/99999999999999999999'), 404, 'not_found');
});

test('the 72-hour clock warns at 24, 48 and 66 hours and escalates at 72, once each', async () => {
  // Aware at a whole hour three days before a fixed time, so the sweeps below hit each step.
  const aware = Math.floor(Date.now() / HOUR) * HOUR - 80 * HOUR;
  const breach = await openCase(as.l1, { title: 'Laptop with customer records stolen', aware_at: new Date(aware).toISOString() });
  const steps = async () => (await sql(`SELECT hours FROM breach_steps WHERE case_id = ${breach.id} ORDER BY hours`)).map((r) => r.hours);
  const leadMail = async () => (await mails('supervisor@example.com')).filter((m) => m.body.includes(breach.number));

  await sweepAt(as.supervisor, aware + 23 * HOUR);
  expect(await steps()).toEqual([]);
  await sweepAt(as.supervisor, aware + 24 * HOUR);
  // Overlapping and repeated runs record nothing twice.
  await Promise.all([sweepAt(as.supervisor, aware + 24 * HOUR + 60_000), sweepAt(as.supervisor, aware + 24 * HOUR + 120_000)]);
  expect(await steps()).toEqual([24]);
  expect(await leadMail()).toEqual([expect.objectContaining({ subject: expect.stringContaining('Breach case clock') })]);
  expect((await leadMail())[0].body).toContain('48 hours are left');
  // The mail names the case only: its facts are need-to-know.
  expect((await leadMail())[0].body).not.toContain('Laptop');

  await sweepAt(as.supervisor, aware + 66 * HOUR);
  expect(await steps()).toEqual([24, 48, 66]);
  await sweepAt(as.supervisor, aware + 72 * HOUR);
  await sweepAt(as.supervisor, aware + 73 * HOUR);
  expect(await steps()).toEqual([24, 48, 66, 72]);
  const overdue = (await leadMail()).filter((m) => m.subject.includes('overdue'));
  expect(overdue).toHaveLength(1);
  // The escalation reaches the admins too.
  expect((await mails('admin@example.com')).filter((m) => m.body.includes(breach.number))).toHaveLength(1);
  const history = (await (await as.l1.get(`/api/breaches/${breach.id}`)).json()).history.map((h) => h.action);
  expect(history.filter((a) => a.startsWith('clock_'))).toEqual(['clock_72h', 'clock_66h', 'clock_48h', 'clock_24h']);
});

test('a case is assessed, decided and notified before it closes; the register keeps every version', async () => {
  const aware = Date.now() - 80 * HOUR;
  let breach = await openCase(as.supervisor, { title: 'Customer list sent to a supplier', aware_at: new Date(aware).toISOString() });
  const step = async (body, status = 200) => {
    const response = await act(as.supervisor, breach, body);
    expect(response.status(), await response.text()).toBe(status);
    if (status === 200) breach = await response.json();
    return response;
  };
  await expectError(await act(as.supervisor, breach, { action: 'close' }), 409, 'decision_required');
  await step({ action: 'assess', assessment: {
    nature: 'A spreadsheet of 1,200 customers (name, email, phone) mailed to a supplier by mistake',
    data_categories: 'Contact details', subject_categories: 'Customers', approx_subjects: 1200, approx_records: 1200,
    contact_point: 'Søren Dahl, privacy lead, dpo@example.com', consequences: 'Unwanted contact; phishing',
    measures_taken: 'The supplier confirmed deletion', measures_proposed: 'Block external addresses in exports',
    risk: 'high', risk_reasoning: 'Many people; usable for phishing',
  } });
  // A stale change is refused with the case as it is; nothing is overwritten.
  const stale = await as.supervisor.post(`/api/breaches/${breach.id}/actions`, { data: { version: 1, action: 'decide_authority', choice: 'notify', reason: '' } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current.assessment.approx_subjects).toBe(1200);
  await step({ action: 'decide_authority', choice: 'notify', reason: 'High risk to 1,200 customers' });
  // 80 hours after awareness: the first notice says why it is late.
  const notice = { recipient: 'authority', at: new Date().toISOString(), phase: 'initial', reference: '2026-441-0042' };
  const late = await expectError(await act(as.supervisor, breach, { action: 'record_notification', notification: notice }), 422, 'required');
  expect(late.field).toBe('delay_reason');
  await step({ action: 'record_notification', notification: { ...notice, delay_reason: 'The supplier told us only on day three' } });
  await step({ action: 'decide_subjects', choice: 'tell', reason: '' });
  // Two notifications recorded at the same moment on the same version: both are kept.
  const told = (count) => ({ action: 'record_notification', version: breach.version, notification: {
    recipient: 'subjects', at: new Date().toISOString(), channel: 'email', count, text: 'Your contact details were sent to a supplier by mistake.',
  } });
  const both = await Promise.all([600, 600].map((count) => as.supervisor.post(`/api/breaches/${breach.id}/actions`, { data: told(count) })));
  expect(both.map((r) => r.status())).toEqual([200, 200]);
  breach = await (await as.supervisor.get(`/api/breaches/${breach.id}`)).json();
  expect(breach.notifications.filter((n) => n.recipient === 'subjects')).toHaveLength(2);
  expect(breach.missing_for_close).toEqual([]);
  await step({ action: 'close' });
  expect(breach.closed_at).toBeTruthy();
  await expectError(await act(as.supervisor, breach, { action: 'close' }), 409, 'case_closed');

  // The register: one entry per version, every one kept; the database refuses edits.
  const today = new Date().toISOString().slice(0, 10);
  const entries = (await (await as.supervisor.get(`/api/breaches/register?from=${today}&to=${today}`)).json())
    .filter((e) => e.case_id === breach.id);
  expect(entries.map((e) => e.change)).toEqual(['opened', 'assessed', 'authority_decided', 'notification_recorded',
    'subjects_decided', 'notification_recorded', 'notification_recorded', 'closed']);
  expect(entries.at(-1)).toMatchObject({ risk: 'high', authority: 'notify', subjects: 'tell', approx_subjects: 1200 });
  await expect(d1(dir, 'execute', 'edgedesk', '--command', `UPDATE breach_register SET facts = '{}' WHERE case_id = ${breach.id}`))
    .rejects.toThrow(/append-only/);
  await expect(d1(dir, 'execute', 'edgedesk', '--command', `DELETE FROM breach_register WHERE case_id = ${breach.id}`))
    .rejects.toThrow(/append-only/);

  // CSV for Excel: a byte-order mark, Danish headers when asked, formulas defused.
  const csv = await as.supervisor.get(`/api/breaches/register?from=${today}&to=${today}&format=csv&lang=da`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toContain(`breach-register-${today}-${today}.csv`);
  const text = (await csv.body()).toString('utf8');
  // Danish spreadsheets read ';' between cells.
  expect(text.startsWith('\ufeff"Post";"Sag";"Registreret"')).toBe(true);
  expect(text).toContain('"Høj risiko"');
  expect(text.split('\r\n').filter((line) => line.includes(breach.number))).toHaveLength(8);
  await expectError(await as.l1.get('/api/breaches/register'), 403, 'forbidden');
  await expectError(await as.supervisor.get('/api/breaches/register?format=xlsx'), 422, 'invalid_value');
});
