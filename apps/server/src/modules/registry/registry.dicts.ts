// Registry dictionaries (M-01 levels and unit types, M-02 ranks and post kinds, M-03 portfolio areas, relations).
// Seeded into dict_items at start; writes are checked against the table so an administrator can extend them.
type Entry = readonly [code: string, zh: string, en: string, extra?: Record<string, unknown>];

export const DICTS = {
  org_level: [
    ['province', '省', 'Province', { depth: 1 }],
    ['city', '市', 'City', { depth: 2 }],
    ['county', '县区', 'County / district', { depth: 3 }],
    ['township', '乡镇街道', 'Township / street', { depth: 4 }],
    ['village', '村社区', 'Village / community', { depth: 5 }],
  ],
  unit_type: [
    ['party_committee', '党委', 'Party committee'],
    ['party_department', '党委部门', 'Party committee department'],
    ['government', '人民政府', "People's government"],
    ['gov_department', '政府部门', 'Government department'],
    ['soe', '国有企业', 'State-owned enterprise'],
    ['institution', '事业单位', 'Public institution'],
    ['discipline_group', '派驻纪检监察组', 'Stationed discipline group'],
    ['court', '法院', 'Court'],
    ['procuratorate', '检察院', 'Procuratorate'],
    ['congress', '人大', "People's congress"],
    ['cppcc', '政协', 'CPPCC'],
    ['village_org', '村（社区）党组织', 'Village / community party organization'],
  ],
  rank: [
    ['dept_full', '正厅', 'Department level, full', { order: 7 }],
    ['dept_deputy', '副厅', 'Department level, deputy', { order: 6 }],
    ['div_full', '正处', 'Division level, full', { order: 5 }],
    ['div_deputy', '副处', 'Division level, deputy', { order: 4 }],
    ['sec_full', '正科', 'Section level, full', { order: 3 }],
    ['sec_deputy', '副科', 'Section level, deputy', { order: 2 }],
    ['staff', '科员及以下', 'Staff', { order: 1 }],
  ],
  post_kind: [
    ['party_secretary', '党委（党组）书记', 'Party secretary', { principal: true }],
    ['admin_head', '行政主要负责人', 'Administrative head', { principal: true }],
    ['deputy_secretary', '副书记', 'Deputy secretary'],
    ['deputy_head', '副职', 'Deputy head'],
    ['discipline_secretary', '纪委书记（纪检监察组长）', 'Discipline secretary'],
    ['org_head', '组织部长（组织委员）', 'Organization head'],
    ['team_member', '班子成员', 'Team member'],
    ['middle_manager', '中层干部', 'Middle manager'],
    ['staff', '一般干部', 'Staff'],
  ],
  portfolio_area: [
    ['personnel', '干部人事', 'Personnel', { fiveAreas: true }],
    ['finance', '财务管理', 'Finance', { fiveAreas: true }],
    ['construction', '工程建设', 'Construction projects', { fiveAreas: true }],
    ['approval', '行政审批', 'Administrative approval', { fiveAreas: true }],
    ['procurement', '物资采购', 'Procurement', { fiveAreas: true }],
    ['party_building', '党的建设', 'Party building'],
    ['discipline', '纪检监察', 'Discipline inspection'],
    ['publicity', '宣传思想', 'Publicity'],
    ['economy', '经济发展', 'Economy'],
    ['agriculture', '农业农村', 'Agriculture'],
    ['industry', '工业和信息化', 'Industry'],
    ['education', '教育', 'Education'],
    ['health', '卫生健康', 'Health'],
    ['transport', '交通运输', 'Transport'],
    ['environment', '生态环境', 'Environment'],
    ['safety', '安全生产', 'Work safety'],
    ['petition', '信访维稳', 'Petitions and stability'],
    ['audit', '审计监督', 'Audit'],
    ['civil_affairs', '民政', 'Civil affairs'],
    ['urban', '城市管理', 'Urban management'],
    ['culture', '文化旅游', 'Culture and tourism'],
    ['overall', '全面工作', 'Overall work'],
  ],
  relation_kind: [
    ['spouse', '配偶', 'Spouse', { inverse: 'spouse', line: 'spouse' }],
    ['parent', '父母', 'Parent', { inverse: 'child', line: 'lineal' }],
    ['child', '子女', 'Child', { inverse: 'parent', line: 'lineal' }],
    ['grandparent', '祖父母/外祖父母', 'Grandparent', { inverse: 'grandchild', line: 'lineal' }],
    ['grandchild', '孙子女/外孙子女', 'Grandchild', { inverse: 'grandparent', line: 'lineal' }],
    ['sibling', '兄弟姐妹', 'Sibling', { inverse: 'sibling', line: 'collateral', generation: 2 }],
    ['cousin', '堂/表兄弟姐妹', 'Cousin', { inverse: 'cousin', line: 'collateral', generation: 3 }],
    ['uncle_aunt', '伯叔姑舅姨', 'Uncle / aunt', { inverse: 'nephew_niece', line: 'collateral', generation: 3 }],
    ['nephew_niece', '侄子女/甥子女', 'Nephew / niece', { inverse: 'uncle_aunt', line: 'collateral', generation: 3 }],
    ['parent_in_law', '配偶的父母', 'Parent-in-law', { inverse: 'child_in_law', line: 'in_law' }],
    ['child_in_law', '子女的配偶', 'Child-in-law', { inverse: 'parent_in_law', line: 'in_law' }],
    [
      'sibling_in_law',
      '兄弟姐妹的配偶/配偶的兄弟姐妹',
      'Sibling-in-law',
      { inverse: 'sibling_in_law', line: 'in_law' },
    ],
  ],
  party_status: [
    ['member', '中共党员', 'CPC member'],
    ['probationary', '中共预备党员', 'Probationary member'],
    ['democratic', '民主党派', 'Democratic party'],
    ['none', '群众', 'None'],
  ],
  team_role: [
    ['secretary', '书记', 'Secretary'],
    ['head', '主要负责人', 'Head'],
    ['deputy_secretary', '副书记', 'Deputy secretary'],
    ['deputy', '副职', 'Deputy'],
    ['member', '成员', 'Member'],
  ],
} as const satisfies Record<string, readonly Entry[]>;

export type DictName = keyof typeof DICTS;

/** The kind seen from the other cadre's side; both rows of a relation are written together. */
export function inverseRelation(kind: string): string | undefined {
  const e = DICTS.relation_kind.find(([c]) => c === kind);
  return e ? (e[3] as { inverse: string }).inverse : undefined;
}

export function dictLabel(dict: DictName, code: string): string {
  return (DICTS[dict] as readonly Entry[]).find(([c]) => c === code)?.[1] ?? code;
}
