// Reads the files inside a ZIP (.docx, .xlsx) through its central directory (local headers may leave the sizes to a
// trailing data descriptor), for tests that look inside an export.
import { inflateRawSync } from 'node:zlib';

export function zipEntries(zip: Buffer): Map<string, string> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive');
  const count = zip.readUInt16LE(end + 10);
  const out = new Map<string, string>();
  for (let i = 0, at = zip.readUInt32LE(end + 16); i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The text of one file inside a ZIP. */
export function zipEntry(zip: Buffer, name: string): string {
  const text = zipEntries(zip).get(name);
  if (text === undefined) throw new Error(`${name} not in the archive`);
  return text;
}
