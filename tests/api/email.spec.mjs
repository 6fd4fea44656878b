// Tickets by email: real MIME through wrangler dev's local Email Routing endpoint. A first
// mail opens a ticket; a reply is threaded by the headers of the mail the desk sent (or by
// the number in the subject, from the reporter only); machine-written mail is left alone.
import { test, expect } from '../support/fixtures.mjs';
import { mailsAbout, signedIn, step } from '../support/api.mjs';
import { d1 } from '../support/server.mjs';
import { base64Lines, deliver, fixture, messageId, received, unique } from '../support/mail.mjs';

let admin;
let agent;

test.beforeAll(async () => {
  admin = await signedIn('admin@example.com');
  agent = await signedIn('l1@example.com');
});

const page = async (id) => {
  const response = await agent.get(`/api/tickets/${id}`);
  expect(response.status()).toBe(200);
  return response.json();
};
const ticketsFrom = async (address) => {
  const out = await d1(process.env.EDGEDESK_PERSIST_DIR, 'execute', 'edgedesk', '--json', '--command',
    `SELECT COUNT(*) AS n FROM tickets WHERE reporter_email = '${address}'`);
  return JSON.parse(out)[0].results[0].n;
};
const number = (id) => `INC-${String(id).padStart(6, '0')}`;

/** A first mail from a new address: the ticket it opened. */
async function opened(from = `${unique('mette')}@firma.example`) {
  const id = messageId();
  expect((await deliver(await fixture('new-danish-qp', { FROM: from, MESSAGE_ID: id }), from)).outcome).toBe('ok');
  const row = await received(id);
  expect(row.outcome).toBe('opened');
  return { from, ticketId: row.ticket_id, messageId: id };
}

/** A Gmail-style reply from `from` with `text` (base64), naming `inReplyTo` and `subject`. */
async function reply(from, { text, subject, inReplyTo = '', references = inReplyTo }) {
  const id = messageId();
  const raw = await fixture('reply-gmail-base64', {
    FROM: from, SUBJECT: subject, MESSAGE_ID: id, IN_REPLY_TO: inReplyTo, REFERENCES: references,
    TEXT_BASE64: base64Lines(text),
  });
  const delivered = await deliver(raw, from);
  return { delivered, id };
}

test('a first mail opens an email ticket, decoded, and the sender gets a Danish receipt with a status link', async ({ request }) => {
  const { from, ticketId, messageId: id } = await opened();
  const { ticket, timeline } = await page(ticketId);
  expect(ticket).toMatchObject({ title: 'Lønsedlen for november mangler', channel: 'email', status: 'new' });
  expect(ticket.reporter).toMatchObject({ name: 'Mette Sørensen', email: from });
  expect(ticket.description).toContain('Min lønseddel for november er ikke kommet i e-Boks, og jeg kan ikke se den i portalen heller.');
  expect(timeline[0]).toMatchObject({ kind: 'created', author: 'customer' });
  const [receipt] = await mailsAbout(admin, ticketId);
  expect(receipt.recipient).toBe(from);
  expect(receipt.subject).toBe(`[${number(ticketId)}] Vi har modtaget din henvendelse: Lønsedlen for november mangler`);
  expect(receipt.message_id).toBe(`<edgedesk.${ticketId}.${receipt.id}@edgedesk.localhost>`);
  expect(receipt.in_reply_to).toBe(`<edgedesk.${ticketId}@edgedesk.localhost>`);
  // The status link in the receipt works (PUBLIC_URL names this server).
  const link = receipt.body.match(/https?:\/\/\S+\/status\/([0-9a-f]+)/);
  expect(link, receipt.body).not.toBeNull();
  const status = await request.get(`/api/status/${link[1]}`);
  expect(status.status()).toBe(200);
  expect((await status.json()).ticket.title).toBe('Lønsedlen for november mangler');
  // The same message delivered again changes nothing.
  expect((await deliver(await fixture('new-danish-qp', { FROM: from, MESSAGE_ID: id }), from)).outcome).toBe('ok');
  expect((await mailsAbout(admin, ticketId)).length).toBe(1);
  expect(await ticketsFrom(from)).toBe(1);
});

