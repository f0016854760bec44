// What an uploaded workbook may be (issue 11 §3), and the bilingual refusals. The sizes are those its ZIP directory
// claims, checked before anything is inflated; rows and columns are counted in a worker before the sheet is parsed.
// A real roster of 20,000 cadres in 15 columns unpacks to about 18 MiB and reads in about 3 s.
import { AppError } from '../http/index.js';

export interface SheetLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxSheets: number;
  maxRows: number;
  maxColumns: number;
  /** The worker reading the file is stopped after this long. */
  timeoutMs: number;
}

const MIB = 1024 * 1024;
export const SHEET_LIMITS: SheetLimits = {
  maxEntries: 1000,
  maxEntryBytes: 48 * MIB,
  maxTotalBytes: 48 * MIB,
  maxSheets: 16,
  maxRows: 20_000,
  maxColumns: 64,
  timeoutMs: 20_000,
};

const mib = (n: number) => `${Math.ceil(n / MIB)} MB`;
const tooBig = (zh: string, en: string) =>
  new AppError(
    413,
    'SHEET_TOO_LARGE',
    `表格过大，未导入：${zh}`,
    `The workbook is too large; nothing was imported: ${en}`,
  );

export const sheetErrors = {
  malformed: () =>
    new AppError(
      400,
      'SHEET_MALFORMED',
      '文件不是有效的 .xlsx 表格（压缩包结构有误或所记大小与内容不符）',
      'The file is not a valid .xlsx workbook (its ZIP structure is broken or its recorded sizes do not match its contents)',
    ),
  entries: (n: number, max: number) =>
    tooBig(`压缩包内有 ${n} 个文件（上限 ${max} 个）`, `it holds ${n} files (at most ${max})`),
  unpacked: (bytes: number, max: number) =>
    tooBig(`解压后约 ${mib(bytes)}（上限 ${mib(max)}）`, `it unpacks to about ${mib(bytes)} (at most ${mib(max)})`),
  sheets: (n: number, max: number) =>
    tooBig(`有 ${n} 个工作表（上限 ${max} 个）`, `it has ${n} sheets (at most ${max})`),
  rows: (n: number, max: number) =>
    tooBig(`一个工作表有 ${n} 行（上限 ${max} 行）`, `a sheet has ${n} rows (at most ${max})`),
  columns: (n: number, max: number) =>
    tooBig(`一个工作表有 ${n} 列（上限 ${max} 列）`, `a sheet has ${n} columns (at most ${max})`),
  slow: (ms: number) => tooBig(`未能在 ${ms / 1000} 秒内读完`, `it could not be read within ${ms / 1000} s`),
  memory: () => tooBig('读取所需内存超过上限', 'reading it needs more memory than allowed'),
  busy: () =>
    new AppError(
      503,
      'SHEET_BUSY',
      '正在读取其他表格，请稍后再试',
      'Other workbooks are being read; try again shortly',
    ),
};
