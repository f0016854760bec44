// M-24 the responsibility list: the dry run names every bad row and writes nothing; the import writes all or nothing;
// leaders are linked when their name is unambiguous; progress moves by its table, by the lead leader or the department.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loginAs, startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../test/fixtures.js';
import { writeWorkbook, XLSX_TYPE, type Cell } from '../../platform/sheets/index.js';
import { COLUMNS, isDateLike, parseDue } from './responsibilities.service.js';

let t: TestApp;
let countyA: Client;
const book = (rows: Cell[][]) => writeWorkbook([{ name: '清单', columns: COLUMNS.map((title) => ({ title })), rows }]);
const upload = async (c: Client, rows: Cell[][], q: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/responsibilities/import?${q}`,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': XLSX_TYPE },
    payload: await book(rows),
  });
const count = async () =>
  Number((await sql<{ n: string }>`select count(*) n from responsibility_tasks`.execute(t.ctx.db)).rows[0].n);

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
  await loadSmallTree(t);
  countyA = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
});
afterAll(() => t.close());

describe('deadlines as lists write them', () => {
  it('reads dates, month ends and year ends; leaves the rest as text', () => {
    expect(parseDue('2026-06-30')).toBe('2026-06-30');
    expect(parseDue('2026年6月30日前')).toBe('2026-06-30');
    expect(parseDue('2026年2月底')).toBe('2026-02-28');
    expect(parseDue('2028年2月底')).toBe('2028-02-29');
    expect(parseDue('2026年底')).toBe('2026-12-31');
    expect(parseDue('2026年2月30日')).toBeNull();
    expect(parseDue('长期坚持')).toBeNull();
    // Other ways lists write them (a new-user trial brought these): a month is its last day, halves and quarters too.
    expect(parseDue('2026/6/30')).toBe('2026-06-30');
    expect(parseDue('2026.6.30')).toBe('2026-06-30');
    expect(parseDue('2026年6月')).toBe('2026-06-30');
    expect(parseDue('2026年2月前')).toBe('2026-02-28');
    expect(parseDue('2026年上半年')).toBe('2026-06-30');
    expect(parseDue('2026年下半年')).toBe('2026-12-31');
    expect(parseDue('2026年第三季度')).toBe('2026-09-30');
    expect(parseDue('2026年一季度')).toBe('2026-03-31');
    expect(parseDue('2026年')).toBe('2026-12-31');
    for (const bad of ['2026年13月', '2026-02-30', '2026年6月31日', '2026/13/1']) {
      expect(parseDue(bad), bad).toBeNull();
      expect(isDateLike(bad), bad).toBe(true);
    }
    expect(isDateLike('长期坚持')).toBe(false);
  });
});

describe('responsibility list (M-24)', () => {
  const good: Cell[][] = [
    [1, '每半年专题研究一次党风廉政建设工作', '王区长', '明湖区', '区纪委监委', '会议纪要', '2026年6月底'],
    [2, '开展一把手监督专项检查', '不存在的领导', '明湖区财政局', null, '检查报告', '长期坚持'],
  ];

  it('the dry run names every bad row and writes nothing; a file with errors is never written', async () => {
    const bad = await upload(
      countyA,
      [
        ...good,
        [2, '', null, null, null, null, null],
        ['x', '任务', null, null, null, null, null],
        [9, '任务九', null, null, null, null, '2026年13月'],
      ],
      'orgId=2&listName=2026年清单&dryRun=false',
    );
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json()).toMatchObject({ written: 0 });
    expect(bad.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '4:序号',
      '4:工作任务',
      '5:序号',
      '6:完成时限',
    ]);
    expect(await count()).toBe(0);
    const dry = (await upload(countyA, good, 'orgId=2&listName=2026年清单')).json();
    expect(dry).toMatchObject({ rows: 2, errors: [], written: 0, linkedLeaders: 1 });
    expect(dry.warnings).toEqual([expect.objectContaining({ row: 3, column: '牵头领导' })]);
    expect(await count()).toBe(0);
  });

  it('imports all rows at once, refuses the same list twice, a unit outside the scope and a file that is not .xlsx', async () => {
    expect((await upload(countyA, good, 'orgId=2&listName=2026年清单&dryRun=false')).json()).toMatchObject({
      written: 2,
    });
    expect((await upload(countyA, good, 'orgId=2&listName=2026年清单&dryRun=false')).json().error.code).toBe(
      'LIST_EXISTS',
    );
    expect((await upload(countyA, good, `orgId=${ORG.B}&listName=青石区清单&dryRun=false`)).statusCode).toBe(404);
    const notXlsx = await t.app.inject({
      method: 'POST',
      url: '/api/v1/responsibilities/import?orgId=2&listName=x&dryRun=false',
      headers: { cookie: countyA.cookie, 'x-csrf-token': countyA.csrf, 'content-type': XLSX_TYPE },
      payload: Buffer.from('PK\u0003\u0004 not really'),
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(await count()).toBe(2);
    const list = (await countyA.get(`/api/v1/responsibilities?orgId=${ORG.A}`)).json().items;
    expect(list).toMatchObject([
      { seq: 1, leadCadreId: CADRE.A, dueOn: '2026-06-30', status: 'not_started', overdue: false },
      { seq: 2, leadCadreId: null, leadLeader: '不存在的领导', dueOn: null, dueText: '长期坚持' },
    ]);
  });

  it('progress: the lead leader or the department, by the table; overdue after the deadline', async () => {
    const [first, second] = (await countyA.get(`/api/v1/responsibilities?orgId=${ORG.A}`)).json().items;
    const lead = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A });
    const other = await loginAs(t, { role: 'committee_leader', orgId: ORG.A, scope: 4, cadreId: CADRE.A_TOWN });
    expect((await other.patch(`/api/v1/responsibilities/${first.id}`, { status: 'in_progress' })).statusCode).toBe(403);
    expect((await lead.patch(`/api/v1/responsibilities/${first.id}`, { status: 'done' })).statusCode).toBe(400); // no completion date
    expect(
      (
        await lead.patch(`/api/v1/responsibilities/${first.id}`, {
          status: 'in_progress',
          progress: '已召开一次专题会',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await lead.patch(`/api/v1/responsibilities/${first.id}`, { status: 'not_started' })).json().error.code,
    ).toBe('BAD_STATE');
    // A status change alone keeps the progress already written.
    expect(
      (await lead.patch(`/api/v1/responsibilities/${first.id}`, { status: 'done', completedOn: '2026-03-01' }))
        .statusCode,
    ).toBe(200);
    expect((await lead.patch(`/api/v1/responsibilities/${first.id}`, { status: 'in_progress' })).statusCode).toBe(200);
    expect((await countyA.get(`/api/v1/responsibilities?orgId=${ORG.A}`)).json().items[0]).toMatchObject({
      status: 'in_progress',
      progress: '已召开一次专题会',
      completedOn: null,
    });
    expect(
      (await countyA.patch(`/api/v1/responsibilities/${second.id}`, { status: 'done', completedOn: '2026-03-01' }))
        .statusCode,
    ).toBe(200);
    t.clock.set('2026-07-01T02:00:00Z');
    const later = await loginAs(t, { role: 'org_supervisor', orgId: ORG.A, scope: 4 });
    expect(
      (await later.get(`/api/v1/responsibilities?orgId=${ORG.A}&overdue=true`))
        .json()
        .items.map((x: { seq: number }) => x.seq),
    ).toEqual([1]);
  });
});