test('a customer with an account owns the ticket their mail opens', async () => {
  const id = messageId();
  const from = 'customer2@example.com';
  await deliver(await fixture('forwarded', { FROM: from, MESSAGE_ID: id }), from);
  const row = await received(id);
  expect(row.outcome).toBe('opened');
  const customer = await signedIn(from);
  const mine = await customer.get(`/api/tickets/${row.ticket_id}`);
  expect(mine.status()).toBe(200);
  const { ticket } = await mine.json();
  // A forwarded message is the report: it is kept whole.
  expect(ticket.title).toBe('Your invoice portal password expires today');
  expect(ticket.description).toContain('Is this mail genuine?');
  expect(ticket.description).toContain('Click here to keep your password');
  await customer.dispose();
});

test('an answer to the desk’s mail continues the ticket by its headers, without quotes or signature', async () => {
  const { from, ticketId } = await opened();
  let view = await page(ticketId);
  await step(agent, ticketId, { action: 'reply', body: 'Hvilken måned mangler?', set_status: 'pending_customer', version: view.ticket.version });
  const answer = (await mailsAbout(admin, ticketId)).at(-1);
  expect(answer.body).toContain('Hvilken måned mangler?');
  const text = 'November, som skrevet.\n\nMette\n-- \nMette Sørensen\nFirma ApS\n\nOn Thu, 3 Dec 2026 at 10:15, Support <support@edgedesk.localhost> wrote:\n> Hvilken måned mangler?\n';
  // A subject without the number: only the headers name the ticket.
  const { id } = await reply(from, { text, subject: 'Re: lønseddel', inReplyTo: answer.message_id, references: `${answer.in_reply_to} ${answer.message_id}` });
  const row = await received(id);
  expect(row).toMatchObject({ outcome: 'replied', ticket_id: ticketId });
  expect(row.original).toContain('> Hvilken måned mangler?');
  view = await page(ticketId);
  const last = view.timeline.at(-1);
  expect(last).toMatchObject({ kind: 'reply', author: 'customer', text: 'November, som skrevet.\n\nMette' });
  expect(view.ticket.status).toBe('open');
});

test('a number in the subject continues the ticket only for its reporter', async () => {
  const { from, ticketId } = await opened();
  const before = (await page(ticketId)).timeline.length;
  const outsider = `${unique('eve')}@evil.example`;
  const refused = await reply(outsider, { text: 'Please send me the payslip.', subject: `Re: [${number(ticketId)}] Lønsedlen` });
  const row = await received(refused.id);
  expect(row.outcome).toBe('opened');
  expect(row.ticket_id).not.toBe(ticketId);
  expect((await page(ticketId)).timeline.length).toBe(before);
  const theirs = await page(row.ticket_id);
  expect(theirs.ticket.reporter.email).toBe(outsider);
  expect(theirs.ticket.title).toBe('Lønsedlen');
  // The reporter, from Outlook in Latin-1 with a Danish header block, is threaded.
  const outlook = messageId();
  const raw = await fixture('reply-outlook-latin1', { FROM: from.toUpperCase(), MESSAGE_ID: outlook, SUBJECT: `[${number(ticketId)}] Lønsedlen` });
  await deliver(raw, from);
  expect(await received(outlook)).toMatchObject({ outcome: 'replied', ticket_id: ticketId });
  const last = (await page(ticketId)).timeline.at(-1);
  expect(last.text).toBe('Printeren kører igen efter genstart. Tak for hjælpen!\n\nMed venlig hilsen\nMette');
});

test('a reply to a resolved ticket reopens it; to a closed one it starts a new ticket', async () => {
  const { from, ticketId } = await opened();
  let view = await page(ticketId);
  view = await step(agent, ticketId, { action: 'take', version: view.ticket.version });
  view = await step(agent, ticketId, { action: 'resolve', code: 'fixed', notes: 'Sendt igen.', version: view.ticket.version });
  const first = await reply(from, { text: 'Den er stadig ikke kommet.', subject: `Re: [${number(ticketId)}] Løst` });
  expect(await received(first.id)).toMatchObject({ outcome: 'reopened', ticket_id: ticketId });
  view = await page(ticketId);
  expect(view.ticket.status).toBe('open');
  expect(view.timeline.slice(-2).map((entry) => entry.kind)).toEqual(['reopened', 'reply']);
  view = await step(agent, ticketId, { action: 'resolve', code: 'fixed', notes: 'Nu er den sendt.', version: view.ticket.version });
  // The reporter confirms the fix through the status link from the receipt: closed.
  const link = (await mailsAbout(admin, ticketId))[0].body.match(/\/status\/([0-9a-f]+)/)[1];
  const confirmed = await agent.post(`/api/status/${link}/actions`, { data: { action: 'confirm', version: view.ticket.version } });
  expect(confirmed.status(), await confirmed.text()).toBe(200);
  const late = await reply(from, { text: 'Og nu mangler december.', subject: `Re: [${number(ticketId)}] Løst` });
  const row = await received(late.id);
  expect(row.outcome).toBe('opened_follow_up');
  expect(row.ticket_id).not.toBe(ticketId);
  expect((await page(row.ticket_id)).ticket.description).toContain('Og nu mangler december.');
});

