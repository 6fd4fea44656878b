// One shared server, with the demo accounts, for the API and browser suites; specs that
// need their own (restart, empty database) start one with startServer().
import { makePersistDir, removePersistDir, startServer } from './server.mjs';

export default async function globalSetup() {
  const dir = await makePersistDir();
  const server = await startServer(dir, { seed: true });
  process.env.EDGEDESK_URL = server.url;
  return async () => {
    await server.stop();
    await removePersistDir(dir);
  };
}
