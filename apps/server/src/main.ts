// Starts Mingjian: embedded PGlite under ./data (or DATA_DIR) by default, PostgreSQL with DATABASE_URL.
// In demo mode (the default on the embedded database) an empty database is filled with the demo city.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boot } from './bootstrap.js';
import { buildApp } from './app.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from './demo/index.js';
import { sweepAll } from './modules/registry/index.js';
import { generateDuties, remindDuties } from './modules/talks/index.js';
import { checkProposals, sweepInterference } from './modules/decisions/index.js';
import { personalDutiesJob } from './modules/personal/index.js';
import { sweepUnfinished } from './platform/files/index.js';
import { toCstDate } from './platform/clock/index.js';
import { phaseTimer } from './platform/clock/phases.js';
import { SYSTEM_ACTOR, startCheckpoints } from './platform/trail/index.js';
import {
  JOB_TIME_ZONE,
  recordRuns,
  startScheduler,
  type Job,
  type JobBoard,
  type Scheduler,
} from './platform/jobs/index.js';

const started = Date.now();
const phases = phaseTimer();
phases.mark('modules');
const databaseUrl = process.env.DATABASE_URL || undefined;
// issue 11 §1: the owner role, only for migrations; DATABASE_URL should be the restricted app role.
const migrationUrl = process.env.MIGRATION_DATABASE_URL || undefined;
const demo = (process.env.MINGJIAN_DEMO ?? (databaseUrl ? 'false' : 'true')) === 'true';
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

// An empty embedded data directory starts from the migrated template (made by the first start or a test run).
const booted = await boot({ databaseUrl, migrationUrl, demo, templateCache: !databaseUrl, onPhase: phases.mark });
const { ctx } = booted;
// Signed checkpoints of the trail's head outside the database, every TRAIL_CHECKPOINT_MINUTES and at shutdown.
const checkpoints = ctx.trailCheckpoints
  ? await startCheckpoints({
      db: ctx.db,
      signer: ctx.signer,
      clock: ctx.clock,
      file: ctx.trailCheckpoints,
      everyMs: (Number(process.env.TRAIL_CHECKPOINT_MINUTES) || 5) * 60_000,
    })
  : undefined;
phases.mark('trail checkpoints');
if (demo && (await isEmpty(ctx))) {
  const t = Date.now();
  const n = await seedDemo(ctx, phases.mark);
  console.log(
    `示例数据已载入 Demo data loaded: ${n.orgs} 个单位 units, ${n.cadres} 名干部 cadres, ${n.reports} 件举报 reports, ${n.clues} 条线索 clues, ${n.talks} 次谈话 talks, ${n.duties} 项监督义务 duties, ${n.activities} 条监督工作记录 records (${Date.now() - t} ms)`,
  );
}
// Daily jobs (platform/jobs): rule flags (M-04 … M-07), so tenure counts move with the calendar, and the duties of
// superior principals (M-22, M-23) for the current year with their reminders (M-27). In this process on the embedded
// database; through pg-boss on PostgreSQL, so that several servers run each job once. Both also run at start.
const sweepJob = () =>
  sweepAll(ctx, SYSTEM_ACTOR).then((r) =>
    console.log(`规则评估 Rules evaluated: ${r.cadres} 名干部 cadres, ${r.flags} 条提示 flags (${r.ms} ms)`),
  );
