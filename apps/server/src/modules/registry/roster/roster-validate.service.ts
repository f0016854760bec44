// Reads a roster workbook into a plan of rows to write, and every problem as (sheet, row, column, reason) in Chinese
// and English. The same checks as the API: 身份证号, dictionaries, dates, scope. Nothing is written here.
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { Auth } from '../../../platform/auth/index.js';
import { toCstDate } from '../../../platform/clock/index.js';
import { cadreVisible, orgVisible } from '../../../platform/scope/index.js';
import { rowBreather, type Cell, type SheetIn } from '../../../platform/sheets/index.js';
import { parseIdCard } from '../id-card/index.js';
import { DICTS, type DictName } from '../registry.dicts.js';
import { generationFor } from '../relation.service.js';
import { yearAfter } from '../registry.dates.js';
import { addDays } from '../rules/rule-dates.rules.js';
import { REQUIRED, SHEETS, type SheetKey } from './roster-columns.dicts.js';

export interface Issue {
  sheet: string;
  row: number;
  column: string;
  reason: string;
  reasonEn: string;
}
export type OrgRef = { id: number } | { temp: string };
export type CadreRef = { id: number } | { temp: string };
export interface PlanOrg {
  row: number;
  name: string;
  parent: OrgRef;
  level: string;
  unitType: string;
  regionCode: string | null;
}
export interface PlanCadre {
  row: number;
  name: string;
  idCard: string;
  gender: 'M' | 'F';
  birthDate: string;
  partyStatus: string;
  partyJoinedOn: string | null;
  ethnicity: string | null;
  birthplaceCode: string | null;
  growthPlaceCode: string | null;
  org: OrgRef;
}
export interface PlanPost {
  row: number;
  cadre: CadreRef;
  org: OrgRef;
  title: string;
  postKind: string;
  rank: string;
  isPrincipal: boolean;
  startDate: string;
  endDate: string | null;
  appointDoc: string | null;
}
export interface PlanRelation {
  row: number;
  a: CadreRef;
  b: CadreRef;
  kind: string;
  generation: number | null;
}
export interface Plan {
  orgs: PlanOrg[];
  cadres: PlanCadre[];
  posts: PlanPost[];
  relations: PlanRelation[];
}

type Row = Record<string, string>;
const text = (v: Cell | undefined) => (v === null || v === undefined ? '' : String(v).trim());

/** Sheets by our names, each row as { column title: text }, with its spreadsheet row number (header = 1). */
async function tables(
  sheets: SheetIn[],
  issues: Issue[],
  breathe: () => Promise<void>,
): Promise<Partial<Record<SheetKey, Array<{ row: number; cells: Row }>>>> {
  const out: Partial<Record<SheetKey, Array<{ row: number; cells: Row }>>> = {};
  for (const [key, def] of Object.entries(SHEETS) as Array<[SheetKey, (typeof SHEETS)[SheetKey]]>) {
    const sheet = sheets.find((s) => s.name === def.name);
    if (!sheet) continue;
    const header = (sheet.rows[0] ?? []).map(text);
    for (const need of REQUIRED[key]) {
      if (!header.includes(need))
        issues.push({ sheet: def.name, row: 1, column: need, reason: '缺少此列', reasonEn: 'missing column' });
    }
    const rows: Array<{ row: number; cells: Row }> = [];
    for (let i = 1; i < sheet.rows.length; i++) {
      const cells: Row = Object.fromEntries(header.map((h, j) => [h, text(sheet.rows[i][j])]));
      if (Object.values(cells).some((v) => v !== '')) rows.push({ row: i + 1, cells });
      await breathe();
    }
    out[key] = rows;
  }
  if (!Object.keys(out).length) {
    issues.push({
      sheet: '',
      row: 0,
      column: '',
      reason: `没有可识别的工作表（应为：${Object.values(SHEETS)
        .map((s) => s.name)
        .join('、')}）`,
      reasonEn: `no known sheet (expected: ${Object.values(SHEETS)
        .map((s) => s.name)
        .join(', ')})`,
    });
  }
  return out;
}

/** A dictionary entry by its Chinese label or its code. */
function dictCode(dict: DictName, v: string): string | null {
  const e = (DICTS[dict] as ReadonlyArray<readonly [string, string, string, unknown?]>).find(
    ([code, zh]) => v === zh || v === code,
  );
  return e ? e[0] : null;
}

function isoDate(v: string): string | null {
  const m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(v);
  if (!m) return null;
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const parsed = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d ? d : null;
}

