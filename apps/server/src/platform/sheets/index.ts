// Spreadsheets in and out (.xlsx): read-excel-file and write-excel-file, small and kept, no formula engine.
// Reading is checked and runs in a worker (workbook-read.ts, issue 11 §3); cells come back as text, numbers, booleans
// or dates (YYYY-MM-DD as written on the sheet).
import writeXlsxFile from 'write-excel-file/node';
import type { Cell } from './workbook-read.js';

export { readWorkbook, closeWorkbookReaders, rowBreather, type Cell, type SheetIn } from './workbook-read.js';
export { SHEET_LIMITS, sheetErrors, type SheetLimits } from './workbook-limits.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetOut {
  name: string;
  columns: Array<{ title: string; width?: number }>;
  rows: Cell[][];
}

/** A workbook with a bold, frozen header row per sheet. */
export async function writeWorkbook(sheets: SheetOut[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map((s) => ({
      sheet: s.name,
      data: [
        s.columns.map((c) => ({ value: c.title, fontWeight: 'bold' as const })),
        ...s.rows.map((r) => r.map((v) => (v === null ? null : { value: v }))),
      ],
      columns: s.columns.map((c) => ({ width: c.width ?? 16 })),
      stickyRowsCount: 1,
    })) as never,
    { fontFamily: '宋体', fontSize: 11 },
  ).toBuffer();
}
