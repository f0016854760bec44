// The ZIP directory of an uploaded .docx or .xlsx, read without inflating anything (issue 11 §3): names, methods and
// the sizes the archive claims, so a zip bomb is refused by its directory before a byte of it is inflated, and
// inflating is held to the claimed size, so a lying header cannot take more. No ZIP64: uploads are ≤ 10 MiB and an
// entry of 4 GiB is refused anyway.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The uncompressed size the central directory claims. */
  size: number;
  localOffset: number;
}

export class ZipFormatError extends Error {}

const u16 = (b: Buffer, at: number) => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);

/** The entries of the central directory, and where it starts. Throws ZipFormatError when it cannot be read. */
export function readZipDirectory(buf: Buffer): { entries: ZipEntry[]; directoryOffset: number } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (u32(buf, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const count = u16(buf, eocd + 10);
  const directoryOffset = u32(buf, eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipFormatError('ZIP64 archive');
  const entries: ZipEntry[] = [];
  for (let i = 0, p = directoryOffset; i < count; i++) {
    if (p + 46 > buf.length || u32(buf, p) !== 0x02014b50) throw new ZipFormatError('bad central directory entry');
    const nameLen = u16(buf, p + 28);
    const e = {
      flags: u16(buf, p + 8),
      method: u16(buf, p + 10),
      compressedSize: u32(buf, p + 20),
      size: u32(buf, p + 24),
      localOffset: u32(buf, p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw new ZipFormatError('ZIP64 entry');
    entries.push(e);
    p += 46 + nameLen + u16(buf, p + 30) + u16(buf, p + 32);
  }
  return { entries, directoryOffset };
}

/** Where an entry's compressed bytes start, from its local header (which must name the same file). */
export function dataStart(buf: Buffer, e: ZipEntry): number {
  const p = e.localOffset;
  if (p + 30 > buf.length || u32(buf, p) !== 0x04034b50) throw new ZipFormatError('bad local header');
  const nameLen = u16(buf, p + 26);
  if (buf.toString('utf8', p + 30, p + 30 + nameLen) !== e.name || u16(buf, p + 8) !== e.method)
    throw new ZipFormatError('local header differs');
  const start = p + 30 + nameLen + u16(buf, p + 28);
  if (start + e.compressedSize > buf.length) throw new ZipFormatError('entry runs past the end');
  return start;
}

/**
 * The directory, checked to describe the whole archive: its entries follow one another from the first byte to the
 * directory, nothing hidden between them, none encrypted. A reader that walks the local headers in order (as the
 * spreadsheet library does) then sees exactly these entries.
 */
export function readWholeZip(buf: Buffer): ZipEntry[] {
  const { entries, directoryOffset } = readZipDirectory(buf);
  let pos = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (e.localOffset !== pos || e.flags & 1) throw new ZipFormatError('entries do not tile the archive');
    pos = dataStart(buf, e) + e.compressedSize;
    if (e.flags & 8) pos += pos + 4 <= buf.length && u32(buf, pos) === 0x08074b50 ? 16 : 12; // data descriptor
  }
  if (pos !== directoryOffset) throw new ZipFormatError('bytes between the entries and the directory');
  return entries;
}

/** An entry's bytes, inflated to at most the size the directory claims; more (or less) is a lie and throws. */
export function inflateEntry(buf: Buffer, e: ZipEntry, maxBytes = e.size): Buffer {
  const start = dataStart(buf, e);
  const raw = buf.subarray(start, start + e.compressedSize);
  if (e.size > maxBytes) throw new ZipFormatError('entry larger than allowed');
  let out: Buffer;
  if (e.method === 0) out = raw;
  else if (e.method === 8) {
    try {
      out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    } catch {
      throw new ZipFormatError('entry inflates past its claimed size, or is corrupt');
    }
  } else throw new ZipFormatError(`compression method ${e.method}`);
  if (out.length !== e.size) throw new ZipFormatError('entry size differs from its header');
  return out;
}

export interface ZipBudget {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

/** What the directory claims, against a budget: the first limit it passes, or null. Nothing is inflated. */
export function overBudget(
  entries: ZipEntry[],
  b: ZipBudget,
): { limit: 'entries' | 'entry' | 'total'; value: number } | null {
  if (entries.length > b.maxEntries) return { limit: 'entries', value: entries.length };
  const big = entries.find((e) => e.size > b.maxEntryBytes);
  if (big) return { limit: 'entry', value: big.size };
  const total = entries.reduce((s, e) => s + e.size, 0);
  return total > b.maxTotalBytes ? { limit: 'total', value: total } : null;
}
