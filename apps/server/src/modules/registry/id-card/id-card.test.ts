import { describe, expect, it } from 'vitest';
import { computeCheckDigit, DEMO_CITY_COUNTIES, makeIdCard, maskIdCard, parseIdCard, PROVINCES } from './index.js';

const TODAY = '2025-06-30';

// Inline mulberry32 so this module's tests do not depend on the demo code.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const randInt = (r: () => number, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

/** 17-digit body + correct check char, bypassing makeIdCard's own input checks. */
const withCheck = (body17: string) => body17 + computeCheckDigit(body17);

function expectError(raw: string, code: string, today = TODAY) {
  const r = parseIdCard(raw, today);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.code).toBe(code);
    expect(r.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(r.messageEn.length).toBeGreaterThan(10);
  }
}

describe('parseIdCard — known numbers', () => {
  // Hand check of 11010519491231002X (ISO 7064 MOD 11-2):
  //   digits   1  1  0  1  0  5  1  9  4  9  1  2  3  1  0  0  2
  //   weights  7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
  //   products 7  9  0  5  0 20  2  9 24 27  7 18 30  5  0  0  4   sum = 167
  //   167 mod 11 = 2 → map[2] = 'X'.  17th digit 2 is even → female.
  it('accepts a hand-verified valid number and derives its fields', () => {
    const r = parseIdCard('11010519491231002X', TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        number: '11010519491231002X',
        regionCode: '110105',
        provinceName: '北京市',
        birthDate: '1949-12-31',
        gender: 'F',
      },
    });
  });

  // Same body with 17th digit 3: sum = 163 + 3·2 = 169, 169 mod 11 = 4 → map[4] = '8'. Odd → male.
  it('derives male from an odd 17th digit (hand-verified 110105194912310038)', () => {
    const r = parseIdCard('110105194912310038', TODAY);
    expect(r.ok && r.value.gender).toBe('M');
  });

  // Fixed vectors, computed outside this module, one for each remainder 0..10 of the
  // weighted sum, so every entry of the 1,0,X,9,…,2 map is pinned.
  it.each([
    '610103199504120081',
    '440304198503170010',
    '33010219660915001X',
    '420106197907310159',
    '320106197311080088',
    '510107199206290017',
    '210202196801030016',
    '130104198305050225',
    '370203198802220014',
    '650102197708180643',
    '350203199011260432',
  ])('accepts fixed vector %s', (n) => {
    expect(parseIdCard(n, TODAY).ok).toBe(true);
    expect(computeCheckDigit(n.slice(0, 17))).toBe(n[17]);
  });

  // A single 1 at position i makes the sum equal weight i, pinning every weight.
  it('uses weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2', () => {
    const expected = '532748X069532748X';
    for (let i = 0; i < 17; i++) {
      expect(computeCheckDigit('0'.repeat(i) + '1' + '0'.repeat(16 - i)), `position ${i + 1}`).toBe(expected[i]);
    }
    expect(computeCheckDigit('0'.repeat(17))).toBe('1');
  });

  it('rejects the same number with a wrong check digit', () => {
    for (const last of ['0', '1', '9', '8']) expectError(`11010519491231002${last}`, 'ID_CARD_CHECKSUM');
    expectError('110105194912310039', 'ID_CARD_CHECKSUM');
  });

  it('accepts lower-case x and normalizes to upper-case; trims whitespace and full-width input', () => {
    for (const raw of ['11010519491231002x', '  11010519491231002X\t', '１１０１０５１９４９１２３１００２ｘ']) {
      const r = parseIdCard(raw, TODAY);
      expect(r.ok && r.value.number).toBe('11010519491231002X');
    }
  });
});

describe('parseIdCard — format', () => {
  it('rejects empty input', () => {
    expectError('', 'ID_CARD_EMPTY');
    expectError('   ', 'ID_CARD_EMPTY');
  });

  it('rejects 15-digit legacy numbers with their own code', () => {
    expectError('110105491231002', 'ID_CARD_LEGACY_15');
  });

  it('rejects other lengths and bad characters', () => {
    expectError('11010519491231002', 'ID_CARD_LENGTH');
    expectError('11010519491231002X1', 'ID_CARD_LENGTH');
    expectError('1101051949123100XX', 'ID_CARD_FORMAT');
    expectError('11010519491231002Y', 'ID_CARD_FORMAT');
    expectError('1101 519491231002X', 'ID_CARD_FORMAT'); // 18 chars, inner space
  });
});

describe('parseIdCard — region', () => {
  it('rejects unknown province codes 00 and 99 (even with a correct check digit)', () => {
    expectError(withCheck('00010519491231002'), 'ID_CARD_PROVINCE');
    expectError(withCheck('99010519491231002'), 'ID_CARD_PROVINCE');
  });

  it('rejects prefecture code 00 but allows county code 00 (e.g. 东莞 441900)', () => {
    expectError(withCheck('11000519491231002'), 'ID_CARD_CITY');
    const r = parseIdCard(withCheck('44190019800101001'), TODAY);
    expect(r.ok && r.value.provinceName).toBe('广东省');
  });

  it('knows all 34 provincial-level units, and the demo city codes validate', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    for (const p of PROVINCES) {
      expect(parseIdCard(makeIdCard(`${p.code}0101`, '1980-01-01', 1), TODAY).ok).toBe(true);
    }
    for (const c of DEMO_CITY_COUNTIES) {
      expect(parseIdCard(makeIdCard(c.code, '1980-01-01', 1), TODAY).ok).toBe(true);
    }
  });

  it('checks in order: region is reported before a bad checksum', () => {
    expectError('00010519491231002X', 'ID_CARD_PROVINCE');
  });
});

