// Checking an exported meeting archive offline (issue 14 §5, M-35) — the same code in `npm run verify-archive` and,
// bundled, in the archive's own verify.html: WebCrypto (SHA-256, Ed25519), or sm-crypto-v2 (SM3, SM2) for an archive
// of a 国密 installation, fflate and @noble/hashes — no server, no network. The archive is read by random access
// (zip-reader.ts): the small files whole, the recordings in slices hashed as they are read, so a gigabyte of audio is
// never in memory at once.
// It checks, and names what fails: the manifest's signature; every file against its digest (and no file unlisted);
// the record against the seal's digest; the seal's signature; the link to the unit's previous seal; and, given this
// installation's public key, that the archive was sealed here.
import { sha256 as sha256Stream } from '@noble/hashes/sha2';
import { strFromU8 } from 'fflate';
import { sm2PointOf, sm2Verify, sm3Hex } from '../../../platform/crypto/suites.js';
import { canonicalJson } from '../../../platform/trail/canonical-json.js';
import { type ArchiveSource, bytesSource, entrySlices, readEntry, type ZipEntry, zipEntries } from './zip-reader.js';

/** Files up to this size are read whole; larger ones must be stored and listed by SHA-256, and are hashed in slices. */
const WHOLE_MAX = 64 * 2 ** 20;
/** The archive's own records, always read whole (an archive whose record is larger than 256 MiB is not one of ours). */
const RECORDS = new Set(['manifest.json', 'seal.json', 'record.json', 'chain.json', 'addenda.json', 'public-key.pem']);
/** An incremental SHA-256 (the CLI passes node:crypto's, faster than the script's). */
export type Sha256Stream = () => { update(b: Uint8Array): unknown; digest(): Uint8Array };

export interface Problem {
  zh: string;
  en: string;
  /** The file of the archive it concerns. */
  file?: string;
}
export interface ArchiveCheck {
  ok: boolean;
  meetingId?: number;
  seq?: number;
  digest?: string;
  /** The seal's digest algorithm: SHA-256, or SM3 on a 国密 installation. */
  algorithm?: string;
  keyId?: string;
  problems: Problem[];
}
interface Proof<T> {
  payload: T;
  signature: string;
  algorithm: string;
  keyId: string;
}
export interface ManifestPayload {
  meetingId: number;
  exportedAt: string;
  /** Each file's digest: `sm3` on a 国密 installation (the recordings keep the SHA-256 taken at upload), else `sha256`. */
  files: Array<{ name: string; size: number; sha256?: string; sm3?: string }>;
}
interface AudioEntry {
  id: number;
  sha256: string;
  size_bytes: number;
}
interface Addendum {
  content: { meetingId: number; n: number; reason: string; correction: string };
  proof: Proof<{ meetingId: number; n: number; prevDigest: string; algorithm: string; digest: string }>;
}
interface SealPayload {
  meetingId: number;
  orgId: number;
  seq: number;
  prevDigest: string | null;
  algorithm?: string;
  digest: string;
}

const enc = new TextEncoder();
const hex = (b: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
export const sha256Hex = async (data: Uint8Array | string) =>
  hex(await crypto.subtle.digest('SHA-256', (typeof data === 'string' ? enc.encode(data) : data) as BufferSource));
const unbase64 = (s: string) => {
  const b = atob(
    s
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(s.length / 4) * 4, '='),
  );
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
};
/** The digest an archive names (SM3 for a 国密 installation, else SHA-256), as hex. */
const digestHex = async (algorithm: string | undefined, data: Uint8Array | string) =>
  algorithm === 'SM3' ? sm3Hex(data) : sha256Hex(data);
/** A file against its manifest entry, by the digest the entry names (an entry naming none matches nothing). */
async function digestMatches(data: Uint8Array, entry: { sha256?: string; sm3?: string }): Promise<boolean> {
  if (typeof entry.sm3 === 'string') return (await digestHex('SM3', data)) === entry.sm3;
  return typeof entry.sha256 === 'string' && (await digestHex('SHA-256', data)) === entry.sha256;
}
const pemBody = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

