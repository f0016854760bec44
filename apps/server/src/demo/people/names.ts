// Deterministic demo people for the fictitious city 示例市. Names may repeat (real
// cities have namesakes); ID numbers never repeat within one PeopleFactory.

import { checkRegionCode, makeIdCard, type Gender } from '../../modules/registry/id-card/index.js';
import { FEMALE_GIVEN_CHARS, MALE_GIVEN_CHARS, ONE_CHAR_GIVEN_NAME_SHARE, SURNAMES } from './names.data.js';
import { Rng } from './prng.js';

export interface Person {
  name: string;
  gender: Gender;
  /** YYYY-MM-DD, identical to the date encoded in idCard. */
  birthDate: string;
  idCard: string;
}

export interface PersonOptions {
  /** Inclusive range of birth years, >= 1900. */
  birthYearFrom: number;
  birthYearTo: number;
  /** Omitted → 50/50. */
  gender?: Gender;
  /** 6-digit region code for the ID number, e.g. one of DEMO_CITY_COUNTIES. */
  regionCode: string;
}

const SURNAME_LIST = SURNAMES.map(([s]) => s);
const SURNAME_WEIGHTS = SURNAMES.map(([, w]) => w);
const DAY_MS = 86_400_000;

/** A full name: surname (1–2 chars) + given name (1–2 chars). */
export function makeName(rng: Rng, gender: Gender): string {
  const surname = rng.weightedPick(SURNAME_LIST, SURNAME_WEIGHTS);
  const chars = gender === 'M' ? MALE_GIVEN_CHARS : FEMALE_GIVEN_CHARS;
  const length = rng.chance(ONE_CHAR_GIVEN_NAME_SHARE) ? 1 : 2;
  for (;;) {
    let given = '';
    for (let i = 0; i < length; i++) given += rng.pick(chars);
    // "林林", "王王强" look wrong; doubled given names (婷婷) are common only for women.
    if ([...given].some((c) => surname.includes(c))) continue;
    if (length === 2 && given[0] === given[1] && gender === 'M') continue;
    return surname + given;
  }
}

/** Uniform day in [from-01-01, to-12-31], computed in UTC so no time zone can shift it. */
function randomBirthDate(rng: Rng, from: number, to: number): string {
  const first = Date.UTC(from, 0, 1) / DAY_MS;
  const last = Date.UTC(to, 11, 31) / DAY_MS;
  return new Date(rng.int(first, last) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A sequence number whose ID is not taken yet, or undefined if all 500 numbers of
 * that gender for this region and day are used. Starts at a random point so
 * sequences look natural, then scans so a crowded day cannot loop forever.
 */
function freeIdCard(
  rng: Rng,
  regionCode: string,
  birthDate: string,
  gender: Gender,
  taken: ReadonlySet<string> | undefined,
): string | undefined {
  const parity = gender === 'M' ? 1 : 0;
  const start = rng.int(0, 499);
  for (let k = 0; k < 500; k++) {
    const id = makeIdCard(regionCode, birthDate, ((start + k) % 500) * 2 + parity);
    if (!taken?.has(id)) return id;
  }
  return undefined;
}

function checkOptions(opts: PersonOptions): void {
  const { birthYearFrom: from, birthYearTo: to } = opts;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1900 || to > 9999 || from > to) {
    throw new RangeError(`birth years must be integers with 1900 <= from <= to, got ${from}..${to}`);
  }
  if (opts.gender !== undefined && opts.gender !== 'M' && opts.gender !== 'F') {
    throw new RangeError(`gender must be 'M' or 'F', got ${String(opts.gender)}`);
  }
  const region = checkRegionCode(opts.regionCode);
  if (!region.ok) throw new RangeError(`${region.messageEn} (${opts.regionCode})`);
}

/**
 * One person. Pass `taken` to keep ID numbers unique across calls (the number is
 * added to it); PeopleFactory does this for you.
 */
export function makePerson(rng: Rng, opts: PersonOptions, taken?: Set<string>): Person {
  checkOptions(opts);
  const gender: Gender = opts.gender ?? (rng.chance(0.5) ? 'M' : 'F');
  const name = makeName(rng, gender);
  // A full day (500 numbers per gender) is practically impossible in demo sizes;
  // if it happens we simply move to another day.
  for (let attempt = 0; attempt < 1000; attempt++) {
    const birthDate = randomBirthDate(rng, opts.birthYearFrom, opts.birthYearTo);
    const idCard = freeIdCard(rng, opts.regionCode, birthDate, gender, taken);
    if (idCard !== undefined) {
      taken?.add(idCard);
      return { name, gender, birthDate, idCard };
    }
  }
  throw new Error(`no free ID numbers left for region ${opts.regionCode} in the given years`);
}

/** Generator that never hands out the same ID number twice. */
export class PeopleFactory {
  readonly rng: Rng;
  private readonly taken = new Set<string>();

  constructor(seed: number | string | Rng) {
    this.rng = seed instanceof Rng ? seed : new Rng(seed);
  }

  /** How many people (= distinct ID numbers) this factory has made. */
  get size(): number {
    return this.taken.size;
  }

  makePerson(opts: PersonOptions): Person {
    return makePerson(this.rng, opts, this.taken);
  }

  makePeople(count: number, opts: PersonOptions): Person[] {
    return Array.from({ length: count }, () => this.makePerson(opts));
  }
}
