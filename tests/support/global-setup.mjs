// One shared server, with the demo accounts, for the API and browser suites; specs that
// need their own (restart, empty database) start one with startServer().
import { makePersistDir, removePersistDir, startServer } from './server.mjs';

export default async function globalSetup() {
  const dir = await makePersistDir();
  const server = await startServer(dir, { seed: true });
  process.env.EDGEDESK_URL = server.url;
  // For the few specs that look at what a request left in D1.
  process.env.EDGEDESK_PERSIST_DIR = dir;
  return async () => {
    await server.stop();
    await removePersistDir(dir);
  };
}
