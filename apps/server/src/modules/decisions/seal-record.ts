// The canonical record of a meeting that a seal covers (issue 14 §5, M-35): the meeting's own rows — attendance,
// guests, items, opinions in speaking order, candidates and votes, recusals, emergency decisions reported at it —
// by id and in a fixed order, with no names or settings read from elsewhere (a cadre renamed later, or a setting
// changed, must not read as tampering). Compared field by field, so a verifier can name what differs.
import type { Kysely } from 'kysely';
import { digestHex, type DigestAlgorithm, type Signer } from '../../platform/crypto/index.js';
import type { DB } from '../../platform/db/index.js';
import { canonicalJson } from '../../platform/trail/index.js';

/** The digest of a record's canonical JSON: with the installation's suite (a signer), or a named algorithm. */
export const digestOf = (by: Signer | DigestAlgorithm, record: unknown) =>
  typeof by === 'string' ? digestHex(by, canonicalJson(record)) : by.digest(canonicalJson(record));

/** Plain JSON values (dates as ISO strings), as the stored jsonb will give them back. */
const plain = <T>(v: T) => JSON.parse(canonicalJson(v)) as T;

export async function sealRecord(db: Kysely<DB>, meetingId: number) {
  const meeting = await db
    .selectFrom('meetings')
    .select(['id', 'org_id', 'kind', 'held_on', 'place', 'chair_cadre_id', 'recorder'])
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('meeting_items')
    .select(['id', 'seq', 'title', 'category', 'proposer_cadre_id', 'proposer_deemed', 'materials', 'prep_done'])
    .select(['status', 'urgent_reason', 'dissent', 'voters', 'over_divergence', 'closed_at'])
    .where('meeting_id', '=', meetingId)
    .orderBy('seq')
    .execute();
  const itemIds = items.length ? items.map((i) => i.id) : [0];
  const [members, guests, opinions, candidates, votes, recusals, emergencies, signatures, audio] = await Promise.all([
    db
      .selectFrom('meeting_members')
      .select(['cadre_id', 'team_role', 'sort', 'attended', 'absence_reason'])
      .where('meeting_id', '=', meetingId)
      .orderBy('sort')
      .execute(),
    db
      .selectFrom('meeting_guests')
      .select(['name', 'capacity'])
      .where('meeting_id', '=', meetingId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('item_opinions')
      .select(['item_id', 'seq', 'cadre_id', 'opinion', 'reason', 'deemed'])
      .where('item_id', 'in', itemIds)
      .orderBy('item_id')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('item_candidates')
      .select(['id', 'item_id', 'seq', 'cadre_id', 'name', 'post', 'result'])
      .where('item_id', 'in', itemIds)
      .orderBy('item_id')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('candidate_votes as v')
      .innerJoin('item_candidates as k', 'k.id', 'v.candidate_id')
      .select(['v.candidate_id', 'v.cadre_id', 'v.vote'])
      .where('k.item_id', 'in', itemIds)
      .orderBy('v.candidate_id')
      .orderBy('v.cadre_id')
      .execute(),
    db
      .selectFrom('item_recusals')
      .select(['item_id', 'cadre_id', 'reason', 'candidate_id', 'note'])
      .where('item_id', 'in', itemIds)
      .orderBy('item_id')
      .orderBy('cadre_id')
      .execute(),
    db
      .selectFrom('emergency_decisions')
      .select(['id', 'title', 'decided_on', 'recorded_on', 'proposer_cadre_id'])
      .where('reported_meeting_id', '=', meetingId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('item_signatures')
      .select(['item_id', 'capacity', 'cadre_id', 'account_id', 'method', 'digest', 'signed_at'])
      .where('item_id', 'in', itemIds)
      .orderBy('item_id')
      .orderBy('capacity')
      .execute(),
    // M-33: each recording by its digest and size; the archive carries the file, and the verifier links the two.
    db
      .selectFrom('item_audio')
      .select(['id', 'item_id', 'mime_type', 'size_bytes', 'chunks', 'sha256'])
      .where('item_id', 'in', itemIds)
      .orderBy('id')
      .execute(),
  ]);
  return plain({
    meeting,
    members,
    guests,
    items: items.map((i) => ({
      ...i,
      opinions: opinions.filter((o) => o.item_id === i.id).map(({ item_id, ...o }) => o),
      candidates: candidates
        .filter((k) => k.item_id === i.id)
        .map(({ item_id, ...k }) => ({
          ...k,
          votes: votes.filter((v) => v.candidate_id === k.id).map(({ candidate_id, ...v }) => v),
        })),
      recusals: recusals.filter((r) => r.item_id === i.id).map(({ item_id, ...r }) => r),
      // M-33; only when there are any, so that a meeting sealed before signatures existed still reads the same.
      ...signedPart(signatures.filter((g) => g.item_id === i.id).map(({ item_id, ...g }) => g)),
      ...audioPart(
        audio
          .filter((a) => a.item_id === i.id)
          .map(({ item_id, size_bytes, ...a }) => ({ ...a, size_bytes: Number(size_bytes) })),
      ),
    })),
    emergencies,
  });
}

const signedPart = <T>(signatures: T[]) => (signatures.length ? { signatures } : {});
const audioPart = <T>(audio: T[]) => (audio.length ? { audio } : {});

/** The paths at which two records differ (`items.1.opinions.0.opinion`), at most `max`. */
export function differences(a: unknown, b: unknown, max = 20, path: string[] = [], out: string[] = []): string[] {
  if (out.length >= max) return out;
  const obj = (v: unknown) => v !== null && typeof v === 'object';
  if (obj(a) && obj(b) && Array.isArray(a) === Array.isArray(b)) {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    for (const k of [...new Set([...ka, ...kb])].sort())
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], max, [...path, k], out);
  } else if (canonicalJson(a) !== canonicalJson(b)) out.push(path.join('.') || '(record)');
  return out;
}
