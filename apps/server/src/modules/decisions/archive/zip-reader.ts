// Reading a meeting archive by random access (issue 14 §5, M-35), in Node (a file handle) and in verify.html (a File):
// the central directory at the end names every entry with its size and offset, so a recording of a gigabyte is read
// in slices and hashed as it goes, never whole. (A streaming unzip cannot be trusted here: it finds the end of an
// entry written with a data descriptor by searching for a signature, which 500 MB of audio contains by chance.)
import { Inflate, inflateSync } from 'fflate';

/** Bytes that can be read at any offset: a Uint8Array, a file on disk, or a File in the browser. */
export interface ArchiveSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}
export class ZipError extends Error {}

export const bytesSource = (b: Uint8Array): ArchiveSource => ({
  size: b.length,
  read: async (offset, length) => b.subarray(offset, offset + length),
});

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 2 ** 24;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;
const utf8 = new TextDecoder();

/** The entries of the central directory, ZIP64 included. Throws ZipError when the bytes are not a zip. */
export async function zipEntries(src: ArchiveSource): Promise<ZipEntry[]> {
  const tailLen = Math.min(src.size, 22 + 0xffff + 20);
  const tail = await src.read(src.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (u32(tail, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new ZipError('no end of central directory');
  let count = u16(tail, eocd + 10);
  let cdSize = u32(tail, eocd + 12);
  let cdOffset = u32(tail, eocd + 16);
  if (eocd >= 20 && u32(tail, eocd - 20) === 0x07064b50) {
    const rec = await src.read(u64(tail, eocd - 12), 56); // the ZIP64 end record the locator points to
    if (u32(rec, 0) !== 0x06064b50) throw new ZipError('bad zip64 end record');
    count = u64(rec, 32);
    cdSize = u64(rec, 40);
    cdOffset = u64(rec, 48);
  }
  if (cdOffset + cdSize > src.size || cdSize > 64 * 2 ** 20) throw new ZipError('bad central directory');
  const cd = await src.read(cdOffset, cdSize);
  const out: ZipEntry[] = [];
  for (let i = 0, k = 0; k < count; k++) {
    if (i + 46 > cd.length || u32(cd, i) !== 0x02014b50) throw new ZipError('bad central directory entry');
    const [nameLen, extraLen, commentLen] = [u16(cd, i + 28), u16(cd, i + 30), u16(cd, i + 32)];
    const e: ZipEntry = {
      name: utf8.decode(cd.subarray(i + 46, i + 46 + nameLen)),
      method: u16(cd, i + 10),
      compressedSize: u32(cd, i + 20),
      size: u32(cd, i + 24),
      offset: u32(cd, i + 42),
    };
    // ZIP64: the fields at 0xffffffff are in the extra field 0x0001, in this order.
    for (let x = i + 46 + nameLen; x + 4 <= i + 46 + nameLen + extraLen; x += 4 + u16(cd, x + 2)) {
      if (u16(cd, x) !== 1) continue;
      let p = x + 4;
      for (const f of ['size', 'compressedSize', 'offset'] as const)
        if (e[f] === 0xffffffff) {
          e[f] = u64(cd, p);
          p += 8;
        }
    }
    out.push(e);
    i += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Where an entry's data starts: after its local header, whose name and extra lengths may differ from the directory's. */
async function dataStart(src: ArchiveSource, e: ZipEntry): Promise<number> {
  const h = await src.read(e.offset, 30);
  if (h.length < 30 || u32(h, 0) !== 0x04034b50) throw new ZipError(`bad local header of ${e.name}`);
  const start = e.offset + 30 + u16(h, 26) + u16(h, 28);
  if (start + e.compressedSize > src.size) throw new ZipError(`${e.name} runs past the end`);
  return start;
}

/** A small entry, whole: stored or deflated. */
export async function readEntry(src: ArchiveSource, e: ZipEntry): Promise<Uint8Array> {
  const data = await src.read(await dataStart(src, e), e.compressedSize);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new ZipError(`${e.name}: unknown compression ${e.method}`);
  const out = inflateSync(data, { out: new Uint8Array(e.size) });
  if (out.length !== e.size) throw new ZipError(`${e.name}: size differs`);
  return out;
}

/** An entry's content in slices, in order: read `slice` bytes at a time, inflated as it goes when deflated. */
export async function* entrySlices(src: ArchiveSource, e: ZipEntry, slice = 4 * 2 ** 20): AsyncGenerator<Uint8Array> {
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`${e.name}: unknown compression ${e.method}`);
  const start = await dataStart(src, e);
  const out: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => out.push(chunk));
  for (let at = 0; at < e.compressedSize; at += slice) {
    const raw = await src.read(start + at, Math.min(slice, e.compressedSize - at));
    if (e.method === 0) yield raw;
    else {
      inflate.push(raw, at + slice >= e.compressedSize);
      yield* out.splice(0);
    }
  }
}
