// The data-scope codes and their names, apart from the SQL so the workbench can import them (api-types.ts).
export type ScopeCode = 1 | 2 | 3 | 4 | 5;

export const SCOPE_LABELS: Record<ScopeCode, { zh: string; en: string }> = {
  1: { zh: '全部数据', en: 'All' },
  2: { zh: '自定义', en: 'Custom units' },
  3: { zh: '本级', en: 'Own unit' },
  4: { zh: '本级及以下', en: 'Own unit and below' },
  5: { zh: '仅本人', en: 'Self only' },
};
