// Roster import and list export (issue 3 §3): a dry run names every bad row (sheet, row, column, reason) and writes
// nothing; the commit is all or nothing; scope applies to every unit and cadre a roster names; exports are trailed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipEntry } from '../../../test/zip.js';
import { loginAs, startTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { CADRE, loadSmallTree, ORG } from '../../../test/fixtures.js';
import { readWorkbook, writeWorkbook, XLSX_TYPE, type Cell } from '../../../platform/sheets/index.js';
import { makeIdCard } from '../index.js';
import { SHEETS } from './roster-columns.dicts.js';
import { LISTED_ISSUES } from './roster-import.service.js';

let t: TestApp;
let city: Client;
let countyB: Client;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T02:00:00Z' });
  await loadSmallTree(t);
  city = await loginAs(t, { role: 'org_supervisor', orgId: ORG.R, scope: 4 });
  countyB = await loginAs(t, { role: 'org_supervisor', orgId: ORG.B, scope: 4 });
});
afterAll(() => t.close());

const ID1 = makeIdCard('339802', '1981-04-05', 21);
const ID2 = makeIdCard('339802', '1983-08-09', 32);
const BAD = ID2.slice(0, 17) + (ID2[17] === '1' ? '2' : '1');

function workbook(parts: Partial<Record<keyof typeof SHEETS, Cell[][]>>) {
  return writeWorkbook(
    Object.entries(parts).map(([k, rows]) => ({
      name: SHEETS[k as keyof typeof SHEETS].name,
      columns: SHEETS[k as keyof typeof SHEETS].columns.map((title) => ({ title })),
      rows: rows!,
    })),
  );
}
const roster = (secondId = ID2) =>
  workbook({
    orgs: [['明湖区信访局', '明湖区', '县区', '政府部门', '339802']],
    cadres: [
      ['周一', ID1, '中共党员', '2005-07-01', '汉族', '339802', '339802', '明湖区信访局'],
      ['吴二', secondId, '群众', '', '', '', '', '明湖区信访局'],
    ],
    posts: [
      [ID1, '明湖区信访局', '局长', '行政主要负责人', '正科', '是', '2022-01-10', '', '明组〔2022〕3号'],
      [ID2, '明湖区信访局', '科员', '一般干部', '科员及以下', '否', '2019-09-01', '', ''],
    ],
    relations: [[ID1, ID2, '配偶', '']],
  });
const send = (c: Client, file: Buffer, dryRun: boolean) =>
  c.t.app.inject({
    method: 'POST',
    url: `/api/v1/roster/import?dryRun=${dryRun}`,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': XLSX_TYPE },
    payload: file,
  });
const count = async (table: 'cadres' | 'orgs' | 'posts' | 'relations' | 'trail') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const snapshot = async () => Promise.all((['cadres', 'orgs', 'posts', 'relations'] as const).map(count));

