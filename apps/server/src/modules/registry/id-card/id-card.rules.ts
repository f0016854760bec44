// 居民身份证号 (GB 11643-1999): parsing, validation and derivation (SPEC M-02).
// Birth date and gender are derived from the number so they are never typed twice.
//
// Layout of the 18 characters:
//   1–6   region code (GB/T 2260)
//   7–14  birth date YYYYMMDD
//   15–17 sequence; the 17th digit is odd for men, even for women
//   18    ISO 7064 MOD 11-2 check character (0–9 or X)

import { PROVINCE_NAME_BY_CODE } from './region-codes.data.js';

export type Gender = 'M' | 'F';

export interface IdCardInfo {
  /** Normalized number: 18 ASCII characters, check character upper-case. */
  number: string;
  regionCode: string;
  provinceName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
}

export type IdCardErrorCode =
  | 'ID_CARD_EMPTY'
  | 'ID_CARD_LEGACY_15'
  | 'ID_CARD_LENGTH'
  | 'ID_CARD_FORMAT'
  | 'ID_CARD_PROVINCE'
  | 'ID_CARD_CITY'
  | 'ID_CARD_BIRTH_DATE_INVALID'
  | 'ID_CARD_BIRTH_DATE_FUTURE'
  | 'ID_CARD_BIRTH_DATE_TOO_EARLY'
  | 'ID_CARD_CHECKSUM';

export interface IdCardError {
  ok: false;
  code: IdCardErrorCode;
  messageZh: string;
  messageEn: string;
}

export type IdCardResult = { ok: true; value: IdCardInfo } | IdCardError;

export const MIN_BIRTH_DATE = '1900-01-01';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

