// One shared server, with the demo accounts, for the API and browser suites; specs that
// need their own (restart, empty database) start one with startServer().
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePersistDir, removePersistDir, startServer } from './server.mjs';

// The shared server's console (the Worker's errors name their cause there), kept beside the
// test results so a failure can be read after the run.
const SERVER_LOG = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results', 'wrangler.log');

export default async function globalSetup() {
  const dir = await makePersistDir();
  const server = await startServer(dir, { seed: true });
  process.env.EDGEDESK_URL = server.url;
  // For the few specs that look at what a request left in D1.
  process.env.EDGEDESK_PERSIST_DIR = dir;
  return async () => {
    await server.stop();
    await mkdir(path.dirname(SERVER_LOG), { recursive: true });
    await writeFile(SERVER_LOG, server.log());
    await removePersistDir(dir);
  };
}