describe('roster import', () => {
  it('a dry run names the one bad row and writes nothing; the commit with it is refused whole', async () => {
    const before = await snapshot();
    const dry = await send(city, await roster(BAD), true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().ok).toBe(false);
    expect(dry.json().issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '干部', row: 3, column: '身份证号', reason: expect.stringMatching(/校验/) }),
      ]),
    );
    const commit = await send(city, await roster(BAD), false);
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.code).toBe('ROSTER_INVALID');
    expect(await snapshot()).toEqual(before);
  });

  it('a clean roster commits units, cadres, posts and relations together, with timeline, trail and flags', async () => {
    const before = await snapshot();
    const dry = await send(city, await roster(), true);
    expect(dry.json()).toMatchObject({ ok: true, issues: [], counts: { orgs: 1, cadres: 2, posts: 2, relations: 1 } });
    expect(await snapshot()).toEqual(before);
    const res = await send(city, await roster(), false);
    expect(res.statusCode).toBe(200);
    expect(await snapshot()).toEqual([before[0] + 2, before[1] + 1, before[2] + 2, before[3] + 2]);
    const unit = await t.ctx.db
      .selectFrom('orgs')
      .select(['id', 'path', 'parent_id'])
      .where('name', '=', '明湖区信访局')
      .executeTakeFirstOrThrow();
    expect(unit.parent_id).toBe(ORG.A);
    expect(unit.path).toBe(`1.2.${unit.id}`);
    const zhou = await t.ctx.db
      .selectFrom('cadres')
      .select(['id', 'birth_date', 'gender'])
      .where('id_card', '=', ID1)
      .executeTakeFirstOrThrow();
    expect(zhou.birth_date).toBe('1981-04-05');
    const dossier = (await city.get(`/api/v1/cadres/${zhou.id}`)).json();
    expect(dossier.relations[0]).toMatchObject({ kind: 'spouse' });
    const wu = await t.ctx.db.selectFrom('cadres').select('id').where('id_card', '=', ID2).executeTakeFirstOrThrow();
    // A spouse as staff in the unit the cadre heads: the M-06 flag is there right after the import.
    expect(dossier.flags.some((f: { ruleId: string }) => f.ruleId === 'M-06')).toBe(true);
    expect((await city.get(`/api/v1/cadres/${wu.id}/timeline`)).json().total).toBeGreaterThanOrEqual(3);
    // Issue 12 §1: the new principal's appointment talk (M-22) opened with the import, owed by the district's principal.
    const m22 = await t.ctx.db
      .selectFrom('duties')
      .select(['owner_cadre_id', 'due_on'])
      .where('rule_id', '=', 'M-22')
      .where('subject_cadre_id', '=', zhou.id)
      .execute();
    expect(m22).toEqual([{ owner_cadre_id: CADRE.A, due_on: '2022-02-09' }]);
    const trail = await t.ctx.db
      .selectFrom('trail')
      .select(['action', 'detail'])
      .where('action', '=', 'roster.import')
      .executeTakeFirstOrThrow();
    expect(trail.detail).toMatchObject({ cadres: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('the same roster again: every ID number is already on file, nothing is written', async () => {
    const before = await snapshot();
    const dry = (await send(city, await roster(), true)).json();
    expect(dry.ok).toBe(false);
    expect(dry.issues.filter((i: { reason: string }) => i.reason === '该身份证号已有干部档案')).toHaveLength(2);
    expect(await snapshot()).toEqual(before);
  });

  it('a county cannot place anyone in the sibling county: the unit is “not found” for it', async () => {
    const file = await workbook({
      posts: [
        [
          makeIdCard('339802', '1975-09-09', 12),
          '明湖区',
          '区长',
          '行政主要负责人',
          '正处',
          '是',
          '2024-01-01',
          '',
          '',
        ],
      ],
    });
    const issues = (await send(countyB, file, true)).json().issues as Array<{ column: string; reason: string }>;
    expect(issues.map((i) => i.column)).toEqual(expect.arrayContaining(['身份证号', '任职单位']));
    expect(issues.find((i) => i.column === '任职单位')!.reason).toContain('不在您的范围内');
  });

  it('names bad dates, unknown dictionary values, missing columns and answers non-xlsx bodies with 4xx', async () => {
    const file = await workbook({
      posts: [[String(CADRE.A), '明湖区', '', '局长', '处级', '也许', '2020-13-01', '', '']],
    });
    const issues = (await send(city, file, true)).json().issues as Array<{ column: string }>;
    expect(issues.map((i) => i.column)).toEqual(
      expect.arrayContaining(['身份证号', '职务', '职级', '是否一把手', '任职时间']),
    );
    const noColumn = await writeWorkbook([{ name: '干部', columns: [{ title: '姓名' }], rows: [['某人']] }]);
    expect((await send(city, noColumn, true)).json().issues[0]).toMatchObject({
      row: 1,
      column: '身份证号',
      reason: '缺少此列',
    });
    const notXlsx = await send(city, Buffer.from('name,id\n'), true);
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('BAD_FILE');
    expect((await city.post('/api/v1/roster/import?dryRun=true', { rows: [] })).statusCode).toBe(415);
  });

  it('a file with thousands of bad rows lists the first 500 problems in row order and counts every one', async () => {
    const rows = Array.from({ length: 700 }, (_, i) => [`某${i}`, BAD, '群众', '', '', '', '', '明湖区']);
    const dry = (await send(city, await workbook({ cadres: rows }), true)).json();
    expect(dry.issueCount).toBe(700);
    expect(dry.issues).toHaveLength(LISTED_ISSUES);
    expect(dry.issues[0]).toMatchObject({ row: 2, column: '身份证号' });
    expect(dry.issues.at(-1)).toMatchObject({ row: LISTED_ISSUES + 1 });
    const commit = await send(city, await workbook({ cadres: rows }), false);
    expect(commit.json().error.message).toMatch(/700 处问题/);
    expect(commit.json().error.details).toHaveLength(LISTED_ISSUES);
  });
});

describe('roster import, found by a new user', () => {
  it('a roster of units only commits (200) — no cadres to re-evaluate is not an error', async () => {
    const res = await send(city, await workbook({ orgs: [['明湖区档案馆', '明湖区', '县区', '事业单位', '']] }), false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, counts: { orgs: 1, cadres: 0 } });
  });

  it('refuses a unit whose parent already has one of that name, in the dry run and in the API', async () => {
    const before = await snapshot();
    const dry = (
      await send(city, await workbook({ orgs: [['明湖区财政局', '明湖区', '县区', '政府部门', '']] }), true)
    ).json();
    expect(dry.issues).toEqual([
      expect.objectContaining({ sheet: '单位', row: 2, column: '单位名称', reason: '上级单位下已有同名单位' }),
    ]);
    const api = await city.post('/api/v1/orgs', {
      parentId: ORG.A,
      name: '明湖区财政局',
      level: 'county',
      unitType: 'gov_department',
    });
    expect(api.statusCode).toBe(409);
    expect(api.json().error.code).toBe('ORG_EXISTS');
    expect(await snapshot()).toEqual(before);
  });

  it('a bad cadre row is named once; its posts point back to it instead of saying “not found”', async () => {
    const dry = (
      await send(
        city,
        await workbook({
          cadres: [['吴三', BAD, '群众', '', '', '', '', '明湖区']],
          posts: [[BAD, '明湖区', '科员', '一般干部', '科员及以下', '否', '2019-09-01', '', '']],
        }),
        true,
      )
    ).json();
    const post = dry.issues.find((i: { sheet: string }) => i.sheet === '任职');
    expect(post.reason).toBe('该干部在“干部”表第 2 行有误，请先改正该行');
  });

  it('the downloadable template passes its own dry run', async () => {
    const file = (await city.get('/api/v1/roster/template.xlsx')).rawPayload;
    const dry = (await send(city, file, true)).json();
    expect(dry).toMatchObject({ ok: true, issues: [], counts: { orgs: 1, cadres: 2, posts: 1, relations: 1 } });
  });

  it('tells an impossible date from a badly written one', async () => {
    const issues = (
      await send(
        city,
        await workbook({
          posts: [[ID1, '明湖区', '科员', '一般干部', '科员及以下', '否', '2016-02-30', '20160301', '']],
        }),
        true,
      )
    ).json().issues;
    expect(issues.map((i: { reason: string }) => i.reason)).toEqual(
      expect.arrayContaining(['不存在的日期：2016-02-30', '日期格式应为 YYYY-MM-DD：20160301']),
    );
  });
});

describe('exports', () => {
  it('exports the cadre list in scope as .xlsx, masked, and trails the export', async () => {
    const res = await countyB.get('/api/v1/cadres/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_TYPE);
    const [sheet] = await readWorkbook(res.rawPayload);
    const total = (await countyB.get('/api/v1/cadres')).json().total;
    expect(sheet.rows.length - 1).toBe(total);
    expect(sheet.rows.map((r) => r[0])).not.toContain('王区长'); // 明湖区 is not county B's
    expect(JSON.stringify(sheet.rows)).toMatch(/\*{8}/);
    const last = await t.ctx.db
      .selectFrom('trail')
      .select(['action', 'detail'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'cadre.export', detail: { rows: total } });
    expect((await city.get('/api/v1/roster/template.xlsx')).statusCode).toBe(200);
    expect((await city.get('/api/v1/flags/M-07/export.xlsx')).statusCode).toBe(200);
  });
});

describe('yearly dossier (.docx)', () => {
  it('lays out the volume like an official document: issuer, 文号, title, 仿宋 body, every archive section; trailed', async () => {
    const res = await city.get(`/api/v1/cadres/${CADRE.A}/dossier.docx?year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = zipEntry(res.rawPayload, 'word/document.xml');
    for (const text of [
      '示例市',
      '明鉴档〔2026〕2号',
      '王区长同志2026年度廉政档案',
      '仿宋_GB2312',
      '黑体',
      '一、基本情况',
      '七、廉政档案分项',
      '房产：无记录。',
    ]) {
      expect(xml, text).toContain(text);
    }
    expect(xml).not.toContain(
      (await t.ctx.db.selectFrom('cadres').select('id_card').where('id', '=', CADRE.A).executeTakeFirstOrThrow())
        .id_card,
    );
    const last = await t.ctx.db
      .selectFrom('trail')
      .select(['action', 'detail'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'cadre.dossier_export', detail: { year: 2026 } });
  });

  it('is a 404 outside the caller’s scope and a 400 for a nonsense year', async () => {
    expect((await countyB.get(`/api/v1/cadres/${CADRE.A}/dossier.docx`)).statusCode).toBe(404);
    expect((await city.get(`/api/v1/cadres/${CADRE.A}/dossier.docx?year=99`)).statusCode).toBe(400);
  });
});