export async function validateRoster(
  ctx: AppContext,
  auth: Auth,
  sheets: SheetIn[],
): Promise<{ plan: Plan; issues: Issue[] }> {
  const issues: Issue[] = [];
  const breathe = rowBreather();
  const t = await tables(sheets, issues, breathe);
  const plan: Plan = { orgs: [], cadres: [], posts: [], relations: [] };
  const today = toCstDate(ctx.clock.now());
  const latest = yearAfter(today);
  const bad = (sheet: SheetKey, row: number, column: string, reason: string, reasonEn: string) => {
    issues.push({ sheet: SHEETS[sheet].name, row, column, reason, reasonEn });
    return null;
  };
  const need = (sheet: SheetKey, row: number, cells: Row, column: string) =>
    cells[column] || bad(sheet, row, column, '必填', 'required');
  const date = (sheet: SheetKey, row: number, cells: Row, column: string, max: string) => {
    const v = cells[column];
    if (!v) return null;
    const d = isoDate(v);
    if (!d) {
      return /^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$/.test(v)
        ? bad(sheet, row, column, `不存在的日期：${v}`, `no such date: ${v}`)
        : bad(sheet, row, column, `日期格式应为 YYYY-MM-DD：${v}`, `date must be YYYY-MM-DD: ${v}`);
    }
    if (d > max) return bad(sheet, row, column, `日期不能晚于 ${max}`, `date cannot be after ${max}`);
    return d;
  };
  const dict = (sheet: SheetKey, row: number, cells: Row, column: string, name: DictName) => {
    const v = need(sheet, row, cells, column);
    if (!v) return null;
    return dictCode(name, v) ?? bad(sheet, row, column, `不是有效的${column}：${v}`, `not a known value: ${v}`);
  };

  // Units named in the file, then the existing units in scope that the file names.
  const fileOrgs = new Map<string, number>();
  for (const { row, cells } of t.orgs ?? []) {
    const name = cells['单位名称'];
    if (name && fileOrgs.has(name))
      bad('orgs', row, '单位名称', `与第 ${fileOrgs.get(name)} 行重名`, `same name as row ${fileOrgs.get(name)}`);
    else if (name) fileOrgs.set(name, row);
  }
  const orgNames = new Set<string>();
  for (const r of t.orgs ?? []) orgNames.add(r.cells['上级单位']);
  for (const r of t.cadres ?? []) orgNames.add(r.cells['档案管理单位']);
  for (const r of t.posts ?? []) orgNames.add(r.cells['任职单位']);
  const names = [...orgNames].filter((n) => n && !n.startsWith('#') && !fileOrgs.has(n));
  const ids = [...orgNames].filter((n) => /^#\d{1,9}$/.test(n)).map((n) => Number(n.slice(1)));
  const existing =
    names.length || ids.length
      ? await ctx.db
          .selectFrom('orgs')
          .select(['id', 'name'])
          .where(orgVisible(auth.scope, 'orgs'))
          .where((eb) => eb.or([eb('name', 'in', names.length ? names : ['']), eb('id', 'in', ids.length ? ids : [0])]))
          .execute()
      : [];
  const orgRef = (sheet: SheetKey, row: number, column: string, v: string): OrgRef | null => {
    if (!v) return bad(sheet, row, column, '必填', 'required');
    if (v.startsWith('#')) {
      const hit = existing.find((o) => `#${o.id}` === v);
      return hit
        ? { id: hit.id }
        : bad(sheet, row, column, `找不到单位 ${v}（或不在您的范围内）`, `no unit ${v} in your scope`);
    }
    if (fileOrgs.has(v)) return { temp: v };
    const hits = existing.filter((o) => o.name === v);
    if (hits.length === 1) return { id: hits[0].id };
    return hits.length
      ? bad(
          sheet,
          row,
          column,
          `单位名称“${v}”不唯一，请填写单位编号（如 #${hits[0].id}）`,
          `unit name "${v}" is ambiguous; use its number (e.g. #${hits[0].id})`,
        )
      : bad(sheet, row, column, `找不到单位“${v}”（或不在您的范围内）`, `no unit "${v}" in your scope`);
  };

  for (const { row, cells } of t.orgs ?? []) {
    await breathe();
    const name = need('orgs', row, cells, '单位名称');
    const parent = orgRef('orgs', row, '上级单位', cells['上级单位']);
    if (parent && 'temp' in parent && parent.temp === name)
      bad('orgs', row, '上级单位', '不能是本单位', 'cannot be the unit itself');
    const level = dict('orgs', row, cells, '层级', 'org_level');
    const unitType = dict('orgs', row, cells, '单位类型', 'unit_type');
    const region = cells['行政区划代码'] || null;
    if (region && !/^\d{6}$/.test(region)) bad('orgs', row, '行政区划代码', '应为 6 位数字', 'must be 6 digits');
    if (name && name.length > 100) bad('orgs', row, '单位名称', '不超过 100 字', 'at most 100 characters');
    if (name && parent && level && unitType) plan.orgs.push({ row, name, parent, level, unitType, regionCode: region });
  }
  const underExisting = plan.orgs.filter((o) => 'id' in o.parent);
  if (underExisting.length) {
    const clash = await ctx.db
      .selectFrom('orgs')
      .select(['name', 'parent_id'])
      .where(
        'name',
        'in',
        underExisting.map((o) => o.name),
      )
      .where(
        'parent_id',
        'in',
        underExisting.map((o) => (o.parent as { id: number }).id),
      )
      .execute();
    for (const c of clash) {
      const o = underExisting.find((x) => x.name === c.name && (x.parent as { id: number }).id === c.parent_id);
      if (!o) continue;
      bad('orgs', o.row, '单位名称', '上级单位下已有同名单位', 'the parent already has a unit of this name');
      plan.orgs.splice(plan.orgs.indexOf(o), 1);
    }
  }

  // Cadres: the file's own, then the existing ones the other sheets refer to (in scope only).
  const fileCadres = new Map<string, PlanCadre>();
  const badCadreRows = new Map<string, number>(); // ID as written → its row in 干部, when that row has a problem
  for (const { row, cells } of t.cadres ?? []) {
    await breathe();
    const issuesBefore = issues.length;
    const name = need('cadres', row, cells, '姓名');
    const raw = need('cadres', row, cells, '身份证号');
    const parsed = raw ? parseIdCard(raw, today) : null;
    if (parsed && !parsed.ok) bad('cadres', row, '身份证号', parsed.messageZh, parsed.messageEn);
    const id = parsed?.ok ? parsed.value : null;
    if (id && fileCadres.has(id.number))
      bad(
        'cadres',
        row,
        '身份证号',
        `与第 ${fileCadres.get(id.number)!.row} 行重复`,
        `same as row ${fileCadres.get(id.number)!.row}`,
      );
    const partyStatus = dict('cadres', row, cells, '政治面貌', 'party_status');
    const joined = date('cadres', row, cells, '入党时间', today);
    if (joined && id && joined < id.birthDate) bad('cadres', row, '入党时间', '早于出生日期', 'before the birth date');
    for (const col of ['籍贯代码', '成长地代码'])
      if (cells[col] && !/^\d{6}$/.test(cells[col])) bad('cadres', row, col, '应为 6 位数字', 'must be 6 digits');
    const org = orgRef('cadres', row, '档案管理单位', cells['档案管理单位']);
    if (name && name.length > 50) bad('cadres', row, '姓名', '不超过 50 字', 'at most 50 characters');
    if (name && id && !fileCadres.has(id.number) && partyStatus && org) {
      fileCadres.set(id.number, {
        row,
        name,
        idCard: id.number,
        gender: id.gender,
        birthDate: id.birthDate,
        partyStatus,
        partyJoinedOn: joined,
        ethnicity: cells['民族'] || null,
        birthplaceCode: cells['籍贯代码'] || null,
        growthPlaceCode: cells['成长地代码'] || null,
        org,
      });
    }
    if (issues.length > issuesBefore && raw) badCadreRows.set(raw.toUpperCase(), row);
  }
  const taken = fileCadres.size
    ? await ctx.db
        .selectFrom('cadres')
        .select('id_card')
        .where('id_card', 'in', [...fileCadres.keys()])
        .execute()
    : [];
  for (const { id_card } of taken) {
    // Someone outside the caller's scope may hold it: the row says so without saying who.
    bad(
      'cadres',
      fileCadres.get(id_card)!.row,
      '身份证号',
      '该身份证号已有干部档案',
      'a cadre record with this ID number already exists',
    );
    badCadreRows.set(id_card, fileCadres.get(id_card)!.row);
    fileCadres.delete(id_card);
  }
  plan.cadres = [...fileCadres.values()];
  const refIds = new Set<string>();
  for (const r of t.posts ?? []) refIds.add(r.cells['身份证号'].toUpperCase());
  for (const r of t.relations ?? []) {
    refIds.add(r.cells['身份证号'].toUpperCase());
    refIds.add(r.cells['亲属身份证号'].toUpperCase());
  }
  const outside = [...refIds].filter((v) => v && !fileCadres.has(v));
  const known = outside.length
    ? await ctx.db
        .selectFrom('cadres as c')
        .select(['c.id', 'c.id_card', 'c.birth_date'])
        .where('c.id_card', 'in', outside)
        .where(cadreVisible(auth.scope, 'c'))
        .execute()
    : [];
  const cadreRef = (
    sheet: SheetKey,
    row: number,
    column: string,
    v: string,
  ): { ref: CadreRef; birth: string } | null => {
    const key = v.toUpperCase();
    if (!key) return bad(sheet, row, column, '必填', 'required');
    const inFile = fileCadres.get(key);
    if (inFile) return { ref: { temp: key }, birth: inFile.birthDate };
    const hit = known.find((k) => k.id_card === key);
    if (hit) return { ref: { id: hit.id }, birth: hit.birth_date };
    // Point at the cause, not at its echo: the cadre's own row in 干部 is the one to correct.
    const own = badCadreRows.get(key);
    return own
      ? bad(
          sheet,
          row,
          column,
          `该干部在“干部”表第 ${own} 行有误，请先改正该行`,
          `this cadre's row ${own} in 干部 has a problem; correct it first`,
        )
      : bad(
          sheet,
          row,
          column,
          '找不到该身份证号的干部（或不在您的范围内）',
          'no cadre with this ID number in your scope',
        );
  };

  for (const { row, cells } of t.posts ?? []) {
    await breathe();
    const c = cadreRef('posts', row, '身份证号', cells['身份证号']);
    const org = orgRef('posts', row, '任职单位', cells['任职单位']);
    const title = need('posts', row, cells, '职务');
    const postKind = dict('posts', row, cells, '职务类别', 'post_kind');
    const rank = dict('posts', row, cells, '职级', 'rank');
    const p = cells['是否一把手'];
    const isPrincipal =
      !p || /^(否|n|no|false|0)$/i.test(p)
        ? false
        : /^(是|y|yes|true|1)$/i.test(p)
          ? true
          : bad('posts', row, '是否一把手', `应填“是”或“否”：${p}`, `must be 是 or 否: ${p}`);
    const start = need('posts', row, cells, '任职时间') ? date('posts', row, cells, '任职时间', latest) : null;
    const end = date('posts', row, cells, '免职时间', latest);
    if (start && end && end < start) bad('posts', row, '免职时间', '早于任职时间', 'before the start date');
    if (start && c && start < c.birth) bad('posts', row, '任职时间', '早于出生日期', 'before the birth date');
    if (c && org && title && postKind && rank && isPrincipal !== null && start) {
      plan.posts.push({
        row,
        cadre: c.ref,
        org,
        title,
        postKind,
        rank,
        isPrincipal,
        startDate: start,
        endDate: end,
        appointDoc: cells['任职文号'] || null,
      });
    }
  }

  for (const { row, cells } of t.relations ?? []) {
    await breathe();
    const a = cadreRef('relations', row, '身份证号', cells['身份证号']);
    const b = cadreRef('relations', row, '亲属身份证号', cells['亲属身份证号']);
    const kind = dict('relations', row, cells, '关系', 'relation_kind');
    if (a && b && JSON.stringify(a.ref) === JSON.stringify(b.ref)) {
      bad('relations', row, '亲属身份证号', '不能与本人建立关系', 'cannot be the same person');
      continue;
    }
    let generation: number | null = null;
    if (kind) {
      const g = cells['代数'] ? Number(cells['代数']) : undefined;
      if (g !== undefined && !(Number.isInteger(g) && g >= 2 && g <= 9)) {
        bad('relations', row, '代数', '应为 2–9 的整数', 'must be an integer 2–9');
        continue;
      }
      try {
        generation = generationFor(kind, g);
      } catch (e) {
        bad('relations', row, '代数', (e as { messageZh: string }).messageZh, (e as Error).message);
        continue;
      }
    }
    if (a && b && kind) plan.relations.push({ row, a: a.ref, b: b.ref, kind, generation });
  }
  const pairs = plan.relations.filter((r) => 'id' in r.a && 'id' in r.b);
  if (pairs.length) {
    const dup = await sql<{
      cadre_id: number;
      relative_cadre_id: number;
    }>`select cadre_id, relative_cadre_id from relations
      where (cadre_id, relative_cadre_id) in (${sql.join(pairs.map((p) => sql`(${(p.a as { id: number }).id}, ${(p.b as { id: number }).id})`))})`.execute(
      ctx.db,
    );
    for (const d of dup.rows) {
      const r = pairs.find(
        (p) => (p.a as { id: number }).id === d.cadre_id && (p.b as { id: number }).id === d.relative_cadre_id,
      )!;
      bad('relations', r.row, '关系', '这两人的亲属关系已登记', 'this relation is already recorded');
    }
  }
  issues.sort((x, y) => x.sheet.localeCompare(y.sheet) || x.row - y.row);
  return { plan, issues };
}
