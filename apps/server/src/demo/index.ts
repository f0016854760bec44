// Loads the demo city and its accounts into an empty database (demo mode only).
import type { AppContext } from '../platform/context.js';
import { createAccount, hashPassword } from '../platform/auth/index.js';
import { write, SYSTEM_ACTOR } from '../platform/trail/index.js';
import { generateRegistry } from './generate-registry.js';
import { loadRegistry } from './load-registry.js';
import { DEMO_CITY_OPTIONS } from './demo-city.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { seedDemoReports } from './demo-reports.js';
import { seedDemoTalks } from './demo-talks.js';
import { seedDemoActivities } from './demo-activities.js';
import { seedDemoDecisions } from './demo-decisions.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
export { generateRegistry, type GenOptions, type Registry } from './generate-registry.js';
export { loadRegistry } from './load-registry.js';
export { DEMO_CITY_OPTIONS } from './demo-city.js';

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  return !(await ctx.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst());
}

/** `onPhase` is told as each part is loaded (main.ts prints where the start-up's time went). */
export async function seedDemo(
  ctx: AppContext,
  onPhase: (name: string) => void = () => {},
): Promise<{
  orgs: number;
  cadres: number;
  reports: number;
  clues: number;
  talks: number;
  duties: number;
  activities: number;
  meetings: number;
}> {
  const actor = { ...SYSTEM_ACTOR, name: 'demo-seed' };
  const registry = generateRegistry(DEMO_CITY_OPTIONS);
  await loadRegistry(ctx.db, ctx.clock, actor, registry);
  onPhase('demo registry');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await write(ctx.db, ctx.clock, actor, async (w) => {
    for (const a of DEMO_ACCOUNTS) {
      const org = registry.orgs.find((o) => o.name === a.orgName);
      if (!org) throw new Error(`demo account ${a.username}: no unit ${a.orgName}`);
      const post = a.cadreTitle
        ? registry.posts.find((p) => p.orgId === org.id && p.title === a.cadreTitle && !p.endDate)
        : undefined;
      await createAccount(ctx, w, {
        username: a.username,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        passwordHash,
        role: a.role,
        orgId: org.id,
        scope: a.scope,
        cadreId: post?.cadreId ?? null,
        demo: true,
        totpSecret: a.totpSecret,
        isHead: a.isHead,
      });
    }
  });
  onPhase('demo accounts');
  // Reports and clues about cadres no demo account is linked to, so the demo accounts' own pages stay clean.
  const linked = (
    await ctx.db.selectFrom('accounts').select('cadre_id').where('cadre_id', 'is not', null).execute()
  ).map((a) => a.cadre_id!);
  const r = await seedDemoReports(ctx, linked);
  onPhase('demo reports');
  const talks = await seedDemoTalks(ctx);
  onPhase('demo talks');
  const work = await seedDemoActivities(ctx, linked);
  onPhase('demo activities');
  const decisions = await seedDemoDecisions(ctx);
  onPhase('demo decisions');
  return {
    orgs: registry.orgs.length,
    cadres: registry.cadres.length,
    reports: r.reports,
    clues: r.clues,
    talks: talks.talks,
    duties: talks.duties,
    activities: work.activities,
    meetings: decisions.meetings,
  };
}
