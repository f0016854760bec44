// Reads a workbook off the event loop (issue 11 §3), in a pooled worker thread with its own heap limit, stopped by
// the pool when it runs out of time. Plain JavaScript so that a thread starts in milliseconds with no TypeScript
// loader. The main thread has already checked the ZIP directory (sizes, entries, sheets) and that its entries
// tile the file; here each sheet is inflated to at most the size the directory claims (a lying header is refused),
// its rows and columns are counted from the XML, and only then does read-excel-file parse it.
import { inflateRawSync } from 'node:zlib';
import readXlsxFile from 'read-excel-file/node';

/** Column letters (A … XFD) as a number. */
const columnNumber = (letters) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Rows and columns a sheet's XML spans: the count of <row> elements, or the highest row and column named. */
function extent(xml) {
  let rows = 0;
  let maxRow = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?row\b([^>]*)>/g)) {
    rows++;
    const r = /\br="(\d+)"/.exec(m[1]);
    if (r) maxRow = Math.max(maxRow, Number(r[1]));
  }
  let columns = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"/g)) {
    columns = Math.max(columns, columnNumber(m[1]));
    maxRow = Math.max(maxRow, Number(m[2]));
  }
  return { rows: Math.max(rows, maxRow), columns };
}

/** Inflates one sheet to exactly its claimed size; null when the bytes say otherwise. */
function inflateSheet(file, s) {
  const raw = file.subarray(s.start, s.start + s.compressedSize);
  if (s.method === 0) return raw.length === s.size ? raw : null;
  try {
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, s.size) });
    return out.length === s.size ? out : null;
  } catch {
    return null;
  }
}

/**
 * @param {{ file: Uint8Array, sheets: Array<{ start: number, compressedSize: number, size: number, method: number }>,
 *   maxRows: number, maxColumns: number }} task
 */
export default async function readWorkbookInWorker({ file, sheets, maxRows, maxColumns }) {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  for (const s of sheets) {
    const xml = inflateSheet(buf, s);
    if (!xml) return { refused: 'malformed' };
    const { rows, columns } = extent(xml.toString('utf8'));
    if (rows > maxRows) return { refused: 'rows', value: rows };
    if (columns > maxColumns) return { refused: 'columns', value: columns };
  }
  const read = await readXlsxFile(buf);
  // Strings cross to the main thread, a few hundred rows each: cloning 100,000 cells one by one there held its event
  // loop longer, and one JSON.parse of a whole 8,000-row sheet held it ~100 ms; the main thread parses piece by piece.
  return {
    sheets: read.map((s) => {
      const rows = s.data.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
      const pieces = [];
      for (let i = 0; i < rows.length; i += ROWS_PER_PIECE)
        pieces.push(JSON.stringify(rows.slice(i, i + ROWS_PER_PIECE)));
      return { name: s.sheet.trim(), pieces };
    }),
  };
}

const ROWS_PER_PIECE = 500;
