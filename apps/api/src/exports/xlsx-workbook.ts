import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TExportHeader } from './export-model.js';

/** How much sheet XML may wait for the compressor before the writer stops taking rows. */
const MAX_BACKLOG_BYTES = 256 * 1024;

/**
 * A streaming workbook writing into `to`. Inline strings rather than the shared-string table,
 * which would keep every distinct free-text answer in memory until the end. Styles (bold,
 * number formats) cost a lookup per cell, which halves the speed of a 100,000-row sheet, so the
 * raw responses go without. The document's dates are the export date, not the time of day.
 */
export function createWorkbook(
  header: TExportHeader,
  to: Writable,
  { styles }: { styles: boolean },
): ExcelJS.stream.xlsx.WorkbookWriter {
  // archiver buffers 1 MiB each side by default; less is plenty and keeps backpressure prompt.
  const zip = { highWaterMark: 64 * 1024 } as Partial<ExcelJS.stream.xlsx.ArchiverZipOptions>;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: to,
    useStyles: styles,
    useSharedStrings: false,
    zip,
  });
  workbook.creator = 'Enkät';
  workbook.lastModifiedBy = 'Enkät';
  workbook.title = header.title;
  const day = new Date(`${header.exportedOn}T00:00:00Z`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(header.exportedOn) && !Number.isNaN(day.getTime())) {
    workbook.created = day;
    workbook.modified = day;
  }
  return workbook;
}

/** The writer of a workbook gave up because nobody reads it any more (a cancelled download). */
export class ExportAbandoned extends Error {
  constructor() {
    super('The reader of the export went away.');
    this.name = 'ExportAbandoned';
  }
}

interface TBufferingStream extends NodeJS.EventEmitter {
  writableLength?: number;
  _writableState?: { length: number };
}

/**
 * Waits while the sheet's XML piles up. exceljs writes a committed row into the zip stream
 * without looking at its return value, so a slow reader (or a fast database cursor) would
 * otherwise buffer the whole sheet in memory. The queue we watch is the stream exceljs pipes
 * the sheet into (archiver's input). It is internal: if it is not found we only yield to the
 * event loop, enough for a fast reader but not a stalled one, and the "stops reading the
 * cursor" test in xlsx-responses.test.ts fails, which is the signal to look again. Throws
 * ExportAbandoned once `to` has been destroyed, so the caller stops reading its cursor.
 */
export async function keepUp(sheet: ExcelJS.Worksheet, to: Writable): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const queue = Array.isArray(pipes) ? (pipes[0] as TBufferingStream | undefined) : undefined;
  if (queue && backlog(queue) > MAX_BACKLOG_BYTES) {
    const done = new AbortController();
    try {
      await Promise.race([once(queue, 'drain', { signal: done.signal }), once(to, 'close', { signal: done.signal })]);
    } finally {
      done.abort();
    }
  } else if (!queue) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (to.destroyed) throw new ExportAbandoned();
}

/** Commits the workbook; throws ExportAbandoned instead of waiting forever if the reader goes away. */
export async function commitWorkbook(workbook: ExcelJS.stream.xlsx.WorkbookWriter, to: Writable): Promise<void> {
  const done = new AbortController();
  try {
    const abandoned = once(to, 'close', { signal: done.signal }).then(() => {
      throw new ExportAbandoned();
    });
    await Promise.race([workbook.commit(), abandoned]);
  } finally {
    done.abort();
  }
}

function backlog(stream: TBufferingStream): number {
  return stream.writableLength ?? stream._writableState?.length ?? 0;
}
