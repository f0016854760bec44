// Which suite this installation uses (issue 14 §5, M-35): MINGJIAN_CRYPTO=gm at the first start chooses SM3/SM2, the
// default is standard (SHA-256/Ed25519). The choice is recorded in `installation` and every later start, server or
// command, reads it from there: a setting changed afterwards is refused, never obeyed, since every seal, signature
// and trail row already written would stop verifying.
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.js';
import type { SuiteName } from './suites.js';

const RECORD = 'crypto_suite';
const NAMES: readonly SuiteName[] = ['standard', 'gm'];

/** The suite named by MINGJIAN_CRYPTO (standard, gm), undefined when unset; a bad value stops the start. */
export function suiteFromEnv(value = process.env.MINGJIAN_CRYPTO): SuiteName | undefined {
  if (!value) return undefined;
  if (!NAMES.includes(value as SuiteName))
    throw new Error(`MINGJIAN_CRYPTO 只能是 standard 或 gm MINGJIAN_CRYPTO must be standard or gm, not "${value}"`);
  return value as SuiteName;
}

/** The recorded suite; null on a database no server has started on since the choice existed. */
export async function readSuite(db: Kysely<DB>): Promise<SuiteName | null> {
  const row = await db.selectFrom('installation').select('value').where('name', '=', RECORD).executeTakeFirst();
  return row ? (row.value as SuiteName) : null;
}

/** At start: the recorded suite, recorded now if there is none (a trail already written is standard's). */
export async function establishSuite(db: Kysely<DB>, wanted: SuiteName | undefined): Promise<SuiteName> {
  let suite = await readSuite(db);
  if (suite === null) {
    const head = await db.selectFrom('trail_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
    const fresh = BigInt(head.seq) === 0n;
    await db
      .insertInto('installation')
      .values({ name: RECORD, value: fresh ? (wanted ?? 'standard') : 'standard' })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    suite = (await readSuite(db)) as SuiteName;
  }
  if (wanted && wanted !== suite)
    throw new Error(
      `本系统安装时选用的密码算法是 ${suite}，不能改为 ${wanted}（已有的封存和留痕将无法验证）。 ` +
        `This installation uses the ${suite} suite; it cannot become ${wanted} (existing seals and the trail would no longer verify).`,
    );
  return suite;
}
