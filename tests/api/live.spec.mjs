// Live updates over WebSockets (a Durable Object per room): who may listen, who hears which
// ticket change, and presence pushed to staff only. Messages carry ids, never content.
import { test, expect, report } from '../support/fixtures.mjs';
import { createTicket, signedIn } from '../support/api.mjs';

const URL_BASE = process.env.EDGEDESK_URL;

async function cookieOf(email) {
  const login = await fetch(`${URL_BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  expect(login.status).toBe(200);
  return login.headers.get('set-cookie').split(';')[0];
}

/** Opens the live socket as `email` (or anonymously); resolves once open, or rejects. */
function listen(cookie, origin = URL_BASE) {
  return new Promise((resolve, reject) => {
    const headers = { origin, ...(cookie ? { cookie } : {}) };
    const ws = new WebSocket(`${URL_BASE.replace(/^http/, 'ws')}/api/live`, { headers });
    const heard = [];
    ws.onmessage = (event) => heard.push(JSON.parse(event.data));
    ws.onopen = () => resolve({ ws, heard, send: (message) => ws.send(JSON.stringify(message)) });
    ws.onerror = () => reject(new Error('refused'));
  });
}

async function until(check, what) {
  await expect.poll(check, { message: what, timeout: 5_000 }).toBeTruthy();
}

test('only signed-in people from our own pages may listen', async () => {
  await expect(listen(null)).rejects.toThrow('refused');
  await expect(listen(await cookieOf('l1@example.com'), 'https://evil.example')).rejects.toThrow('refused');
  const agent = await listen(await cookieOf('l1@example.com'));
  agent.ws.close();
});

test('a change is heard by the desk and by the customer who owns the ticket, and by no one else', async () => {
  const desk = await listen(await cookieOf('l1@example.com'));
  const owner = await listen(await cookieOf('customer@example.com'));
  const stranger = await listen(await cookieOf('customer2@example.com'));
  const customer = await signedIn('customer@example.com');
  const created = await createTicket(customer, report({ email: 'customer@example.com', title: 'Heard live' }));
  const changed = (heard) => heard.find((m) => m.type === 'ticket_changed' && m.ticket_id === created.id);
  await until(() => changed(desk.heard) && changed(owner.heard), 'desk and owner hear the new ticket');
  expect(changed(desk.heard)).toEqual({ type: 'ticket_changed', ticket_id: created.id, version: 1 });

  // An agent's reply is a change too.
  const agent = await signedIn('l1@example.com');
  const reply = await agent.post(`/api/tickets/${created.id}/actions`, { data: { action: 'reply', body: 'On it' } });
  expect(reply.status()).toBe(200);
  await until(() => owner.heard.filter((m) => m.ticket_id === created.id).length >= 2, 'owner hears the reply');
  // Nothing about another customer's ticket, and never any content.
  expect(stranger.heard.some((m) => m.ticket_id === created.id)).toBe(false);
  expect(JSON.stringify(owner.heard)).not.toContain('On it');
  for (const socket of [desk, owner, stranger]) socket.ws.close();
  await Promise.all([customer.dispose(), agent.dispose()]);
});

test('presence is pushed to the staff on the same ticket, and customers never see it', async () => {
  const lise = await listen(await cookieOf('l1@example.com'));
  const lars = await listen(await cookieOf('l2@example.com'));
  const customer = await listen(await cookieOf('customer@example.com'));
  lise.send({ type: 'viewing', ticket_id: 1 });
  lars.send({ type: 'viewing', ticket_id: 1, editing: true });
  customer.send({ type: 'viewing', ticket_id: 1 });
  const latest = (heard) => heard.filter((m) => m.type === 'presence' && m.ticket_id === 1).at(-1);
  await until(() => latest(lise.heard)?.viewers.length === 2, 'Lise sees two people on ticket 1');
  expect(latest(lise.heard).viewers).toEqual([
    { user_id: expect.any(Number), name: 'Lars Nielsen (L2)', editing: true },
    { user_id: expect.any(Number), name: 'Lise Lund (L1)', editing: false },
  ]);

  // Lars moves on: Lise is told at once, without polling.
  lars.send({ type: 'viewing', ticket_id: 2 });
  await until(() => latest(lise.heard)?.viewers.length === 1, 'Lars left ticket 1');
  lars.ws.close();
  // Malformed and oversized messages are ignored; the socket stays usable.
  lise.send({ type: 'shout' });
  lise.ws.send('x'.repeat(10_000));
  lise.send({ type: 'viewing', ticket_id: 1, editing: true });
  await until(() => latest(lise.heard)?.viewers[0]?.editing === true, 'Lise still heard after junk');
  expect(customer.heard.filter((m) => m.type === 'presence')).toEqual([]);
  lise.ws.close();
  customer.ws.close();
});
