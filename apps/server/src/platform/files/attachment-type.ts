// M-11 attachments: the type of a file is read from its bytes, never from its name. JPEG, PNG and PDF by their
// signatures; DOCX and XLSX are ZIP files, recognised only when the package's [Content_Types].xml declares the
// Word or Excel main part (not the macro-enabled variants) and that part is in the archive. A small checker instead
// of the `file-type` package: its current major needs Node 22, and it would not check the main part's presence.
import { inflateEntry, readZipDirectory } from './zip-directory.js';

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
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** [Content_Types].xml is a few KB; a larger claimed size is refused, and inflating stops at the claimed size. */
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;

/** The detected type, or null when the bytes are none of the allowed types (or malformed). Never throws. */
export function detectType(buf: Buffer): AttachmentType | null {
  try {
    if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
    if (buf.length >= 16 && buf.subarray(0, 8).equals(PNG) && buf.toString('latin1', 12, 16) === 'IHDR')
      return 'image/png';
    if (buf.length >= 8 && buf.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
    if (buf.length >= 30 && buf.readUInt32LE(0) === 0x04034b50) return ooxmlType(buf);
    return null;
  } catch {
    return null;
  }
}

function ooxmlType(buf: Buffer): AttachmentType | null {
  const { entries } = readZipDirectory(buf);
  const ct = entries.find((e) => e.name === '[Content_Types].xml');
  const xml = ct && inflateEntry(buf, ct, MAX_CONTENT_TYPES_BYTES).toString('utf8');
  if (!xml) return null;
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