function fail(code: IdCardErrorCode, messageZh: string, messageEn: string): IdCardError {
  return { ok: false, code, messageZh, messageEn };
}

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function computeCheckDigit(body17: string): string {
  if (!/^\d{17}$/.test(body17)) {
    throw new TypeError(`computeCheckDigit expects 17 digits, got ${JSON.stringify(body17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real Gregorian date written as YYYY-MM-DD (rejects 2023-02-29, 2024-04-31 …). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const max = mo === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[mo - 1];
  return d <= max;
}

/**
 * Province + prefecture check on a 6-digit region code. Full county-level validation
 * would need the whole GB/T 2260 dictionary (see region-codes.data.ts).
 * County digits 00 are allowed: cities without counties (东莞 4419, 中山 4420 …) issue
 * numbers such as 441900…. Prefecture digits 00 are not a valid place of registration.
 */
export function checkRegionCode(regionCode: string): { ok: true; provinceName: string } | IdCardError {
  const provinceName = /^\d{6}$/.test(regionCode) ? PROVINCE_NAME_BY_CODE.get(regionCode.slice(0, 2)) : undefined;
  if (provinceName === undefined) {
    return fail(
      'ID_CARD_PROVINCE',
      `身份证号前两位“${regionCode.slice(0, 2)}”不是有效的省级行政区划代码，请核对。`,
      `The first two digits "${regionCode.slice(0, 2)}" are not a valid province code.`,
    );
  }
  if (regionCode.slice(2, 4) === '00') {
    return fail(
      'ID_CARD_CITY',
      '身份证号第3–4位（地市代码）不能为“00”，请核对。',
      'Digits 3–4 (prefecture code) must not be "00".',
    );
  }
  return { ok: true, provinceName };
}

function assertToday(today: string): void {
  if (!isCalendarDate(today)) {
    // Programmer error, not user input: fail loudly.
    throw new TypeError(`today must be a real date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  }
}

/**
 * Parse and validate a 18-digit ID number. `today` (YYYY-MM-DD) is passed in
 * explicitly so results never depend on a hidden clock or time zone.
 * Checks run in a fixed order and the first failure is reported.
 */
export function parseIdCard(raw: string, today: string): IdCardResult {
  assertToday(today);
  // NFKC turns full-width digits/Ｘ from Chinese input methods into ASCII.
  const s = typeof raw === 'string' ? raw.normalize('NFKC').trim().toUpperCase() : '';

  if (s === '') {
    return fail('ID_CARD_EMPTY', '请输入身份证号。', 'Please enter the ID card number.');
  }
  if (/^\d{15}$/.test(s)) {
    return fail(
      'ID_CARD_LEGACY_15',
      '这是15位旧版身份证号，已停止使用，请输入现行的18位身份证号。',
      'This is an old 15-digit ID number, which is no longer valid; please enter the current 18-character number.',
    );
  }
  if (s.length !== 18) {
    return fail(
      'ID_CARD_LENGTH',
      `身份证号应为18位，当前为${s.length}位。`,
      `An ID card number has 18 characters; this one has ${s.length}.`,
    );
  }
  if (!/^\d{17}[\dX]$/.test(s)) {
    return fail(
      'ID_CARD_FORMAT',
      '身份证号格式不正确：前17位应为数字，最后一位为数字或字母X。',
      'Invalid format: the first 17 characters must be digits and the last a digit or the letter X.',
    );
  }

  const regionCode = s.slice(0, 6);
  const region = checkRegionCode(regionCode);
  if (!region.ok) return region;

  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isCalendarDate(birthDate)) {
    return fail(
      'ID_CARD_BIRTH_DATE_INVALID',
      `身份证号中的出生日期“${s.slice(6, 14)}”不是有效日期，请核对。`,
      `The birth date "${s.slice(6, 14)}" in the number is not a real calendar date.`,
    );
  }
  // Lexicographic comparison is exact for zero-padded YYYY-MM-DD strings.
  if (birthDate > today) {
    return fail(
      'ID_CARD_BIRTH_DATE_FUTURE',
      `身份证号中的出生日期 ${birthDate} 晚于今天（${today}），请核对。`,
      `The birth date ${birthDate} in the number is after today (${today}).`,
    );
  }
  if (birthDate < MIN_BIRTH_DATE) {
    return fail(
      'ID_CARD_BIRTH_DATE_TOO_EARLY',
      `身份证号中的出生日期 ${birthDate} 早于1900年1月1日，请核对。`,
      `The birth date ${birthDate} in the number is before 1900-01-01.`,
    );
  }

  // The expected character is deliberately not shown: "fixing" only the last
  // character would hide a typo elsewhere in the number.
  if (computeCheckDigit(s.slice(0, 17)) !== s[17]) {
    return fail(
      'ID_CARD_CHECKSUM',
      '身份证号校验位不正确，可能有数字输错，请逐位核对。',
      'The check character does not match; a digit is probably mistyped. Please check the number.',
    );
  }

  return {
    ok: true,
    value: {
      number: s,
      regionCode,
      provinceName: region.provinceName,
      birthDate,
      gender: Number(s[16]) % 2 === 1 ? 'M' : 'F',
    },
  };
}

/**
 * Build a valid number from its parts (demo data, tests). Throws on bad input so a
 * generator can never emit a number that parseIdCard would reject for its format.
 * `seq` 0..999 becomes digits 15–17; its parity decides the gender (odd → M).
 */
export function makeIdCard(regionCode: string, birthDate: string, seq: number): string {
  const region = checkRegionCode(regionCode);
  if (!region.ok) throw new RangeError(`makeIdCard: ${region.messageEn} (${regionCode})`);
  if (!isCalendarDate(birthDate) || birthDate < MIN_BIRTH_DATE) {
    throw new RangeError(`makeIdCard: invalid birth date ${JSON.stringify(birthDate)}`);
  }
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) {
    throw new RangeError(`makeIdCard: seq must be an integer 0..999, got ${seq}`);
  }
  const body = regionCode + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return body + computeCheckDigit(body);
}

/** For lists: first 6 + 8 asterisks + last 4. Anything unexpected is masked entirely. */
export function maskIdCard(n: string): string {
  const s = typeof n === 'string' ? n.normalize('NFKC').trim().toUpperCase() : '';
  if (s.length !== 18) return '*'.repeat(Math.max(s.length, 1));
  return `${s.slice(0, 6)}********${s.slice(14)}`;
}
