// Earlier solutions: similar resolved tickets for staff, knowledge-base articles for all.
import { test, expect, report } from '../support/fixtures.mjs';
import { createTicket, expectError, signedIn, step } from '../support/api.mjs';

let l2;
let customer;
let anonymous;

test.beforeAll(async ({ playwright }) => {
  [l2, customer] = await Promise.all(['l2@example.com', 'customer@example.com'].map(signedIn));
  anonymous = await playwright.request.newContext({ baseURL: process.env.EDGEDESK_URL });
});

test.afterAll(async () => {
  await Promise.all([l2, customer, anonymous].map((context) => context?.dispose()));
});

/** A made-up word no other test uses, so searches find exactly this test's records. */
const word = (prefix) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test('staff get similar resolved tickets; customers never see other people\'s tickets', async () => {
  const marker = word('gatewaycert');
  const solved = await createTicket(customer, report({ name: 'Mette Hansen', email: 'customer@example.com',
    title: `VPN error 809 on ${marker}` }));
  await step(l2, solved.id, { action: 'resolve', version: 1, code: 'fixed', notes: `Renewed the ${marker} certificate` });
  const open = await createTicket(customer, report({ name: 'Mette Hansen', email: 'customer@example.com',
    title: `Again error 809 ${marker}` }));

  const staff = await (await l2.get(`/api/suggestions?q=${encodeURIComponent(`error 809 ${marker}`)}&ticket=${open.id}`)).json();
  expect(staff.tickets[0]).toMatchObject({ id: solved.id, number: solved.number });
  expect(staff.tickets[0].resolution).toContain(marker);
  expect(staff.tickets.map((ticket) => ticket.id)).not.toContain(open.id);

  const asCustomer = await (await customer.get(`/api/suggestions?q=${marker}`)).json();
  expect(asCustomer.tickets).toEqual([]);
  const asAnonymous = await (await anonymous.get(`/api/suggestions?q=${marker}`)).json();
  expect(asAnonymous.tickets).toEqual([]);
});

test('an article written from a resolution is a draft until published, then found by everyone', async () => {
  const marker = word('printerfuser');
  const created = await l2.post('/api/kb', {
    data: { title: `Blank pages from the ${marker}`, body: 'Replace the fuser unit.\nThen print a test page.', source_ticket_id: 2 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const draft = await created.json();
  expect(draft).toMatchObject({ published: false, author: 'Lars Nielsen (L2)', version: 1, source_ticket_id: 2 });

  expect(await (await anonymous.get(`/api/kb?q=${marker}`)).json()).toEqual([]);
  await expectError(await anonymous.get(`/api/kb/${draft.id}`), 404, 'not_found');
  expect((await (await l2.get(`/api/kb?q=${marker}`)).json()).map((a) => a.id)).toEqual([draft.id]);

  // An update sends the article's fields, not the whole stored record (unknown fields are refused).
  const { title, body, source_ticket_id } = draft;
  const input = { title, body, source_ticket_id, published: draft.published };
  const published = await l2.patch(`/api/kb/${draft.id}`, { data: { ...input, published: true, version: 1 } });
  expect(published.status()).toBe(200);
  await expectError(await l2.patch(`/api/kb/${draft.id}`, { data: { ...input, version: 1 } }), 409, 'version_conflict');
  const stored = await l2.patch(`/api/kb/${draft.id}`, { data: { ...input, id: draft.id, version: 2 } });
  expect((await expectError(stored, 400, 'invalid_json')).field).toBe('id');

  const found = await (await anonymous.get(`/api/kb?q=${encodeURIComponent(`blank ${marker}`)}`)).json();
  expect(found).toEqual([expect.objectContaining({ id: draft.id, published: true })]);
  const article = await (await anonymous.get(`/api/kb/${draft.id}`)).json();
  expect(article.body).toBe('Replace the fuser unit.\nThen print a test page.');
  expect(article).not.toHaveProperty('source_ticket_id');
  const suggested = await (await anonymous.get(`/api/suggestions?q=${marker}`)).json();
  expect(suggested.articles.map((a) => a.id)).toEqual([draft.id]);

  await expectError(await customer.post('/api/kb', { data: { title: 'x', body: 'y' } }), 403, 'forbidden');
  await expectError(await l2.post('/api/kb', { data: { title: '', body: 'y' } }), 422, 'required');
});

test('search syntax typed by people is inert', async () => {
  for (const q of ['"', 'NEAR(', 'a OR', '*', '-x', 'title:y', '^z', '(((']) {
    const response = await anonymous.get(`/api/kb?q=${encodeURIComponent(q)}`);
    expect(response.status(), q).toBe(200);
    expect((await l2.get(`/api/tickets?q=${encodeURIComponent(q)}`)).status(), q).toBe(200);
    expect((await l2.get(`/api/suggestions?q=${encodeURIComponent(q)}`)).status(), q).toBe(200);
  }
});

test('an article naming a ticket that does not exist is refused with the field, and not stored', async () => {
  const marker = word('ghostsource');
  const refused = await l2.post('/api/kb', {
    data: { title: `From nowhere ${marker}`, body: 'No such ticket.', source_ticket_id: 987654321 },
  });
  expect((await expectError(refused, 422, 'invalid_value')).field).toBe('source_ticket_id');
  expect(await (await l2.get(`/api/kb?q=${marker}`)).json()).toEqual([]);
});
