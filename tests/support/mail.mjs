// Mail to the desk's address, through wrangler dev's local Email Routing endpoint: real
// MIME fixtures (tests/fixtures/mail/*.eml) with their placeholders filled in.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { d1 } from './server.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'mail');
export const DESK_ADDRESS = 'support@edgedesk.localhost';

export const unique = (name) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** A fresh Message-ID (without angle brackets) for one test message. */
export const messageId = () => `${unique('msg')}@client.example`;

export const base64Lines = (text) => Buffer.from(text, 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n').trimEnd();

/** The fixture `name` with `{{KEY}}`s replaced, as the CRLF message a mail server sends. */
export async function fixture(name, values) {
  const template = await readFile(path.join(FIXTURES, `${name}.eml`), 'utf8');
  const filled = template.replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`fixture ${name} needs ${key}`);
    return values[key];
  });
  return filled.replace(/\r?\n/g, '\r\n');
}

/**
 * Delivers `raw` to the desk as Email Routing would (envelope sender `from`), and returns
 * wrangler's account of it: `{ outcome: 'ok' | 'rejected', rejectReason? … }`.
 */
export async function deliver(raw, from, baseURL = process.env.EDGEDESK_URL) {
  const url = `${baseURL}/cdn-cgi/local/email?from=${encodeURIComponent(from)}&to=${DESK_ADDRESS}&format=json`;
  const response = await fetch(url, { method: 'POST', body: raw });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`local email endpoint answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** What the desk recorded of the message `id`, or undefined. */
export async function received(id, persistDir = process.env.EDGEDESK_PERSIST_DIR) {
  const out = await d1(persistDir, 'execute', 'edgedesk', '--json', '--command',
    `SELECT message_id, sender, subject, outcome, ticket_id, original FROM inbound_mail WHERE message_id = '${id.replace(/'/g, "''")}'`);
  return JSON.parse(out)[0].results[0];
}
