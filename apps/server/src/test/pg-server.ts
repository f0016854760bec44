// A throw-away PostgreSQL server of its own for tests that stop and restart the server (issue 11 §4): the shared CI
// server must not be stopped under the other test files. Same steps as scripts/pg-local.sh (initdb refuses root, so
// the binaries run as the postgres user when we are root).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** The newest installed PostgreSQL's bin directory, or null (then the tests that need one are skipped). */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length ? path.join(root, versions.at(-1)!, 'bin') : null;
}

export interface PgServer {
  url: string;
  /** `pg_ctl stop -m immediate`: the server drops every connection at once, as a crash or a hard restart does. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (if running) and removes its files. */
  destroy(): Promise<void>;
}

export async function startPgServer(): Promise<PgServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin)');
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'mj-pg-'));
  if (root) chownSync(dir, ...(await postgresIds()));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pg = (tool: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
  await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const start = async () => {
    await pg('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50 -c fsync=off`,
      'start',
    ]);
  };
  const stop = (mode: 'immediate' | 'fast') => pg('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    kill: async () => {
      await stop('immediate');
    },
    start,
    destroy: async () => {
      await stop('fast').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run('id', ['postgres']);
  const uid = Number(/uid=(\d+)/.exec(stdout)?.[1]);
  const gid = Number(/gid=(\d+)/.exec(stdout)?.[1]);
  return [uid, gid];
}
