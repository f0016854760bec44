// The demo city 示例市: seven counties and districts, their departments, towns, streets and villages, SOEs.
import { DEMO_CITY, DEMO_CITY_COUNTIES } from '../modules/registry/id-card/index.js';
import type { GenOptions } from './generate-registry.js';

export const DEMO_REF_DATE = '2026-07-01';

export const DEMO_CITY_OPTIONS: GenOptions = {
  seed: 'mingjian-demo-city',
  refDate: DEMO_REF_DATE,
  cities: [
    {
      name: DEMO_CITY.name,
      regionCode: DEMO_CITY.code,
      counties: DEMO_CITY_COUNTIES.map((c) => ({ name: c.name, regionCode: c.code })),
    },
  ],
  townsPerCounty: 8,
  villagesPerTown: 3,
  staffPerCityDept: 6,
  staffPerCountyDept: 4,
};
