import { describe, expect, it } from 'vitest';
import { DEMO_CITY_COUNTIES, parseIdCard } from '../../modules/registry/id-card/index.js';
import { makePerson, PeopleFactory, type Person, type PersonOptions } from './names.js';
import { FEMALE_GIVEN_CHARS, MALE_GIVEN_CHARS, SURNAMES } from './names.data.js';
import { Rng } from './prng.js';

const TODAY = '2025-06-30';
const COUNTY_CODES = DEMO_CITY_COUNTIES.map((c) => c.code);
const COMPOUND_SURNAMES = SURNAMES.map(([s]) => s).filter((s) => s.length > 1);

/** A city-like population: 1960–1995, spread over the demo counties. */
function cityPeople(seed: number, count: number): Person[] {
  const f = new PeopleFactory(seed);
  return Array.from({ length: count }, () =>
    f.makePerson({ birthYearFrom: 1960, birthYearTo: 1995, regionCode: f.rng.pick(COUNTY_CODES) }),
  );
}

const surnameOf = (name: string) => COMPOUND_SURNAMES.find((s) => name.startsWith(s)) ?? name[0];

describe('PeopleFactory', () => {
  it('is deterministic: same seed → same 50 people, other seed → others', () => {
    const a = cityPeople(20250630, 50);
    expect(cityPeople(20250630, 50)).toEqual(a);
    expect(cityPeople(20250631, 50)).not.toEqual(a);
  });

  describe('5,000 people', () => {
    const people = cityPeople(1, 5_000);

    it('have unique ID numbers', () => {
      expect(new Set(people.map((p) => p.idCard)).size).toBe(5_000);
    });

    it('have ID numbers that validate and encode the same birth date and gender', () => {
      for (const p of people) {
        const r = parseIdCard(p.idCard, TODAY);
        expect(r.ok, p.idCard).toBe(true);
        if (!r.ok) continue;
        expect(r.value.birthDate).toBe(p.birthDate);
        expect(r.value.gender).toBe(p.gender);
        expect(COUNTY_CODES).toContain(r.value.regionCode);
        expect(p.birthDate >= '1960-01-01' && p.birthDate <= '1995-12-31').toBe(true);
      }
    });

    it('have names of 2–4 characters built from the name lists', () => {
      for (const p of people) {
        const chars = [...p.name];
        expect(chars.length).toBeGreaterThanOrEqual(2);
        expect(chars.length).toBeLessThanOrEqual(4);
        const given = p.name.slice(surnameOf(p.name).length);
        const pool = p.gender === 'M' ? MALE_GIVEN_CHARS : FEMALE_GIVEN_CHARS;
        for (const c of given) expect(pool).toContain(c);
      }
    });

    it('have realistic proportions: 王 3–12 %, ~30 % one-char given names, ~50 % men', () => {
      const share = (pred: (p: Person) => boolean) => people.filter(pred).length / people.length;
      const wang = share((p) => surnameOf(p.name) === '王');
      expect(wang).toBeGreaterThan(0.03);
      expect(wang).toBeLessThan(0.12);
      const oneChar = share((p) => p.name.length - surnameOf(p.name).length === 1);
      expect(oneChar).toBeGreaterThan(0.25);
      expect(oneChar).toBeLessThan(0.35);
      const men = share((p) => p.gender === 'M');
      expect(men).toBeGreaterThan(0.45);
      expect(men).toBeLessThan(0.55);
      expect(share((p) => surnameOf(p.name).length === 2)).toBeLessThan(0.01);
      // Namesakes are expected in a city of this size.
      expect(new Set(people.map((p) => p.name)).size).toBeLessThan(5_000);
    });
  });

  it('stays unique when many people share region, year and gender (forces sequence collisions)', () => {
    const f = new PeopleFactory('crowded');
    const opts: PersonOptions = { birthYearFrom: 2000, birthYearTo: 2000, gender: 'F', regionCode: '339802' };
    const people = f.makePeople(5_000, opts);
    expect(new Set(people.map((p) => p.idCard)).size).toBe(5_000);
    expect(f.size).toBe(5_000);
    for (const p of people) {
      const r = parseIdCard(p.idCard, TODAY);
      expect(r.ok && r.value.gender).toBe('F');
      expect(p.birthDate.startsWith('2000-')).toBe(true);
    }
  });

  it('respects a requested gender', () => {
    const f = new PeopleFactory(5);
    for (const gender of ['M', 'F'] as const) {
      for (const p of f.makePeople(200, { birthYearFrom: 1970, birthYearTo: 1980, gender, regionCode: '339821' })) {
        expect(p.gender).toBe(gender);
      }
    }
  });

  it('rejects invalid options', () => {
    const rng = new Rng(1);
    const base: PersonOptions = { birthYearFrom: 1960, birthYearTo: 1995, regionCode: '339802' };
    expect(() => makePerson(rng, { ...base, birthYearFrom: 1899 })).toThrow(RangeError);
    expect(() => makePerson(rng, { ...base, birthYearFrom: 1996 })).toThrow(RangeError);
    expect(() => makePerson(rng, { ...base, regionCode: '999999' })).toThrow(RangeError);
    expect(() => makePerson(rng, { ...base, regionCode: '330002' })).toThrow(RangeError);
  });

  it('name data has no duplicates', () => {
    const surnames = SURNAMES.map(([s]) => s);
    expect(new Set(surnames).size).toBe(surnames.length);
    expect(surnames.length).toBeGreaterThanOrEqual(100);
    expect(new Set(MALE_GIVEN_CHARS).size).toBe(MALE_GIVEN_CHARS.length);
    expect(new Set(FEMALE_GIVEN_CHARS).size).toBe(FEMALE_GIVEN_CHARS.length);
  });
});