describe('parseIdCard — birth date', () => {
  it('rejects Feb 29 in a non-leap year and accepts it in a leap year', () => {
    expectError(withCheck('11010520230229001'), 'ID_CARD_BIRTH_DATE_INVALID');
    expectError(withCheck('11010519000229001'), 'ID_CARD_BIRTH_DATE_INVALID'); // 1900: century, not leap
    const leap = parseIdCard(withCheck('11010520240229001'), TODAY);
    expect(leap.ok && leap.value.birthDate).toBe('2024-02-29');
    expect(parseIdCard(withCheck('11010520000229001'), TODAY).ok).toBe(true); // 2000: divisible by 400
  });

  it('rejects impossible months and days', () => {
    expectError(withCheck('11010519801301001'), 'ID_CARD_BIRTH_DATE_INVALID');
    expectError(withCheck('11010519800431001'), 'ID_CARD_BIRTH_DATE_INVALID');
    expectError(withCheck('11010519800100001'), 'ID_CARD_BIRTH_DATE_INVALID');
  });

  it('rejects a birth date after today; born today is fine', () => {
    const n = withCheck('11010520250701001');
    expectError(n, 'ID_CARD_BIRTH_DATE_FUTURE', '2025-06-30');
    expect(parseIdCard(n, '2025-07-01').ok).toBe(true);
  });

  it('rejects birth dates before 1900-01-01', () => {
    expectError(withCheck('11010518991231001'), 'ID_CARD_BIRTH_DATE_TOO_EARLY');
    expect(parseIdCard(withCheck('11010519000101001'), TODAY).ok).toBe(true);
  });

  it('throws on a malformed today argument (no hidden clock)', () => {
    expect(() => parseIdCard('11010519491231002X', '2025-6-30')).toThrow(TypeError);
    expect(() => parseIdCard('11010519491231002X', '2023-02-29')).toThrow(TypeError);
  });
});

describe('makeIdCard', () => {
  it('builds the hand-verified number', () => {
    expect(makeIdCard('110105', '1949-12-31', 2)).toBe('11010519491231002X');
    expect(makeIdCard('110105', '1949-12-31', 3)).toBe('110105194912310038');
  });

  it('rejects bad inputs instead of emitting invalid numbers', () => {
    expect(() => makeIdCard('990105', '1980-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdCard('110005', '1980-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdCard('11010', '1980-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdCard('110105', '2023-02-29', 1)).toThrow(RangeError);
    expect(() => makeIdCard('110105', '1899-12-31', 1)).toThrow(RangeError);
    expect(() => makeIdCard('110105', '1980-01-01', 1000)).toThrow(RangeError);
    expect(() => makeIdCard('110105', '1980-01-01', -1)).toThrow(RangeError);
    expect(() => makeIdCard('110105', '1980-01-01', 1.5)).toThrow(RangeError);
  });

  // Random valid numbers across all provinces and 1900–2025.
  function randomValid(r: () => number) {
    const p = PROVINCES[randInt(r, 0, PROVINCES.length - 1)];
    const region = `${p.code}${String(randInt(r, 1, 99)).padStart(2, '0')}${String(randInt(r, 0, 99)).padStart(2, '0')}`;
    const y = randInt(r, 1900, 2024);
    const birth = `${y}-${String(randInt(r, 1, 12)).padStart(2, '0')}-${String(randInt(r, 1, 28)).padStart(2, '0')}`;
    const seq = randInt(r, 0, 999);
    return { n: makeIdCard(region, birth, seq), region, birth, seq, province: p.name };
  }

  it('always produces numbers that validate with the encoded fields (500 samples)', () => {
    const r = mulberry32(20250630);
    for (let i = 0; i < 500; i++) {
      const g = randomValid(r);
      const res = parseIdCard(g.n, TODAY);
      expect(res, g.n).toEqual({
        ok: true,
        value: {
          number: g.n,
          regionCode: g.region,
          provinceName: g.province,
          birthDate: g.birth,
          gender: g.seq % 2 === 1 ? 'M' : 'F',
        },
      });
    }
  });

  it('any single-character change makes the number fail (500 samples)', () => {
    const r = mulberry32(7);
    const chars = '0123456789X';
    for (let i = 0; i < 500; i++) {
      const { n } = randomValid(r);
      const pos = randInt(r, 0, 17);
      const pool = (pos === 17 ? chars : chars.slice(0, 10)).replace(n[pos], '');
      const changed = n.slice(0, pos) + pool[randInt(r, 0, pool.length - 1)] + n.slice(pos + 1);
      const res = parseIdCard(changed, TODAY);
      expect(res.ok, `${n} → ${changed}`).toBe(false);
      // Sequence digits and the check char only feed the checksum, so that must be the reason.
      if (pos >= 14 && !res.ok) expect(res.code).toBe('ID_CARD_CHECKSUM');
    }
  });

  it('swapping two different adjacent digits makes the number fail (500 samples)', () => {
    const r = mulberry32(11);
    let tested = 0;
    while (tested < 500) {
      const { n } = randomValid(r);
      const pos = randInt(r, 0, 16);
      if (n[pos] === n[pos + 1] || n[pos + 1] === 'X') continue;
      const swapped = n.slice(0, pos) + n[pos + 1] + n[pos] + n.slice(pos + 2);
      expect(parseIdCard(swapped, TODAY).ok, `${n} → ${swapped}`).toBe(false);
      tested++;
    }
  });
});

describe('maskIdCard', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdCard('11010519491231002x')).toBe('110105********002X');
  });

  it('masks unexpected input completely', () => {
    expect(maskIdCard('110105491231002')).toBe('***************');
    expect(maskIdCard('')).toBe('*');
  });
});
