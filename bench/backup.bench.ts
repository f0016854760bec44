// Backup and restore (issue 13 §4): `npm run backup` and `npm run restore` as an operator runs them (spawned, through
// tsx as package.json does), against the bare tools doing the same work in the same run — `tar czf`/`tar xzf` of the
// PGlite data directory for the demo city, `pg_dump -Fc`/`pg_restore` of the province on PostgreSQL. RUNS each.
//   npm run bench:backup                     (the demo city on PGlite only)
//   DATABASE_URL=… MIGRATION_DATABASE_URL=… npm run bench:backup   (also the province: reuses or loads database mj_bench)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { boot } from '../apps/server/src/bootstrap.js';
import { generateRegistry, isEmpty, loadRegistry, seedDemo } from '../apps/server/src/demo/index.js';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/trail/index.js';
import { PROVINCE_OPTIONS } from './province.js';
import { writeSection } from './results.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'mj-bench-backup-'));

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return performance.now() - t0;
}
const cli = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
  timed(process.execPath, ['--import', 'tsx', `apps/server/src/cli/${script}.ts`, ...args], env);
const s = (ms: number[]) => ms.map((m) => `${(m / 1000).toFixed(1)} s`).join(', ');
const mib = (f: string) => `${(statSync(f).size / 1048576).toFixed(1)} MiB`;
const plainEnv = () => {
  const e = { ...process.env };
  for (const k of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'MINGJIAN_KEY', 'MINGJIAN_TRAIL_KEY']) delete e[k];
  return e;
};

const rows: string[] = [];
try {
  // ── The demo city on PGlite ──
  const dir = path.join(work, 'city');
  const b = await boot({ dataDir: dir, demo: true, templateCache: true });
  await seedDemo(b.ctx);
  await b.close();
  const env = { ...plainEnv(), DATA_DIR: dir };
  const file = path.join(work, 'city.tgz');
  const bareFile = path.join(work, 'city-bare.tgz');
  const [backup, bareTar, restore, bareUntar]: number[][] = [[], [], [], []];
  for (let i = 0; i < RUNS; i++) {
    backup.push(cli('backup', [file, '--overwrite'], env));
    bareTar.push(timed('tar', ['czf', bareFile, '-C', dir, 'pg', 'keys'], env));
    const into = path.join(work, `city-restored-${i}`);
    restore.push(cli('restore', [file], { ...env, DATA_DIR: into }));
    const bareInto = path.join(work, `city-bare-${i}`);
    timed('mkdir', ['-p', bareInto], env);
    bareUntar.push(timed('tar', ['xzf', bareFile, '-C', bareInto], env));
    rmSync(into, { recursive: true, force: true });
    rmSync(bareInto, { recursive: true, force: true });
  }
  rows.push(
    `| demo city, PGlite (${mib(file)}) | backup ${s(backup)} | tar czf ${s(bareTar)} | restore ${s(restore)} | tar xzf ${s(bareUntar)} |`,
  );

  // ── The province on PostgreSQL ──
  const owner = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (owner && process.env.DATABASE_URL) {
    const url = (base: string, name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
    const admin = new pg.Client({ connectionString: owner });
    await admin.connect();
    if (!(await admin.query(`select 1 from pg_database where datname = 'mj_bench'`)).rowCount)
      await admin.query('create database mj_bench');
    const pb = await boot({
      databaseUrl: url(process.env.DATABASE_URL, 'mj_bench'),
      migrationUrl: url(owner, 'mj_bench'),
      dataDir: path.join(work, 'province'),
    });
    if (await isEmpty(pb.ctx))
      await loadRegistry(pb.ctx.db, pb.ctx.clock, SYSTEM_ACTOR, generateRegistry(PROVINCE_OPTIONS));
    await pb.close();
    const penv = {
      ...plainEnv(),
      DATA_DIR: path.join(work, 'province'),
      DATABASE_URL: url(process.env.DATABASE_URL, 'mj_bench'),
      MIGRATION_DATABASE_URL: url(owner, 'mj_bench'),
    };
    const pfile = path.join(work, 'province.tgz');
    const bareDump = path.join(work, 'province.dump');
    const [pbackup, pdump, prestore, pbare]: number[][] = [[], [], [], []];
    for (let i = 0; i < RUNS; i++) {
      pbackup.push(cli('backup', [pfile, '--overwrite'], penv));
      pdump.push(
        timed(
          'pg_dump',
          ['-Fc', '--exclude-schema=pgboss', `--file=${bareDump}`, `--dbname=${url(owner, 'mj_bench')}`],
          penv,
        ),
      );
      for (const db of ['mj_bench_restore', 'mj_bench_bare']) {
        await admin.query(`drop database if exists ${db} with (force)`);
        await admin.query(`create database ${db}`);
      }
      const into = path.join(work, `province-restored-${i}`);
      prestore.push(
        cli('restore', [pfile], {
          ...penv,
          DATA_DIR: into,
          DATABASE_URL: url(process.env.DATABASE_URL, 'mj_bench_restore'),
          MIGRATION_DATABASE_URL: url(owner, 'mj_bench_restore'),
        }),
      );
      pbare.push(
        timed(
          'pg_restore',
          ['--no-owner', '--no-acl', '--single-transaction', `--dbname=${url(owner, 'mj_bench_bare')}`, bareDump],
          penv,
        ),
      );
      rmSync(into, { recursive: true, force: true });
    }
    for (const db of ['mj_bench_restore', 'mj_bench_bare'])
      await admin.query(`drop database if exists ${db} with (force)`);
    await admin.end();
    rows.push(
      `| province, PostgreSQL (${mib(pfile)}) | backup ${s(pbackup)} | pg_dump -Fc ${s(pdump)} | restore ${s(prestore)} | pg_restore ${s(pbare)} |`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cpu = os.cpus();
writeSection('backup', [
  `Machine: ${cpu[0]?.model.trim()} × ${cpu.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. ${RUNS} runs each, wall time of the spawned command (the npm commands through tsx, ≈1 s of it module loading). Bare: the same data with the system's tools in the same run.`,
  '',
  '| data | npm run backup | bare | npm run restore | bare |',
  '| ---- | -------------- | ---- | --------------- | ---- |',
  ...rows,
]);
console.log(rows.join('\n'));
