// `npm run create-admin` on a new embedded installation (issue 13 §2): refuses a weak password and an empty unit tree
// without writing anything, creates the top-level unit and the administrator, refuses a second administrator; the
// administrator logs in outside demo mode and creates an account that logs in too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boot } from '../bootstrap.js';
import { buildApp } from '../app.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const GOOD = 'Lake-river-7-stones';
const run = (dir: string, password: string, ...args: string[]) => {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dir, MINGJIAN_ADMIN_PASSWORD: password };
  delete env.DATABASE_URL;
  delete env.MINGJIAN_DEMO;
  return spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/create-admin.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
};

describe('npm run create-admin', () => {
  it.skipIf(!!process.env.DATABASE_URL)(
    'makes the first administrator of a new installation, once',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mj-admin-'));
      try {
        const weak = run(dir, 'short-pass', '--username', 'it_admin', '--unit', '示例市委');
        expect(weak.status).toBe(2);
        expect(weak.stderr).toContain('密码至少 12 个字符');
        const noUnit = run(dir, GOOD, '--username', 'it_admin');
        expect(noUnit.status).toBe(2);
        expect(noUnit.stderr).toContain('单位树为空');
        const made = run(dir, GOOD, '--username', 'it_admin', '--name', '信息中心管理员', '--unit', '示例市委');
        expect(made.status, made.stderr).toBe(0);
        expect(made.stdout).toContain('管理员 it_admin 已建立');
        const second = run(dir, GOOD, '--username', 'it_admin2');
        expect(second.status).toBe(2);
        expect(second.stderr).toContain('已有管理员账号 it_admin');

        const b = await boot({ dataDir: dir, demo: false, checkpointFile: null });
        try {
          expect(await b.ctx.db.selectFrom('orgs').select('name').execute()).toEqual([{ name: '示例市委' }]);
          const app = await buildApp(b.ctx);
          const login = async (username: string, password: string) => {
            const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
            expect(r.statusCode, r.body).toBe(200);
            return { cookie: String(r.headers['set-cookie']).split(';')[0], csrf: r.json().csrfToken as string };
          };
          const admin = await login('it_admin', GOOD);
          const org = (await b.ctx.db.selectFrom('orgs').select('id').executeTakeFirstOrThrow()).id;
          const created = await app.inject({
            method: 'POST',
            url: '/api/v1/accounts',
            headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
            payload: {
              username: 'zhang_san',
              displayName: '张三',
              password: 'Quiet-harbour-41',
              role: 'org_supervisor',
              orgId: org,
              scope: 4,
            },
          });
          expect(created.statusCode, created.body).toBe(201);
          await login('zhang_san', 'Quiet-harbour-41');
          await app.close();
        } finally {
          await b.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  ); // four CLI processes and a boot: 36 s on a loaded 2-core machine (CI, 2026-12-02)
});
