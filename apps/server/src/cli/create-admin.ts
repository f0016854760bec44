// npm run create-admin -- --username NAME [--name 显示名] [--unit 单位名 [--level city]] (issue 13 §2)
// The first administrator of a real installation: scope “all” at the top-level unit, refused once an administrator
// exists. The password is asked twice without echo, or read from MINGJIAN_ADMIN_PASSWORD (scripts); weak ones are
// refused. An empty unit tree needs --unit: the top-level unit (a party committee at --level) is created first.
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { boot } from '../bootstrap.js';
import { createFirstAdmin, firstAdminProblem } from '../platform/auth/accounts-admin.service.js';
import type { Auth } from '../platform/auth/index.js';
import { AppError } from '../platform/http/errors.js';
import { SYSTEM_ACTOR } from '../platform/trail/index.js';
import { createOrg, orgCreate } from '../modules/registry/index.js';
import { fail } from './trail-cli.js';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    unit: { type: 'string' },
    level: { type: 'string' },
  },
});
const username =
  values.username ?? fail('用法 Usage: npm run create-admin -- --username NAME [--name 显示名] [--unit 单位名]');

/** One line from the terminal with nothing echoed. */
function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    fail('请在终端运行，或设置 MINGJIAN_ADMIN_PASSWORD Run in a terminal or set MINGJIAN_ADMIN_PASSWORD');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  out._writeToOutput = (s: string) => {
    if (s.startsWith(question)) out.output.write(question);
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

let password = process.env.MINGJIAN_ADMIN_PASSWORD;
if (!password) {
  password = await askHidden('密码 Password: ');
  if ((await askHidden('再输一次 Again: ')) !== password) fail('两次输入的密码不一致 The passwords differ');
}
const databaseUrl = process.env.DATABASE_URL || undefined;
const b = await boot({
  databaseUrl,
  migrationUrl: process.env.MIGRATION_DATABASE_URL || undefined,
  demo: false,
  templateCache: !databaseUrl,
  checkpointFile: null,
});
const actor = { ...SYSTEM_ACTOR, name: 'create-admin' };
try {
  // Every refusal before anything is written: no unit is made for an administrator that will not be.
  const problem = await firstAdminProblem(b.ctx.db, { username, password });
  if (problem) throw problem;
  const roots = await b.ctx.db.selectFrom('orgs').select(['id', 'name']).where('parent_id', 'is', null).execute();
  let orgId = (values.unit ? roots.find((r) => r.name === values.unit) : roots.length === 1 ? roots[0] : undefined)?.id;
  if (orgId == null && roots.length)
    fail(`请用 --unit 指明顶级单位 Name the top-level unit with --unit: ${roots.map((r) => r.name).join('、')}`);
  if (orgId == null) {
    if (!values.unit)
      fail('单位树为空，请用 --unit 给出顶级单位名称 The unit tree is empty: give the top-level unit with --unit');
    const system: Auth = {
      accountId: 0,
      username: 'create-admin',
      displayName: 'create-admin',
      role: 'admin',
      orgId: 0,
      scope: { code: 1, orgId: 0, orgPath: '', customOrgIds: [], cadreId: null },
      csrfToken: '',
      isHead: false,
    };
    const unit = orgCreate.safeParse({
      parentId: null,
      name: values.unit,
      level: values.level ?? 'city',
      unitType: 'party_committee',
    });
    if (!unit.success) fail('单位名称或层级不正确 The unit name or level is not valid');
    orgId = (await createOrg(b.ctx, system, actor, unit.data)).id;
  }
  await createFirstAdmin(b.ctx, actor, { username, displayName: values.name ?? username, password, orgId });
  console.log(`管理员 ${username} 已建立 Administrator ${username} created (scope: all, unit ${orgId}).`);
} catch (e) {
  if (e instanceof AppError) fail(`${e.messageZh} ${e.messageEn}`);
  throw e;
} finally {
  await b.close();
}
