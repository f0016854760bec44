// Reading an uploaded workbook without stalling the server (issue 11 §3). On the event loop only the ZIP directory
// is read (no inflating): entry count, claimed sizes, sheet count, and that the entries tile the file. The rest —
// inflating, counting rows and columns, parsing — runs in a pooled worker thread (piscina) with a heap limit, a
// lower CPU priority and a time limit; two run at once and four may wait, more are refused (503). A 105 KiB
// file holding a 100 MiB sheet blocked /health for 94 s; it is now refused by its directory in microseconds.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { AppError } from '../http/index.js';
import { dataStart, overBudget, readWholeZip, ZipFormatError } from '../files/zip-directory.js';
import { SHEET_LIMITS, sheetErrors, type SheetLimits } from './workbook-limits.js';

export type Cell = string | number | boolean | null;
export interface SheetIn {
  name: string;
  rows: Cell[][];
}

type WorkerAnswer =
  | { sheets: Array<{ name: string; pieces: string[] }> }
  | { refused: 'malformed' | 'rows' | 'columns'; value?: number };

const THREADS = 2;
/** Files being read or waiting for a thread; past this a request is refused at once (503) rather than queued. */
const MAX_IN_FLIGHT = THREADS + 4;
let inFlight = 0;
let pool: Piscina | null = null;
const workers = () =>
  (pool ??= new Piscina({
    filename: new URL('./workbook-read.worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: THREADS,
    idleTimeout: 30_000,
    // A worker that needs more is ended by Node (ERR_WORKER_OUT_OF_MEMORY); the server's heap is not touched.
    resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
    niceIncrement: 10,
  }));

/** The worker threads end when idle; tests and shutdown may end them at once. */
export async function closeWorkbookReaders(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

/** The ZIP directory against the limits, on the event loop: nothing is inflated. Returns the sheets to read. */
function checkDirectory(file: Buffer, l: SheetLimits) {
  let entries: ReturnType<typeof readWholeZip>;
  try {
    entries = readWholeZip(file);
  } catch (e) {
    if (e instanceof ZipFormatError) throw sheetErrors.malformed();
    throw e;
  }
  const over = overBudget(entries, l);
  if (over?.limit === 'entries') throw sheetErrors.entries(over.value, l.maxEntries);
  if (over) throw sheetErrors.unpacked(over.value, over.limit === 'entry' ? l.maxEntryBytes : l.maxTotalBytes);
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (sheets.length > l.maxSheets) throw sheetErrors.sheets(sheets.length, l.maxSheets);
  try {
    return sheets.map((e) => ({
      start: dataStart(file, e),
      compressedSize: e.compressedSize,
      size: e.size,
      method: e.method,
    }));
  } catch {
    throw sheetErrors.malformed();
  }
}

/**
 * Every sheet of a workbook, cells as text, numbers, booleans or dates (YYYY-MM-DD as written). Refuses a file over
 * the limits with a bilingual 413 (400 when its ZIP structure lies); other unreadable files throw a plain Error.
 */
export async function readWorkbook(file: Buffer, limits: Partial<SheetLimits> = {}): Promise<SheetIn[]> {
  const l = { ...SHEET_LIMITS, ...limits };
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) throw new Error('not an xlsx file (no ZIP signature)');
  const sheets = checkDirectory(file, l);
  if (inFlight >= MAX_IN_FLIGHT) throw sheetErrors.busy();
  const copy = new Uint8Array(file); // its own memory, handed over to the worker
  let answer: WorkerAnswer;
  inFlight++;
  try {
    answer = await workers().run(
      { file: copy, sheets, maxRows: l.maxRows, maxColumns: l.maxColumns },
      { transferList: [copy.buffer], signal: AbortSignal.timeout(l.timeoutMs) },
    );
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.name === 'AbortError') throw sheetErrors.slow(l.timeoutMs);
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') throw sheetErrors.memory();
    throw e instanceof AppError ? e : new Error(`unreadable workbook: ${err.message}`);
  } finally {
    inFlight--;
  }
  if ('sheets' in answer) return parsePieces(answer.sheets);
  if (answer.refused === 'rows') throw sheetErrors.rows(answer.value!, l.maxRows);
  if (answer.refused === 'columns') throw sheetErrors.columns(answer.value!, l.maxColumns);
  throw sheetErrors.malformed();
}

/** The worker's rows, a piece at a time, letting other requests run between pieces (/health stays under ~10 ms). */
async function parsePieces(sheets: Array<{ name: string; pieces: string[] }>): Promise<SheetIn[]> {
  const out: SheetIn[] = [];
  for (const s of sheets) {
    const rows: Cell[][] = [];
    for (const piece of s.pieces) {
      for (const row of JSON.parse(piece) as Cell[][]) rows.push(row);
      await nextTurn();
    }
    out.push({ name: s.name, rows });
  }
  return out;
}

/**
 * For a loop over a sheet's rows on the event loop: `await breathe()` in each turn lets other requests run every
 * `every` rows, so checking a 20,000-row file never holds the server for long.
 */
export function rowBreather(every = 500): () => Promise<void> {
  let n = 0;
  return async () => {
    if (++n % every === 0) await nextTurn();
  };
}
