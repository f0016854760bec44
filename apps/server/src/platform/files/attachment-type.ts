// M-11 attachments: the type of a file is read from its bytes, never from its name. JPEG, PNG and PDF by their
// signatures; DOCX and XLSX are ZIP files, recognised only when the package's [Content_Types].xml declares the
// Word or Excel main part (not the macro-enabled variants) and that part is in the archive. A small checker instead
// of the `file-type` package: its current major needs Node 22, and it would not check the main part's presence.
import { inflateRawSync } from 'node:zlib';

export const ATTACHMENT_TYPES = {
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'DOCX', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'XLSX', extensions: ['xlsx'] },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OOXML_MAIN: Record<string, AttachmentType> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** [Content_Types].xml is a few KB; a larger inflated size is refused (a zip bomb costs nothing then). */
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;

/** The detected type, or null when the bytes are none of the allowed types (or malformed). Never throws. */
export function detectType(buf: Buffer): AttachmentType | null {
  try {
    if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
    if (buf.length >= 16 && buf.subarray(0, 8).equals(PNG) && buf.toString('latin1', 12, 16) === 'IHDR') return 'image/png';
    if (buf.length >= 8 && buf.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
    if (buf.length >= 30 && buf.readUInt32LE(0) === 0x04034b50) return ooxmlType(buf);
    return null;
  } catch {
    return null;
  }
}

interface ZipEntry { name: string; method: number; compressedSize: number; localOffset: number }

/** The central directory, read from the end-of-central-directory record (no ZIP64: files here are ≤ 10 MiB). */
function zipEntries(buf: Buffer): ZipEntry[] | null {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    entries.push({ method: buf.readUInt16LE(p + 10), compressedSize: buf.readUInt32LE(p + 20), localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen) });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

function entryData(buf: Buffer, e: ZipEntry): Buffer | null {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) return null;
  const raw = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return raw.length <= MAX_CONTENT_TYPES_BYTES ? raw : null;
  if (e.method === 8) return inflateRawSync(raw, { maxOutputLength: MAX_CONTENT_TYPES_BYTES });
  return null;
}

function ooxmlType(buf: Buffer): AttachmentType | null {
  const entries = zipEntries(buf);
  const ct = entries?.find((e) => e.name === '[Content_Types].xml');
  const xml = ct && entryData(buf, ct)?.toString('utf8');
  if (!entries || !xml) return null;
  const names = new Set(entries.map((e) => e.name));
  for (const tag of xml.match(/<Override\b[^>]*>/g) ?? []) {
    const part = /\bPartName="([^"]+)"/.exec(tag)?.[1];
    const type = OOXML_MAIN[/\bContentType="([^"]+)"/.exec(tag)?.[1] ?? ''];
    if (type && part && names.has(part.replace(/^\//, ''))) return type;
  }
  return null;
}

/** Whether the name's extension is one of the detected type's (a .pdf name on PNG bytes is refused). */
export function extensionFits(name: string, type: AttachmentType): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return (ATTACHMENT_TYPES[type].extensions as readonly string[]).includes(ext);
}
