// The incident process through the API, step by step, with the people of the demo desk.
import { test, expect, report } from '../support/fixtures.mjs';
import { act, createTicket, expectError, mailsAbout, signedIn, signUp, step } from '../support/api.mjs';

let customer;
let otherCustomer;
let l1;
let l2;
let l3;
let admin;

test.beforeAll(async () => {
  [customer, otherCustomer, l1, l2, l3, admin] = await Promise.all([
    'customer@example.com', 'customer2@example.com', 'l1@example.com', 'l2@example.com', 'l3@example.com',
    'admin@example.com',
  ].map(signedIn));
});

test.afterAll(async () => {
  await Promise.all([customer, otherCustomer, l1, l2, l3, admin].map((context) => context?.dispose()));
});

async function reportAs(context, overrides = {}) {
  return createTicket(context, report({ name: 'Mette Hansen', email: 'customer@example.com', ...overrides }));
}

test('a customer incident goes from report to closed through L1 and L2', async () => {
  // Identification and logging: the customer answers the category's questions and the
  // plain-language impact questions.
  const created = await reportAs(customer, {
    category_id: 2,
    answers: [{ question: 'Which VPN client version do you use?', answer: '4.2.1' }],
    people_affected: 'just_me',
    work_impact: 'hindered',
  });
  let page = await (await l1.get(`/api/tickets/${created.id}`)).json();
  expect(page.ticket).toMatchObject({
    status: 'new', priority: 'P4', category: 'VPN', channel: 'portal', affected_service: 'VPN gateway',
    answers: [{ question: 'Which VPN client version do you use?', answer: '4.2.1' }],
  });
  expect(page.ticket.work).toMatchObject({ tier: 'l1', impact: 'low', urgency: 'medium', version: 1 });

  // Categorisation and prioritisation by L1 through the matrix (medium × high = P2).
  page = await step(l1, created.id, {
    action: 'triage', version: 1, kind: 'incident', category_id: 2, impact: 'medium', urgency: 'high',
  });
  expect(page.ticket).toMatchObject({ status: 'open', priority: 'P2', version: 2 });

  // Functional escalation with a reason.
  page = await step(l1, created.id, { action: 'escalate', version: 2, tier: 'l2', reason: 'Needs the VPN team' });
  expect(page.ticket.work).toMatchObject({ tier: 'l2', assignee: null });
  const escalation = page.timeline.at(-1);
  expect(escalation).toMatchObject({ kind: 'escalated', actor: 'Lise Lund (L1)', text: 'Needs the VPN team', public: false });
  expect(escalation.changes).toContainEqual({ field: 'tier', before: 'l1', after: 'l2' });
  const queue = await (await l2.get('/api/tickets?queue=unassigned_l2&limit=100')).json();
  expect(queue.items.map((item) => item.id)).toContain(created.id);

  // L2 takes it, schedules a call, asks a question and writes an internal note.
  page = await step(l2, created.id, { action: 'take', version: 3 });
  expect(page.ticket.work.assignee.name).toBe('Lars Nielsen (L2)');
  expect(page.ticket.status).toBe('in_progress');
  const startsAt = new Date(Date.now() + 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  page = await step(l2, created.id, {
    action: 'schedule_call', version: 4, starts_at: startsAt, minutes: 30, channel: 'phone',
    phone: '+45 20 30 40 50', note: 'Have the laptop ready',
  });
  expect(page.calls).toHaveLength(1);
  page = await step(l2, created.id, { action: 'reply', body: 'Does it fail on the office Wi-Fi too?', wait_for_customer: true });
  expect(page.ticket.status).toBe('pending_customer');
  expect(page.ticket.work.first_response_at).not.toBeNull();
  await step(l2, created.id, { action: 'note', body: 'Secret: certificate expired on gateway 2' });

  // The customer sees the reply and the call, never the note or the working state.
  const seen = await (await customer.get(`/api/tickets/${created.id}`)).json();
  expect(seen.ticket.work).toBeUndefined();
  expect(JSON.stringify(seen)).not.toContain('Secret');
  expect(JSON.stringify(seen)).not.toContain('Needs the VPN team');
  expect(seen.timeline.map((entry) => entry.kind)).toContain('reply');
  expect(seen.timeline.every((entry) => entry.public)).toBe(true);
  expect(seen.calls[0]).toMatchObject({ channel: 'phone', minutes: 30, scheduled_by: 'Lars Nielsen (L2)' });
  const ics = await customer.get(`/api/tickets/${created.id}/calls/${seen.calls[0].id}.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const calendar = await ics.text();
  expect(calendar).toContain(`DTSTART:${startsAt.replace(/[-:]/g, '')}`);
  expect(calendar).toContain('BEGIN:VEVENT');
  expect((await otherCustomer.get(`/api/tickets/${created.id}/calls/${seen.calls[0].id}.ics`)).status()).toBe(404);

  // The customer's reply moves the pending ticket back to open.
  page = await step(customer, created.id, { action: 'reply', body: 'Yes, also in the office.' });
  expect(page.ticket.status).toBe('open');

  // Resolution needs a code and notes; the customer confirms and rates; closed is read-only.
  const version = (await (await l2.get(`/api/tickets/${created.id}`)).json()).ticket.version;
  await expectError(await act(l2, created.id, { action: 'resolve', version, code: 'fixed', notes: ' ' }), 422, 'required');
  page = await step(l2, created.id, { action: 'resolve', version, code: 'fixed', notes: 'Renewed the gateway certificate' });
  expect(page.ticket).toMatchObject({ status: 'resolved', resolution: { code: 'fixed' } });
  expect(Date.parse(page.ticket.closes_at) - Date.parse(page.ticket.resolved_at)).toBe(7 * 86_400_000);
  page = await step(customer, created.id, { action: 'confirm', version: page.ticket.version });
  expect(page.ticket.status).toBe('closed');
  page = await step(customer, created.id, { action: 'rate', version: page.ticket.version, score: 5, comment: 'Quick and friendly' });
  expect(page.ticket.rating).toEqual({ score: 5, comment: 'Quick and friendly' });
  await expectError(await act(customer, created.id, { action: 'rate', version: page.ticket.version, score: 4 }), 409, 'already_rated');
  await expectError(await act(customer, created.id, { action: 'reply', body: 'One more thing' }), 409, 'ticket_closed');
  await expectError(await act(l2, created.id, { action: 'note', body: 'late note' }), 409, 'ticket_closed');

  // Every public step reached the customer's outbox in the same write.
  const mails = await mailsAbout(admin, created.id);
  const toCustomer = mails.filter((mail) => mail.recipient === 'customer@example.com').map((mail) => mail.subject);
  expect(toCustomer).toEqual([
    `[${created.number}] We received your report: ${page.ticket.title}`,
    `[${created.number}] Call scheduled: ${page.ticket.title}`,
    `[${created.number}] Reminder: call in 30 minutes: ${page.ticket.title}`,
    `[${created.number}] New reply: ${page.ticket.title}`,
    `[${created.number}] Resolved: ${page.ticket.title}`,
  ]);
  expect(mails.some((mail) => mail.body.includes('Secret'))).toBe(false);
  const reminder = mails.find((mail) => mail.subject.includes('Reminder'));
  expect(Date.parse(reminder.send_after)).toBe(Date.parse(startsAt) - 30 * 60_000);
  expect(mails.some((mail) => mail.recipient === 'l2@example.com' && mail.subject.includes('Escalated'))).toBe(true);
  expect(mails.some((mail) => mail.recipient === 'l2@example.com' && mail.subject.includes('customer replied'))).toBe(true);
});

test('illegal steps are refused with a clear code and change nothing', async () => {
  const created = await reportAs(customer, { kind: 'incident' });
  const before = await (await l1.get(`/api/tickets/${created.id}`)).json();
  await expectError(await act(l1, created.id, { action: 'take' }), 422, 'version_required');
  await expectError(await act(l1, created.id, { action: 'confirm', version: 1 }), 403, 'forbidden');
  await expectError(await act(customer, created.id, { action: 'confirm', version: 1 }), 409, 'invalid_transition');
  await expectError(await act(l1, created.id, { action: 'cancel', version: 1, reason: 'dup' }), 409, 'invalid_transition');
  await expectError(await act(l1, created.id, { action: 'reopen', version: 1, reason: 'x' }), 409, 'invalid_transition');
  await expectError(await act(customer, created.id, { action: 'triage', version: 1, kind: 'incident', impact: 'high', urgency: 'high' }), 403, 'forbidden');
  await expectError(await act(customer, created.id, { action: 'note', body: 'hi' }), 403, 'forbidden');
  await expectError(await act(otherCustomer, created.id, { action: 'reply', body: 'hi' }), 404, 'not_found');
  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const call = { action: 'schedule_call', version: 1, starts_at: nextWeek, minutes: 30, channel: 'phone', phone: '+45 11 22 33 44' };
  await expectError(await act(l1, created.id, call), 403, 'forbidden');
  // Past calls, and calls so far ahead no calendar could hold them, name the field.
  for (const startsAt of ['2000-01-01T10:00:00Z', '+99999-01-01T10:00:00Z', new Date(Date.now() + 400 * 86_400_000).toISOString()]) {
    const refused = await act(l2, created.id, { ...call, starts_at: startsAt });
    expect((await expectError(refused, 422, 'invalid_value')).field).toBe('starts_at');
  }
  await expectError(await act(l1, created.id, { action: 'set_status', version: 1, status: 'closed' }), 422, 'invalid_value');
  await expectError(await act(l1, created.id, { action: 'escalate', version: 1, tier: 'l1', reason: 'x' }), 422, 'invalid_value');
  await expectError(await act(l1, created.id, { action: 'mark_major', version: 1 }), 403, 'forbidden');
  await expectError(await act(l1, created.id, { action: 'fly' }), 400, 'invalid_json');
  const stale = await act(l1, created.id, { action: 'take', version: 7 });
  const conflict = await expectError(stale, 409, 'version_conflict');
  expect(conflict.current.ticket.version).toBe(1);
  // Everything stored is unchanged (the SLA clocks are computed at each request).
  const { sla: _before, ...stored } = before;
  const { sla: _after, ...storedAfter } = await (await l1.get(`/api/tickets/${created.id}`)).json();
  expect(storedAfter).toEqual(stored);
});

test('parallel writes on one version: exactly one wins, the rest get 409, no event is lost', async () => {
  const created = await reportAs(customer);
  const attempts = await Promise.all(['P1', 'P2', 'P3', 'P4', 'P1', 'P2', 'P3', 'P4'].map((priority, index) =>
    act(index % 2 ? l1 : l3, created.id, { action: 'set_priority', version: 1, priority, reason: `try ${index}` })));
  const statuses = attempts.map((response) => response.status());
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
  expect(statuses.filter((status) => status === 409)).toHaveLength(7);
  const page = await (await l1.get(`/api/tickets/${created.id}`)).json();
  expect(page.ticket.version).toBe(2);
  expect(page.timeline.map((entry) => entry.kind)).toEqual(['created', 'priority_changed']);
  // The next write based on the new version goes through.
  await step(l1, created.id, { action: 'note', body: 'after the race' });
});

test('replies and notes arriving together are all stored: an append never meets a version conflict', async () => {
  const created = await reportAs(customer);
  const writes = await Promise.all([
    ...Array.from({ length: 5 }, (_, n) => act(l1, created.id, { action: 'note', body: `note ${n}` })),
    ...Array.from({ length: 4 }, (_, n) => act(customer, created.id, { action: 'reply', body: `reply ${n}` })),
    // A stale version sent with an append is no condition either.
    act(l3, created.id, { action: 'reply', version: 1, body: 'reply with an old version' }),
    // A versioned step racing the appends still wins or loses as a whole.
    act(l1, created.id, { action: 'set_priority', version: 1, priority: 'P2', reason: 'racing' }),
  ]);
  const appends = writes.slice(0, 10);
  for (const response of appends) expect(response.status(), await response.text()).toBe(200);
  const page = await (await l1.get(`/api/tickets/${created.id}`)).json();
  const bodies = page.timeline.filter((entry) => entry.kind === 'reply' || entry.kind === 'note').map((entry) => entry.text);
  expect(bodies.sort()).toEqual([
    ...Array.from({ length: 5 }, (_, n) => `note ${n}`),
    ...Array.from({ length: 4 }, (_, n) => `reply ${n}`),
    'reply with an old version',
  ].sort());
  expect([200, 409]).toContain(writes[10].status());
});

test('a P1 incident goes straight to L3 and to the supervisors', async () => {
  const created = await reportAs(customer, { people_affected: 'everyone', work_impact: 'stopped' });
  const page = await (await l3.get(`/api/tickets/${created.id}`)).json();
  expect(page.ticket.priority).toBe('P1');
  expect(page.ticket.work.tier).toBe('l3');
  const mails = await mailsAbout(admin, created.id);
  expect(mails.some((mail) => mail.recipient === 'supervisor@example.com' && mail.subject.includes('P1 incident'))).toBe(true);
  expect(mails.some((mail) => mail.recipient === 'l3@example.com')).toBe(true);
  expect(mails.some((mail) => mail.channel === 'chat')).toBe(true);
  const queue = await (await l3.get('/api/tickets?queue=unassigned_l3&priority=P1&limit=100')).json();
  expect(queue.items.map((item) => item.id)).toContain(created.id);
});

test('a major incident broadcasts to its linked incidents and resolves them', async () => {
  const major = await reportAs(customer, { title: `Mail is down ${Date.now()}` });
  const childA = await reportAs(customer);
  const childB = await createTicket(otherCustomer, report({ name: 'Amira Khan', email: 'customer2@example.com' }));
  await step(l3, major.id, { action: 'mark_major', version: 1 });
  await step(l1, childA.id, { action: 'link_to_major', version: 1, major_id: major.id });
  await step(l1, childB.id, { action: 'link_to_major', version: 1, major_id: major.id });
  await expectError(await act(l1, childA.id, { action: 'link_to_major', version: 2, major_id: childB.id }), 422, 'invalid_value');

  let page = await step(l3, major.id, { action: 'reply', body: 'We found the cause and are restoring mail.' });
  expect(page.ticket.linked.map((ticket) => ticket.id).sort()).toEqual([childA.id, childB.id].sort());
  const childView = await (await otherCustomer.get(`/api/tickets/${childB.id}`)).json();
  expect(childView.timeline.at(-1)).toMatchObject({ kind: 'reply', text: 'We found the cause and are restoring mail.' });
  const mails = await mailsAbout(admin, childB.id);
  expect(mails.some((mail) => mail.recipient === 'customer2@example.com' && mail.body.includes('restoring mail'))).toBe(true);

  const majorWhileOpen = await (await l3.get('/api/tickets?queue=major&limit=100')).json();
  expect(majorWhileOpen.items.map((item) => item.id)).toContain(major.id);
  page = await step(l3, major.id, {
    action: 'resolve', version: page.ticket.version, code: 'fixed', notes: 'Mail server restored', resolve_linked: true,
  });
  for (const child of [childA, childB]) {
    const resolved = await (await l1.get(`/api/tickets/${child.id}`)).json();
    expect(resolved.ticket).toMatchObject({ status: 'resolved', resolution: { code: 'fixed', notes: 'Mail server restored' } });
    expect(resolved.timeline.at(-1)).toMatchObject({ kind: 'resolved', actor: 'Laura Holm (L3)' });
  }
  // The major-incident queue holds the ones still being worked; this one is done.
  const majorQueue = await (await l3.get('/api/tickets?queue=major&limit=100')).json();
  expect(majorQueue.items.map((item) => item.id)).not.toContain(major.id);
});

test('assignment respects tiers, auto-assignment skips agents who are away', async () => {
  const created = await reportAs(customer);
  await expectError(await act(l1, created.id, { action: 'assign', version: 1, agent_id: 4 }), 422, 'invalid_value');
  let page = await step(l1, created.id, { action: 'escalate', version: 1, tier: 'l2', reason: 'Specialist' });
  // Other specs may invite more L2 agents to this shared desk, so the expectations are
  // computed from the agent list rather than assumed.
  await expect(l2.put('/api/me/availability', { data: { away: true } })).resolves.toBeOK();
  const whileAway = await act(l1, created.id, { action: 'auto_assign', version: page.ticket.version });
  if (whileAway.status() === 200) {
    const assignee = (await whileAway.json()).ticket.work.assignee;
    expect(assignee.id).not.toBe(4);
    await step(l1, created.id, { action: 'escalate', version: page.ticket.version + 1, tier: 'l1', reason: 'back' });
    page = await step(l1, created.id, { action: 'escalate', version: page.ticket.version + 2, tier: 'l2', reason: 'again' });
  } else {
    await expectError(whileAway, 422, 'invalid_value');
  }
  await expect(l2.put('/api/me/availability', { data: { away: false } })).resolves.toBeOK();
  const agents = await (await l1.get('/api/agents')).json();
  const available = agents.filter((agent) => agent.tier === 'l2' && !agent.away);
  const least = Math.min(...available.map((agent) => agent.open_tickets));
  page = await step(l1, created.id, { action: 'auto_assign', version: page.ticket.version });
  const chosen = available.find((agent) => agent.id === page.ticket.work.assignee.id);
  expect(chosen.open_tickets).toBe(least);
  expect(page.timeline.at(-1)).toMatchObject({ kind: 'assigned', automatic: true });
  expect(agents.find((agent) => agent.id === 4)).toMatchObject({ tier: 'l2', away: false });
  expect((await customer.get('/api/agents')).status()).toBe(403);
});

test('an agent logs a phone call for a known customer, who then sees the ticket', async () => {
  const created = await createTicket(l1, report({
    name: 'Mette Hansen', email: 'Customer@Example.com', channel: 'phone', title: `Phoned in ${Date.now()}`,
  }));
  const page = await (await customer.get(`/api/tickets/${created.id}`)).json();
  expect(page.ticket.channel).toBe('phone');
  expect(page.timeline[0]).toMatchObject({ kind: 'created', actor: 'Lise Lund (L1)' });
  await expectError(await customer.post('/api/tickets', { data: report({ channel: 'phone' }) }), 403, 'forbidden');
});

test('customers follow and answer through the status link without an account', async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: process.env.EDGEDESK_URL });
  try {
    const created = await createTicket(l1, report({ channel: 'email', email: 'walk-in@example.com' }));
    await step(l1, created.id, { action: 'reply', body: 'Which floor are you on?', wait_for_customer: true });
    const link = `/api/status/${created.status_token}`;
    const seen = await (await anonymous.get(link)).json();
    expect(seen.ticket.status).toBe('pending_customer');
    expect(seen.ticket.reporter).toBeUndefined();
    expect(seen.timeline.at(-1)).toMatchObject({ kind: 'reply', text: 'Which floor are you on?' });
    const answered = await anonymous.post(`${link}/actions`, { data: { action: 'reply', body: 'Third floor' } });
    expect(answered.status(), await answered.text()).toBe(200);
    expect((await answered.json()).ticket.status).toBe('open');
    await expectError(await anonymous.post(`${link}/actions`, { data: { action: 'take', version: 3 } }), 403, 'forbidden');
    const ack = (await mailsAbout(admin, created.id))[0];
    expect(ack.recipient).toBe('walk-in@example.com');
    expect(ack.body).toContain(`/status/${created.status_token}`);
  } finally {
    await anonymous.dispose();
  }
});

test('queues and filters: customers keep to their own tickets', async () => {
  await expectError(await customer.get('/api/tickets?queue=mine'), 403, 'forbidden');
  await expectError(await l1.get('/api/tickets?priority=P9'), 422, 'invalid_value');
  const mine = await (await customer.get('/api/tickets?queue=open&limit=100')).json();
  expect(mine.items.every((item) => item.status !== 'closed')).toBe(true);
  const text = `Unique words ${Date.now()}`;
  const created = await reportAs(customer, { title: text });
  const found = await (await l1.get(`/api/tickets?q=${encodeURIComponent(text)}`)).json();
  expect(found.items.map((item) => item.id)).toEqual([created.id]);
  // Search words are prefixes ("uniq" finds "Unique"); punctuation alone finds nothing.
  const prefix = await (await l1.get(`/api/tickets?q=${encodeURIComponent(`uniq ${text.split(' ').at(-1)}`)}`)).json();
  expect(prefix.items.map((item) => item.id)).toEqual([created.id]);
  const wildcard = await (await l1.get('/api/tickets?q=%25&limit=5')).json();
  expect(wildcard.items).toEqual([]);
  // Filters combine: one assignee's tickets in one category, oldest first.
  await step(l2, created.id, { action: 'escalate', version: 1, tier: 'l2', reason: 'For the filter' });
  await step(l2, created.id, { action: 'take', version: 2 });
  await step(l2, created.id, { action: 'set_category', version: 3, category_id: 3 });
  const filtered = await (await l1.get('/api/tickets?assignee=4&category=3&tier=l2&sort=oldest&limit=100')).json();
  expect(filtered.items.map((item) => item.id)).toContain(created.id);
  expect(filtered.items.every((item) => item.assignee === 'Lars Nielsen (L2)' && item.tier === 'l2')).toBe(true);
  const ids = filtered.items.map((item) => item.id);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
});

test('agents see who else has a ticket open and who is writing', async () => {
  const created = await reportAs(customer);
  const path = `/api/tickets/${created.id}/presence`;
  expect(await (await l1.post(path, { data: { editing: true } })).json()).toEqual([]);
  const seenByL2 = await (await l2.post(path, { data: { editing: false } })).json();
  expect(seenByL2).toEqual([expect.objectContaining({ user_id: 3, name: 'Lise Lund (L1)', editing: true })]);
  const seenByL1 = await (await l1.post(path, { data: { editing: false } })).json();
  expect(seenByL1).toEqual([expect.objectContaining({ name: 'Lars Nielsen (L2)', editing: false })]);
  await expectError(await customer.post(path, { data: {} }), 403, 'forbidden');
  await expectError(await l1.post('/api/tickets/999999/presence', { data: {} }), 404, 'not_found');
});

test('bulk steps apply per ticket and report each refusal', async () => {
  const [a, b] = [await reportAs(customer), await reportAs(customer)];
  await step(l1, b.id, { action: 'set_status', version: 1, status: 'in_progress' });
  const response = await l1.post('/api/tickets/bulk', { data: { ids: [a.id, b.id, 999999, a.id], action: 'set_status', status: 'in_progress' } });
  expect(response.status()).toBe(200);
  const outcomes = await response.json();
  expect(outcomes.map((o) => [o.id, o.error?.code ?? 'ok'])).toEqual([[a.id, 'ok'], [b.id, 'invalid_transition'], [999999, 'not_found']]);
  const categorised = await (await l1.post('/api/tickets/bulk', { data: { ids: [a.id, b.id], action: 'set_category', category_id: 4 } })).json();
  expect(categorised.every((o) => !o.error)).toBe(true);
  expect((await (await l1.get(`/api/tickets/${b.id}`)).json()).ticket.category).toBe('Printing');
  await expectError(await l1.post('/api/tickets/bulk', { data: { ids: [a.id], action: 'resolve', code: 'fixed', notes: 'x' } }), 422, 'invalid_value');
  await expectError(await l1.post('/api/tickets/bulk', { data: { ids: [], action: 'auto_assign' } }), 422, 'invalid_value');
  await expectError(await customer.post('/api/tickets/bulk', { data: { ids: [a.id], action: 'auto_assign' } }), 403, 'forbidden');
});

test('canned replies are for staff and edited by admins with versions', async () => {
  const canned = await (await l1.get('/api/canned-replies')).json();
  expect(canned.replies.map((reply) => reply.title)).toContain('Ask for details');
  await expectError(await customer.get('/api/canned-replies'), 403, 'forbidden');
  await expectError(await l1.put('/api/admin/canned-replies', { data: canned }), 403, 'forbidden');
  const stale = await admin.put('/api/admin/canned-replies', { data: { ...canned, version: canned.version + 5 } });
  const conflict = await expectError(stale, 409, 'version_conflict');
  expect(conflict.current.replies).toEqual(canned.replies);
  await expectError(await admin.put('/api/admin/canned-replies', { data: { replies: [{ title: '', body: 'x' }], version: canned.version } }), 422, 'required');
});

test('on a shared ticket, a colleague may reply but only the reporter decides', async ({ playwright }) => {
  // A second member of Nordlys ApS, whose members see each other's tickets.
  const colleague = await playwright.request.newContext({ baseURL: process.env.EDGEDESK_URL });
  const email = `colleague-${Date.now()}-${process.pid}@example.com`;
  const joined = await signUp(colleague, { name: 'Kim Kollega', email, password: 'plenty of words here' });
  expect(joined.status(), await joined.text()).toBe(201);
  const { id } = await joined.json();
  const account = (await (await admin.get('/api/admin/users?limit=100')).json()).items.find((user) => user.id === id);
  expect((await admin.patch(`/api/admin/users/${id}`, { data: { version: account.version, organisation_id: 1 } })).status()).toBe(200);

  const created = await reportAs(customer);
  const resolved = await step(l2, created.id, { action: 'resolve', version: 1, code: 'fixed', notes: 'Done' });
  const version = resolved.ticket.version;
  await expectError(await act(colleague, created.id, { action: 'confirm', version }), 403, 'forbidden');
  await expectError(await act(colleague, created.id, { action: 'rate', version, score: 1 }), 403, 'forbidden');
  await step(colleague, created.id, { action: 'reply', body: 'Works for me too' });
  await step(customer, created.id, { action: 'confirm', version: version + 1 });
  await colleague.dispose();
});

test('a status link takes at most 30 steps an hour', async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: process.env.EDGEDESK_URL });
  const created = await createTicket(l1, report({ channel: 'email', email: 'chatty@example.com' }));
  const link = `/api/status/${created.status_token}/actions`;
  // The window slides (the last hour, not the clock hour), so exactly 30 pass.
  let accepted = 0;
  let refused;
  for (let attempt = 0; attempt < 31 && !refused; attempt += 1) {
    const response = await anonymous.post(link, { data: { action: 'reply', body: `Message ${attempt}` } });
    if (response.status() === 429) refused = response;
    else { expect(response.status()).toBe(200); accepted += 1; }
  }
  expect(refused, 'the link was never limited').toBeDefined();
  expect(accepted).toBe(30);
  const body = await expectError(refused, 429, 'rate_limited');
  expect(Number(refused.headers()['retry-after'])).toBe(body.retry_after);
  // Staff are not limited by it, and the link still reads.
  expect((await anonymous.get(`/api/status/${created.status_token}`)).status()).toBe(200);
  await anonymous.dispose();
});
