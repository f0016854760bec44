// Spreadsheets in and out (.xlsx): read-excel-file and write-excel-file, small and kept, no formula engine.
// Cells come back as text, numbers, booleans or dates; dates become YYYY-MM-DD as written on the sheet.
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | boolean | null;
export interface SheetIn { name: string; rows: Cell[][] }

/** Every sheet of a workbook; refuses what is not an .xlsx file with a clear error. */
export async function readWorkbook(file: Buffer): Promise<SheetIn[]> {
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) throw new Error('not an xlsx file (no ZIP signature)');
  const sheets = await readXlsxFile(file);
  return sheets.map((s) => ({
    name: s.sheet.trim(),
    rows: s.data.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v as Cell)))),
  }));
}

export interface SheetOut { name: string; columns: Array<{ title: string; width?: number }>; rows: Cell[][] }

/** A workbook with a bold, frozen header row per sheet. */
export async function writeWorkbook(sheets: SheetOut[]): Promise<Buffer> {
  return writeXlsxFile(sheets.map((s) => ({
    sheet: s.name,
    data: [s.columns.map((c) => ({ value: c.title, fontWeight: 'bold' as const })), ...s.rows.map((r) => r.map((v) => (v === null ? null : { value: v })))],
    columns: s.columns.map((c) => ({ width: c.width ?? 16 })),
    stickyRowsCount: 1,
  })) as never, { fontFamily: '宋体', fontSize: 11 }).toBuffer();
}
