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
import { toCstDate } from './platform/clock/index.js';
import { SYSTEM_ACTOR } from './platform/trail/index.js';

const started = Date.now();
const databaseUrl = process.env.DATABASE_URL || undefined;
const demo = (process.env.MINGJIAN_DEMO ?? (databaseUrl ? 'false' : 'true')) === 'true';
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const booted = await boot({ databaseUrl, demo });
const { ctx } = booted;
if (demo && (await isEmpty(ctx))) {
  const t = Date.now();
  const n = await seedDemo(ctx);
  console.log(`示例数据已载入 Demo data loaded: ${n.orgs} 个单位 units, ${n.cadres} 名干部 cadres, ${n.reports} 件举报 reports, ${n.clues} 条线索 clues, ${n.talks} 次谈话 talks, ${n.duties} 项监督义务 duties (${Date.now() - t} ms)`);
}
// Rule flags (M-04 … M-07) are evaluated at start and every day after, so tenure counts move with the calendar.
// The demo city is small enough to wait for; a large registry is swept in the background.
const sweepNow = () => sweepAll(ctx, SYSTEM_ACTOR)
  .then((r) => console.log(`规则评估 Rules evaluated: ${r.cadres} 名干部 cadres, ${r.flags} 条提示 flags (${r.ms} ms)`))
  .catch((e) => console.error('规则评估失败 Sweep failed', e));
if (demo) await sweepNow(); else void sweepNow();
setInterval(sweepNow, 24 * 3600_000).unref();
// Duties of superior principals (M-22, M-23) for the current year, opened daily by the same in-process job on either
// engine (idempotent). A kept PostgreSQL job library for several servers is left for later (see README).
const dutiesNow = () => {
  const year = toCstDate(ctx.clock.now()).slice(0, 4);
  return generateDuties(ctx, SYSTEM_ACTOR, { from: `${year}-01-01`, to: `${year}-12-31` })
    .then((r) => console.log(`监督义务 Duties opened: ${r.periodic + r.appointments} (${r.ms} ms)`))
    .then(() => remindDuties(ctx, SYSTEM_ACTOR))
    .catch((e) => console.error('监督义务生成失败 Duty job failed', e));
};
void dutiesNow();
setInterval(dutiesNow, 24 * 3600_000).unref();
const webDir = fileURLToPath(new URL('../../web/dist', import.meta.url));
const app = await buildApp(ctx, { logger: process.env.LOG === 'true', webDir: existsSync(path.join(webDir, 'index.html')) ? webDir : undefined });
await app.listen({ port, host });

const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
console.log(`\n明鉴 Mingjian 已启动 ready in ${Date.now() - started} ms — ${url}`);
console.log(`数据库 Database: ${ctx.engine === 'pglite' ? `PGlite (embedded) ${process.env.DATA_DIR ?? 'data'}/pg` : 'PostgreSQL'}`);
console.log(`工作台 Workbench: ${url}/   接口文档 API docs: ${url}/api/docs`);
if (demo) {
  console.log(`\n示例账号 Demo accounts (password 密码: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) {
    console.log(`  ${a.username.padEnd(21)} ${a.displayName}${a.totpSecret ? `  [TOTP secret ${a.totpSecret}; npm run demo:totp]` : ''}`);
  }
}

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await booted.close();
    process.exit(0);
  });
}
