// Property-based API testing: Schemathesis generates requests from /api/openapi.json
// (valid and invalid ones, boundary values included) against a real wrangler dev server
// with the demo data, as anonymous, customer, agent and admin, and fails on any 5xx or any
// answer that breaks the document's schema. The seed and the number of examples are fixed,
// so a run is repeatable and bounded. Usage: node tests/fuzz/schemathesis.mjs [examples]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { makePersistDir, migrate, removePersistDir, ROOT, seedDemoData, sessionCookie, startServer } from '../support/server.mjs';

const SCHEMATHESIS = path.join(ROOT, '.tools/schemathesis/bin/st');
const SEED = '20261203';
const EXAMPLES = process.argv[2] ?? '12';
const ROLES = [
  ['anonymous', null],
  ['customer', 'customer@example.com'],
  ['agent', 'l1@example.com'],
  ['admin', 'admin@example.com'],
];

function schemathesis(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(SCHEMATHESIS, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

const dir = await makePersistDir();
let server;
const failed = [];
try {
  await migrate(dir);
  await seedDemoData(dir);
  server = await startServer(dir);
  for (const [role, email] of ROLES) {
    console.log(`\n==> Schemathesis as ${role}`);
    const headers = ['-H', `Origin: ${server.url}`];
    const signedIn = [];
    if (email) {
      // A fresh session per role; signing out would end it halfway, so the signed-in runs
      // leave sign-out to the anonymous one (and to the browser tests).
      headers.push('-H', `Cookie: ${await sessionCookie(server.url, email)}`);
      signedIn.push('--exclude-path-regex', '^/api/auth/logout');
    }
    const code = await schemathesis([
      'run', `${server.url}/api/openapi.json`, ...headers, ...signedIn,
      '--checks', 'not_a_server_error,response_schema_conformance',
      '--phases', 'examples,coverage,fuzzing',
      '--seed', SEED, '--max-examples', EXAMPLES, '--generation-database', 'none',
      '--workers', '1', '--continue-on-failure', '--no-color', '--warnings', 'off',
    ]);
    if (code !== 0) failed.push(role);
  }
} finally {
  await server?.stop();
  await removePersistDir(dir);
}
if (failed.length > 0) {
  console.error(`\nSchemathesis found 5xx answers or schema violations as: ${failed.join(', ')}`);
  process.exit(1);
}
console.log('\nSchemathesis: no 5xx and no schema violations for any role');
