export {
  parseIdCard,
  makeIdCard,
  maskIdCard,
  computeCheckDigit,
  checkRegionCode,
  isCalendarDate,
  MIN_BIRTH_DATE,
} from './id-card.rules.js';
export type { Gender, IdCardInfo, IdCardError, IdCardErrorCode, IdCardResult } from './id-card.rules.js';
export {
  PROVINCES,
  PROVINCE_NAME_BY_CODE,
  DEMO_PROVINCE_CODE,
  DEMO_CITY,
  DEMO_CITY_COUNTIES,
} from './region-codes.data.js';
export type { Province, DemoRegion } from './region-codes.data.js';