/** The archive's public key: an Ed25519 key for WebCrypto, or the PEM of an SM2 key. */
type PublicKey = { ed25519: CryptoKey } | { sm2Pem: string };

async function signedBy<T>(proof: Proof<T> | undefined, key: PublicKey | null): Promise<boolean> {
  if (!key || !proof || typeof proof.signature !== 'string') return false;
  if ('sm2Pem' in key)
    return proof.algorithm === 'SM2' && sm2Verify(canonicalJson(proof.payload), proof.signature, key.sm2Pem);
  if (proof.algorithm !== 'Ed25519') return false;
  try {
    return await crypto.subtle.verify(
      'Ed25519',
      key.ed25519,
      unbase64(proof.signature),
      enc.encode(canonicalJson(proof.payload)),
    );
  } catch {
    return false;
  }
}

export async function verifyArchive(
  input: Uint8Array | ArchiveSource,
  opts: {
    publicKeyPem?: string;
    sha256?: Sha256Stream /** tests: read larger files in slices */;
    wholeMax?: number;
  } = {},
): Promise<ArchiveCheck> {
  const problems: Problem[] = [];
  const fail = (zh: string, en: string, file?: string) => problems.push({ zh, en, file });
  const src = input instanceof Uint8Array ? bytesSource(input) : input;
  const files: Record<string, Uint8Array> = {};
  const large = new Map<string, ZipEntry>();
  try {
    for (const e of await zipEntries(src)) {
      if (e.name.endsWith('/')) continue;
      if (e.size <= (opts.wholeMax ?? WHOLE_MAX) || (RECORDS.has(e.name) && e.size <= 256 * 2 ** 20))
        files[e.name] = await readEntry(src, e);
      else large.set(e.name, e);
    }
  } catch {
    fail('不是有效的会议归档（无法解压）', 'Not a meeting archive (cannot be unzipped)');
    return { ok: false, problems };
  }
  const json = <T>(name: string): T | undefined => {
    if (!files[name]) return void fail(`缺少文件 ${name}`, `${name} is missing`, name);
    try {
      return JSON.parse(strFromU8(files[name])) as T;
    } catch {
      return void fail(`${name} 不是有效的 JSON`, `${name} is not valid JSON`, name);
    }
  };
  const pem = files['public-key.pem'] ? strFromU8(files['public-key.pem']) : '';
  let key: PublicKey | null = null;
  try {
    key = sm2PointOf(pem)
      ? { sm2Pem: pem }
      : {
          ed25519: await crypto.subtle.importKey('spki', unbase64(pemBody(pem)), { name: 'Ed25519' }, false, [
            'verify',
          ]),
        };
  } catch {
    fail('公钥缺失或无效', 'The public key is missing or invalid', 'public-key.pem');
  }
  if (opts.publicKeyPem && pemBody(opts.publicKeyPem) !== pemBody(pem))
    fail('该归档不是本系统封存的（公钥不同）', 'This archive was not sealed by this installation (other key)');

  const manifest = json<Proof<ManifestPayload>>('manifest.json');
  if (manifest && !(await signedBy(manifest, key)))
    fail('清单签名无效', 'The manifest signature is not valid', 'manifest.json');
  const listed = new Set(manifest?.payload?.files?.map((f) => f.name) ?? []);
  for (const f of manifest?.payload?.files ?? []) {
    const big = large.get(f.name);
    const same = files[f.name]
      ? await digestMatches(files[f.name], f)
      : big && (await sha256InSlices(src, big, opts.sha256)) === f.sha256 && big.size === f.size;
    if (!files[f.name] && !big) fail(`缺少文件 ${f.name}`, `${f.name} is missing`, f.name);
    else if (!same) fail(`文件 ${f.name} 已被改动（摘要不符）`, `${f.name} has changed (digest differs)`, f.name);
  }
  for (const name of [...Object.keys(files), ...large.keys()])
    if (name !== 'manifest.json' && !listed.has(name))
      fail(`文件 ${name} 不在清单中`, `${name} is not in the manifest`, name);

  const seal = json<Proof<SealPayload>>('seal.json');
  const record = json<unknown>('record.json');
  if (seal && !(await signedBy(seal, key))) fail('封存签名无效', 'The seal signature is not valid', 'seal.json');
  if (
    seal &&
    record !== undefined &&
    (await digestHex(seal.payload.algorithm, canonicalJson(record))) !== seal.payload.digest
  )
    fail('会议记录与封存摘要不符', 'The record does not match the sealed digest', 'record.json');
  if (seal && manifest && seal.payload.meetingId !== manifest.payload.meetingId)
    fail('清单与封存不是同一次会议', 'The manifest and the seal are of different meetings', 'manifest.json');
  // Each recording the sealed record names is in the archive under its id, with the digest the seal holds.
  const audio = (record as { items?: Array<{ audio?: AudioEntry[] }> } | undefined)?.items?.flatMap(
    (i) => i.audio ?? [],
  );
  for (const a of audio ?? []) {
    const entry = manifest?.payload?.files?.find((f) => f.name.startsWith(`audio/${a.id}.`));
    if (!entry) fail(`缺少录音 ${a.id}`, `The audio ${a.id} is missing`, `audio/${a.id}`);
    else if (entry.sha256 !== a.sha256 || entry.size !== a.size_bytes)
      fail(`录音 ${entry.name} 与封存记录不符`, `The audio ${entry.name} differs from the sealed record`, entry.name);
  }
  const chain = json<{ previous: Proof<SealPayload> | null }>('chain.json');
  if (seal && chain) {
    const prev = chain.previous;
    const linked =
      seal.payload.seq === 1
        ? prev === null && seal.payload.prevDigest === null
        : !!prev &&
          prev.payload.digest === seal.payload.prevDigest &&
          prev.payload.seq === seal.payload.seq - 1 &&
          prev.payload.orgId === seal.payload.orgId &&
          (await signedBy(prev, key));
    if (!linked)
      fail('与本单位上一封存的链接不成立', 'The link to the unit’s previous seal does not hold', 'chain.json');
  }
  // Sealed corrections (addenda.json, when there are any): each one's content against its signed digest, its
  // signature, and its link — the first to the seal, each next to the one before.
  const addenda = files['addenda.json'] ? json<Addendum[]>('addenda.json') : [];
  let follows = seal?.payload.digest;
  for (const [i, a] of (Array.isArray(addenda) ? addenda : []).entries()) {
    const p = a?.proof?.payload;
    const digestOk = !!p && (await digestHex(p.algorithm, canonicalJson(a.content))) === p.digest;
    const ok =
      !!p &&
      p.n === i + 1 &&
      p.meetingId === seal?.payload.meetingId &&
      a.content?.n === p.n &&
      a.content?.meetingId === p.meetingId &&
      p.prevDigest === follows &&
      digestOk &&
      (await signedBy(a.proof, key));
    if (!ok)
      fail(`第 ${i + 1} 号补充更正无效或已被改动`, `Addendum ${i + 1} is not valid or has changed`, 'addenda.json');
    follows = p?.digest;
  }
  return {
    ok: problems.length === 0,
    meetingId: seal?.payload.meetingId,
    seq: seal?.payload.seq,
    digest: seal?.payload.digest,
    algorithm: seal?.payload.algorithm,
    keyId: seal?.keyId,
    problems,
  };
}

/** A large stored file's SHA-256, read in slices (null when it cannot be read as stored). */
async function sha256InSlices(src: ArchiveSource, e: ZipEntry, make: Sha256Stream = () => sha256Stream.create()) {
  try {
    const h = make();
    for await (const slice of entrySlices(src, e)) h.update(slice);
    return hex(h.digest());
  } catch {
    return null;
  }
}
