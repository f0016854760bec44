// Province-scale registry for benchmarks: 14 cities × 12 counties × 15 towns × 6 villages ≈ 21,000 units,
// ≈ 200,000 cadres with post histories, teams, portfolios, relations and ≈ 500,000 timeline events.
import type { GenOptions } from '../apps/server/src/demo/index.js';

export const PROVINCE_OPTIONS: GenOptions = {
  seed: 'mingjian-bench-province',
  refDate: '2026-07-01',
  province: { name: '示例省', regionCode: '330000' },
  cities: Array.from({ length: 14 }, (_, i) => {
    const c = String(i + 1).padStart(2, '0');
    return {
      name: `示例省第${i + 1}市`,
      regionCode: `33${c}00`,
      counties: Array.from({ length: 12 }, (_, k) => ({
        name: `第${i + 1}市第${k + 1}${k % 3 ? '县' : '区'}`,
        regionCode: `33${c}${String(k + 1).padStart(2, '0')}`,
      })),
    };
  }),
  townsPerCounty: 15,
  villagesPerTown: 6,
  staffPerCityDept: 30,
  staffPerCountyDept: 46,
};
