// issue 11 §7: an error the database raises for bad input answers in the bilingual format naming the field, never
// the constraint (`relations_cadre_id_relative_cadre_id_key` was in the 409), a table or the database's words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { fromDatabaseError } from './db-errors.js';

let t: TestApp;
let org: Client;
beforeAll(async () => {
  t = await startTestApp();
  await loadSmallTree(t);
  org = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
});
afterAll(() => t.close());

const INTERNALS = /_key|_fkey|_check|relations|cadres|constraint|violates|FST_/;

/** The error the database itself raises for a statement (a real one, on this engine). */
async function dbError(
  statement: ReturnType<typeof sql>,
  db: Parameters<ReturnType<typeof sql>['execute']>[0] = t.ctx.db,
): Promise<unknown> {
  try {
    await statement.execute(db);
  } catch (e) {
    return e;
  }
  throw new Error('the statement did not fail');
}

describe('database errors name the field (issue 11 §7)', () => {
  it('a duplicate relation is a 409 in words (issue 13 §6); a unique violation the database raises names the fields', async () => {
    const body = { relativeCadreId: CADRE.A_DEPT, kind: 'spouse' };
    expect((await org.post(`/api/v1/cadres/${CADRE.A}/relations`, body)).statusCode).toBe(201);
    const dup = await org.post(`/api/v1/cadres/${CADRE.A}/relations`, body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'RELATION_EXISTS',
      messageZh: '这两名干部之间已登记过亲属关系',
      messageEn: 'A relation between these two cadres is already recorded',
    });
    // Past the service's own check (a race, or a writer that skips it), the key's violation still names no constraint.
    const raw = await dbError(
      sql`insert into relations (cadre_id, relative_cadre_id, kind, created_at) values (${CADRE.A}, ${CADRE.A_DEPT}, 'spouse', now())`,
    );
    const e = fromDatabaseError(raw)!;
    expect(e.status).toBe(409);
    expect(e.code).toBe('DUPLICATE');
    expect(`${e.messageZh} ${e.messageEn}`).not.toMatch(INTERNALS);
    expect((e.details as Array<{ path: string }>).map((d) => d.path)).toContain('relativeCadreId');
  });

  it('a value the database cannot store (an id beyond its integer range) names its field in the message and details', async () => {
    for (const [res, field, name] of [
      [
        await org.post(`/api/v1/orgs/${ORG.A_TOWN}/move`, { newParentId: 2 ** 31, reason: '区划调整' }),
        'newParentId',
        '新的上级单位',
      ],
      [await org.get('/api/v1/cadres?orgId=2147483648'), 'orgId', '单位'],
    ] as const) {
      expect(res.statusCode, res.body).toBe(400);
      const e = res.json().error;
      // Named as the form names it (issue 13 §6); the key only in the details, for the form.
      expect(e.messageZh, res.body).toContain(`：${name}`);
      expect(e.messageZh + e.messageEn, res.body).not.toContain(field);
      expect(e.details[0].path).toBe(field);
    }
  });

  it('foreign-key, not-null, check and length errors raised by the database name their column, never the constraint', async () => {
    // No column of the schema is varchar(n) today; a temporary one (on one connection) shows what a length error answers.
    const tooLong = await t.ctx.db.connection().execute(async (db) => {
      await sql`create temporary table length_probe (v varchar(20))`.execute(db);
      return dbError(sql`insert into length_probe values (${'x'.repeat(30)})`, db);
    });
    const cases: Array<[unknown, Parameters<typeof fromDatabaseError>[1], number, string | null]> = [
      [
        await dbError(
          sql`insert into relations (cadre_id, relative_cadre_id, kind, created_at) values (${CADRE.A}, 999999, 'x', now())`,
        ),
        undefined,
        400,
        'relativeCadreId',
      ],
      [await dbError(sql`update cadres set name = null where id = ${CADRE.A}`), undefined, 400, 'name'],
      [await dbError(sql`update cadres set gender = 'X' where id = ${CADRE.A}`), undefined, 400, 'gender'],
      [tooLong, { body: { note: 'short', summary: 'x'.repeat(30) } }, 400, 'summary'],
      [await dbError(sql`select ${'2026-02-30'}::date`), { query: { from: '2026-02-30' } }, 400, 'from'],
      [await dbError(sql`delete from cadres where id = ${CADRE.A}`), undefined, 400, null],
    ];
    for (const [err, req, status, field] of cases) {
      const e = fromDatabaseError(err, req);
      expect(e?.status, String(err)).toBe(status);
      expect(`${e!.messageZh} ${e!.messageEn}`).not.toMatch(INTERNALS);
      if (field) expect((e!.details as Array<{ path: string }>)[0].path, String(err)).toBe(field);
    }
  });
});
