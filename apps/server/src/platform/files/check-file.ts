// An uploaded file, checked before any transaction opens: not empty, at most 10 MiB, a type read from its bytes
// (attachment-type.ts) that its name's extension agrees with, a plain name. Used by report attachments (M-11) and by
// the attachments of talks and supervision records (M-20, M-23 … M-26).
import { AppError } from '../http/index.js';
import { ATTACHMENT_TYPES, detectType, extensionFits, type AttachmentType } from './attachment-type.js';
import { overBudget, readZipDirectory, type ZipBudget } from './zip-directory.js';

export const FILE_MAX_BYTES = 10 * 1024 * 1024;
const MIB = FILE_MAX_BYTES / 1024 / 1024;
/** A Word or Excel file of 10 MiB unpacks to a few tens of MiB; a zip bomb claims far more (issue 11 §3). */
export const ATTACHMENT_ZIP_BUDGET: ZipBudget = {
  maxEntries: 5000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
};
const TYPES_ZH = 'JPEG、PNG 图片，PDF、Word（.docx）、Excel（.xlsx）文件';

export const fileErrors = {
  empty: () => new AppError(400, 'ATTACHMENT_EMPTY', '文件是空的，请重新选择', 'The file is empty'),
  tooLarge: () =>
    new AppError(413, 'ATTACHMENT_TOO_LARGE', `单个文件不能超过 ${MIB} MB`, `A file may be at most ${MIB} MiB`),
  type: () =>
    new AppError(
      400,
      'ATTACHMENT_TYPE',
      `文件内容不是允许的类型；只接受${TYPES_ZH}`,
      'The content is not an accepted type; only JPEG, PNG, PDF, DOCX and XLSX are accepted',
    ),
  mismatch: (label: string) =>
    new AppError(
      400,
      'ATTACHMENT_MISMATCH',
      `文件内容是 ${label}，与文件名的扩展名不符，请核对后重新上传`,
      `The content is ${label}, which does not match the file name's extension`,
    ),
  tooMany: (limit: number, whatZh: string, whatEn: string) =>
    new AppError(
      409,
      'ATTACHMENT_LIMIT',
      `每${whatZh}最多 ${limit} 个附件，已达上限`,
      `A ${whatEn} may have at most ${limit} attachments`,
    ),
  unpacksTooLarge: () =>
    new AppError(
      413,
      'ATTACHMENT_UNPACKS_TOO_LARGE',
      `文件解压后过大（Word、Excel 文件解压后不能超过 ${ATTACHMENT_ZIP_BUDGET.maxTotalBytes / 1024 / 1024} MB、${ATTACHMENT_ZIP_BUDGET.maxEntries} 个部件）`,
      `The file unpacks to too much (a Word or Excel file may unpack to at most ${ATTACHMENT_ZIP_BUDGET.maxTotalBytes / 1024 / 1024} MiB in ${ATTACHMENT_ZIP_BUDGET.maxEntries} parts)`,
    ),
  badName: () => new AppError(400, 'ATTACHMENT_NAME', '文件名无效', 'Invalid file name'),
  notAFile: () =>
    new AppError(
      415,
      'INVALID_MEDIA_TYPE',
      '请以文件内容作为请求体上传（application/octet-stream）',
      'Send the file itself as the body (application/octet-stream)',
    ),
};

/** The name as the uploader's machine gave it, without folders, control or direction-override characters. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name
    .split(/[/\\]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a file name loses its control and bidi characters on purpose
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  if (!base || base === '.' || base === '..' || base.length > 200) throw fileErrors.badName();
  return base;
}

/** The checks that need no database: a refused file never opens a transaction. */
export function checkFile(name: string, body: unknown): { fileName: string; type: AttachmentType; content: Buffer } {
  if (body === undefined || body === null) throw fileErrors.empty();
  if (!Buffer.isBuffer(body)) throw fileErrors.notAFile();
  if (body.length === 0) throw fileErrors.empty();
  if (body.length > FILE_MAX_BYTES) throw fileErrors.tooLarge();
  const fileName = cleanName(name);
  const type = detectType(body);
  if (!type) throw fileErrors.type();
  if (!extensionFits(fileName, type)) throw fileErrors.mismatch(ATTACHMENT_TYPES[type].label);
  // DOCX and XLSX are ZIP files: what their directory claims is checked, nothing is inflated (detectType read one small part).
  if (type.startsWith('application/vnd.') && overBudget(readZipDirectory(body).entries, ATTACHMENT_ZIP_BUDGET))
    throw fileErrors.unpacksTooLarge();
  return { fileName, type, content: body };
}
