// A free TCP port for a server a test starts (a throw-away PostgreSQL, the app as a child process, the e2e server).
import { createServer } from 'node:net';

/** Asks the OS for a free port by listening on port 0 (tiny race window; acceptable for tests). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
