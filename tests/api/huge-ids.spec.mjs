// An id of 2^53 + 1 cannot travel as a JavaScript number; the API refuses it with a 4xx in
// every place an id goes. The places come from the published OpenAPI document, so a new
// endpoint, parameter or body field is covered without touching this file.
import { test, expect } from '../support/fixtures.mjs';
import { signedIn } from '../support/api.mjs';

const HUGE = '9007199254740993'; // 2^53 + 1
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const ID_NAME = /^(id|ids|version|ticket|category|assignee|organisation|reporter|cursor)$|_id$/;

let admin;
let document;

test.beforeAll(async () => {
  admin = await signedIn('admin@example.com');
  document = await (await admin.get('/api/openapi.json')).json();
});

test.afterAll(async () => admin?.dispose());

/** Resolves `#/components/...` references. */
function resolve(schema) {
  if (!schema?.$ref) return schema;
  return resolve(schema.$ref.split('/').slice(1).reduce((node, key) => node[key], document));
}

/** Every property name a request body schema can carry, through oneOf/anyOf/allOf. */
function propertyNames(schema, into = new Map()) {
  const node = resolve(schema);
  if (!node) return into;
  for (const part of [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])]) propertyNames(part, into);
  for (const [name, property] of Object.entries(node.properties ?? {})) into.set(name, resolve(property));
  return into;
}

function operations() {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ template, method, operation: item[method], item })));
}

async function expectRefused(response, where) {
  expect(response.status(), `${where}: ${await response.text()}`).toBeGreaterThanOrEqual(400);
  expect(response.status(), where).toBeLessThan(500);
  const body = await response.json();
  expect(typeof body.code, where).toBe('string');
  return body;
}

const send = (method, path, options = {}) => admin.fetch(path, { method: method.toUpperCase(), ...options });

test('every path id of 2^53 + 1 gets a 4xx', async () => {
  let tried = 0;
  for (const { template, method } of operations()) {
    if (!template.includes('{id}') && !template.includes('{file}')) continue;
    const path = template.replace('{id}', HUGE).replace('{file}', `${HUGE}.ics`).replace('{token}', 'no-such-token');
    const options = method === 'get' || method === 'delete' ? {} : { data: {} };
    await expectRefused(await send(method, path, options), `${method} ${path}`);
    tried += 1;
  }
  expect(tried).toBeGreaterThan(10);
});

test('every query parameter that names a record refuses 2^53 + 1 with a 4xx', async () => {
  let tried = 0;
  for (const { template, method, operation } of operations()) {
    if (template.includes('{')) continue;
    for (const parameter of (operation.parameters ?? []).map(resolve)) {
      if (parameter.in !== 'query' || !ID_NAME.test(parameter.name)) continue;
      const path = `${template}?${parameter.name}=${HUGE}`;
      const response = await send(method, path);
      // A filter on a record that cannot exist may also answer with nothing found.
      if (response.status() === 200) continue;
      await expectRefused(response, `${method} ${path}`);
      tried += 1;
    }
  }
  expect(tried).toBeGreaterThan(3);
});

test('every body field that names a record or a version refuses 2^53 + 1, named, with a 4xx', async () => {
  let tried = 0;
  for (const { template, method, operation } of operations()) {
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (!schema) continue;
    const path = template.replace('{id}', '1').replace('{token}', 'no-such-token');
    for (const [name, property] of propertyNames(schema)) {
      if (!ID_NAME.test(name)) continue;
      const value = property?.type === 'array' ? `[${HUGE}]` : HUGE;
      const response = await send(method, path, { headers: { 'content-type': 'application/json' }, data: `{"${name}": ${value}}` });
      const refused = await expectRefused(response, `${method} ${path} ${name}`);
      // Where the body is read at all (not refused for the path first), the field is named.
      if (refused.code === 'invalid_value') expect(refused.field, `${method} ${path}`).toMatch(new RegExp(`^${name}`));
      tried += 1;
    }
  }
  expect(tried).toBeGreaterThan(5);
});