const dutiesJob = async () => {
  const year = toCstDate(ctx.clock.now()).slice(0, 4);
  const r = await generateDuties(ctx, SYSTEM_ACTOR, { from: `${year}-01-01`, to: `${year}-12-31` });
  console.log(`监督义务 Duties opened: ${r.periodic + r.appointments} (${r.ms} ms)`);
  await remindDuties(ctx, SYSTEM_ACTOR);
};
// M-36: the team members of the last complete year who proposed nothing (idempotent; the year's evaluation reads it).
const proposalsJob = async () => {
  const r = await checkProposals(ctx, SYSTEM_ACTOR, Number(toCstDate(ctx.clock.now()).slice(0, 4)) - 1);
  console.log(
    `议题提出情况 Proposals of ${r.year}: ${r.evaluated} 名班子成员 members, ${r.found} 名未提出议题 proposed none`,
  );
};
// Each run is recorded in job_runs for the job page (定时任务, issue 13 §5).
const JOBS: Job[] = [
  {
    name: 'rules-sweep',
    label: { zh: '规则评估（M-04…M-07）', en: 'Rule flags (M-04…M-07)' },
    cron: '0 2 * * *',
    run: sweepJob,
  },
  {
    name: 'talk-duties',
    label: { zh: '谈话义务与提醒（M-22、M-23、M-27）', en: 'Talk duties and reminders (M-22, M-23, M-27)' },
    cron: '10 2 * * *',
    run: dutiesJob,
  },
  {
    name: 'decision-proposals',
    label: { zh: '班子成员年度议题提出情况（M-36）', en: 'Members who proposed nothing last year (M-36)' },
    cron: '20 2 * * *',
    run: proposalsJob,
  },
  {
    name: 'interference-reports',
    label: { zh: '插手干预季度报告与大额支出会签（M-37）', en: 'Interference reports and joint signatures (M-37)' },
    cron: '30 2 * * *',
    run: async () =>
      console.log(
        `插手干预季度报告 Interference reports checked: ${(await sweepInterference(ctx, SYSTEM_ACTOR)).orgs} 个单位 units`,
      ),
  },
  {
    name: 'personal-duties',
    label: { zh: '个人有关事项年度报告：开立、逾期与提醒（M-40）', en: 'Annual personal matters reports (M-40)' },
    cron: '50 2 * * *',
    run: async () => {
      const r = await personalDutiesJob(ctx, SYSTEM_ACTOR);
      console.log(
        `个人事项年度报告 Annual reports of ${r.year}: ${r.reporting} 名应报告 to report, ${r.active} 条逾期提示 overdue`,
      );
    },
  },
  {
    // M-33: chunks of a recording whose upload died with the server (a refused upload drops its own at once).
    name: 'audio-uploads',
    label: { zh: '清理中断上传的录音分块（M-33）', en: 'Chunks of interrupted audio uploads (M-33)' },
    cron: '40 2 * * *',
    run: async () => {
      const n = await sweepUnfinished(ctx, new Date(ctx.clock.now().getTime() - 24 * 3600_000));
      console.log(`中断上传的录音分块 Chunks of interrupted uploads removed: ${n}`);
    },
  },
].map((j) => recordRuns(ctx.db, ctx.clock, j));
const board: JobBoard = { jobs: JOBS };
let scheduler: Scheduler | undefined;
try {
  const t = Date.now();
  scheduler = await startScheduler(ctx, JOBS, { databaseUrl });
  board.scheduler = scheduler;
  phases.mark('scheduler');
  console.log(
    `定时任务 Scheduled jobs: ${scheduler.kind === 'pg-boss' ? 'pg-boss (PostgreSQL)' : '进程内 in-process'}, ` +
      `每日 daily ${JOBS.map((j) => `${j.name} ${j.cron}`).join(', ')} (${JOB_TIME_ZONE}) (${Date.now() - t} ms)`,
  );
} catch (e) {
  // The app still serves; the jobs do not run until a restart succeeds (e.g. the role may not create schema pgboss).
  console.error('定时任务未能启动，每日任务不会运行 Scheduler failed to start; daily jobs will not run', e);
}
const webDir = fileURLToPath(new URL('../../web/dist', import.meta.url));
const app = await buildApp(ctx, {
  logger: process.env.LOG === 'true',
  jobs: board,
  webDir: existsSync(path.join(webDir, 'index.html')) ? webDir : undefined,
});
phases.mark('app built');
await app.listen({ port, host });
phases.mark('listening');
// The start-up runs of the daily jobs begin a moment after the server answers (issue 12 §8), so its first answers
// (health, the workbench's files, a login) are not queued behind the sweep on the embedded database's one connection;
// the demo city's flags follow about three seconds after health, announced by the "规则评估 Rules evaluated" line.
const jobsDelayMs = Number(process.env.STARTUP_JOBS_DELAY_MS ?? 2000);
const startupJobs = setTimeout(() => {
  void scheduler?.runNow('rules-sweep');
  void scheduler?.runNow('talk-duties');
  void scheduler?.runNow('decision-proposals');
  void scheduler?.runNow('interference-reports');
}, jobsDelayMs);

const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
console.log(`\n明鉴 Mingjian 已启动 ready in ${Date.now() - started} ms — ${url}`);
console.log(`启动阶段 Start-up phases: ${phases.summary()}`);
console.log(
  `数据库 Database: ${ctx.engine === 'pglite' ? `PGlite (embedded) ${process.env.DATA_DIR ?? 'data'}/pg` : 'PostgreSQL'}`,
);
if (ctx.trailCheckpoints) console.log(`留痕检查点 Trail checkpoints: ${ctx.trailCheckpoints}`);
console.log(`工作台 Workbench: ${url}/   接口文档 API docs: ${url}/api/docs`);
if (demo) {
  console.log(`\n示例账号 Demo accounts (password 密码: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) {
    console.log(
      `  ${a.username.padEnd(21)} ${a.displayName}${a.totpSecret ? `  [TOTP secret ${a.totpSecret}; npm run demo:totp]` : ''}`,
    );
  }
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    clearTimeout(startupJobs);
    // Bounded (issue 13 §3): a request or job that does not finish in time does not keep the data directory locked.
    const limitMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
    setTimeout(() => {
      console.error(`停止超时，强制退出 Shutdown took longer than ${limitMs} ms; exiting`);
      process.exit(1);
    }, limitMs).unref();
    console.log(`正在停止 Stopping (${signal})…`);
    // The scheduler stops with the server (waiting briefly for a running job) before the database closes under it.
    await Promise.all([scheduler?.stop(), app.close()]);
    await checkpoints?.stop(); // the last checkpoint, after the last write
    await booted.close();
    console.log('已停止 Stopped.');
    process.exit(0);
  });
}