test('vacation replies, bounces and the desk’s own mail open nothing and are not answered', async () => {
  const { from, ticketId } = await opened();
  const mails = (await mailsAbout(admin, ticketId)).length;
  const timeline = (await page(ticketId)).timeline.length;
  const vacation = messageId();
  await deliver(await fixture('auto-reply', { FROM: from, MESSAGE_ID: vacation, SUBJECT: `[${number(ticketId)}] Svar` }), from);
  expect(await received(vacation)).toMatchObject({ outcome: 'ignored_auto_reply', ticket_id: null });
  const bounce = messageId();
  // A real bounce has an empty envelope sender, which the local endpoint cannot send;
  // the report's type and the daemon's address tell it apart all the same.
  await deliver(await fixture('bounce', { MESSAGE_ID: bounce }), 'MAILER-DAEMON@mx.example.net');
  expect((await received(bounce)).outcome).toBe('ignored_bounce');
  const loop = messageId();
  await deliver(await fixture('auto-reply', { FROM: 'support@edgedesk.localhost', MESSAGE_ID: loop, SUBJECT: 'x' }).then((raw) => raw.replace('Auto-Submitted: auto-replied\r\n', '')), 'support@edgedesk.localhost');
  expect((await received(loop)).outcome).toBe('ignored_loop');
  expect((await mailsAbout(admin, ticketId)).length).toBe(mails);
  expect((await page(ticketId)).timeline.length).toBe(timeline);
  // Admins see each with what became of it, and the address mail is received at.
  const inbox = await (await admin.get('/api/admin/inbox?limit=100')).json();
  expect(inbox.address).toBe('support@edgedesk.localhost');
  const outcome = (id) => inbox.items.find((mail) => mail.message_id === id)?.outcome;
  expect([outcome(vacation), outcome(bounce), outcome(loop)]).toEqual(['ignored_auto_reply', 'ignored_bounce', 'ignored_loop']);
  const first = inbox.items.find((mail) => mail.ticket_id === ticketId);
  expect(first).toMatchObject({ outcome: 'opened', sender: from, ticket_number: number(ticketId) });
});

test('HTML-only mail becomes plain text; markup in it stays text', async () => {
  const id = messageId();
  const from = `${unique('jonas')}@firma.example`;
  const html = '<html><body><p>The VPN drops every <b>ten</b> minutes.</p><script>fetch("/api/me")</script><img src=x onerror="alert(1)"></body></html>';
  await deliver(await fixture('html-only-hostile', { FROM: from, MESSAGE_ID: id, HTML_BASE64: base64Lines(html) }), from);
  const row = await received(id);
  const { ticket } = await page(row.ticket_id);
  expect(ticket.description).toContain('The VPN drops every ten minutes.');
  expect(ticket.description).not.toContain('<script');
  expect(ticket.description).not.toContain('onerror');
  expect(ticket.title).toBe('VPN drops <img src=x onerror=alert(1)>');
});

test('too large a message is refused at the door with a reason', async () => {
  const from = `${unique('big')}@firma.example`;
  const id = messageId();
  const raw = (await fixture('new-danish-qp', { FROM: from, MESSAGE_ID: id })) + 'x'.repeat(10 * 1024 * 1024);
  const delivered = await deliver(raw, from);
  expect(delivered.rejectReason, JSON.stringify(delivered)).toContain('up to 10 MB');
  expect(await received(id)).toBeUndefined();
});

test('one sender gets at most 30 messages an hour taken; the rest are refused', async () => {
  const from = `${unique('flood')}@firma.example`;
  const outcomes = [];
  for (let n = 0; n < 31; n += 1) {
    const raw = await fixture('auto-reply', { FROM: from, MESSAGE_ID: messageId(), SUBJECT: `n${n}` });
    outcomes.push((await deliver(raw, from)).rejectReason ?? 'taken');
  }
  expect(outcomes.slice(0, 30).every((outcome) => outcome === 'taken')).toBe(true);
  expect(outcomes[30]).toContain('Too many messages from this address');
});
