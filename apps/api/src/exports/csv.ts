import { Readable } from 'node:stream';
import { defuseFormula } from './defuse.js';
import {
  isSuppressed,
  markerOf,
  type TCell,
  type TColumnKind,
  type TExportHeader,
  type TRawResponses,
  type TTables,
} from './export-model.js';
import { EXPORT_LABELS, headerLines } from './header-lines.js';

/**
 * CSV as RFC 4180 describes it (comma, CRLF, UTF-8, no BOM, decimal point), and the variant
 * Excel opens correctly on a Swedish computer: semicolon, decimal comma and a UTF-8 BOM, without
 * which Excel reads UTF-8 as Windows-1252 and "färre" becomes "fÃ¤rre".
 */
export type TCsvDialect = 'rfc4180' | 'excel-sv';

const DIALECTS = {
  rfc4180: { separator: ',', decimal: '.', bom: '' },
  'excel-sv': { separator: ';', decimal: ',', bom: '\uFEFF' },
} as const satisfies Record<TCsvDialect, { separator: string; decimal: string; bom: string }>;

/** Fields holding either separator, a quote or a line break are quoted (quotes doubled). */
const NEEDS_QUOTES = /[",;\r\n]/;
/** Lines are gathered into chunks of about this many characters before they are pushed. */
const CHUNK_CHARS = 64 * 1024;

export interface TCsvOptions {
  header: TExportHeader;
  dialect: TCsvDialect;
}

/**
 * One record, CRLF included. Text is defused; numbers are written without thousands
 * separators, percentages with one decimal (72.8 or 72,8; 10.0, as the report prints it).
 */
export function csvRecord(
  cells: readonly TCell[],
  { header, dialect }: TCsvOptions,
  kinds: readonly (TColumnKind | undefined)[] = [],
): string {
  const { separator, decimal } = DIALECTS[dialect];
  const fields = cells.map((cell, i) => {
    if (typeof cell === 'number') return plainNumber(cell, kinds[i]).replace('.', decimal);
    if (cell === null) return '';
    const text = defuseFormula(isSuppressed(cell) ? markerOf(cell, header.suppressedMarker) : cell);
    return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  });
  return `${fields.join(separator)}\r\n`;
}

function plainNumber(value: number, kind: TColumnKind | undefined): string {
  if (!Number.isFinite(value)) return '';
  // Percentages and margins arrive rounded to tenths; this only writes 10 as "10.0".
  return kind === 'percent' || kind === 'margin' ? value.toFixed(1) : String(value);
}

/** The results tables: the header block, then per question its title, columns, rows and notes. */
export function csvResultsStream(options: TCsvOptions & { tables: TTables }): Readable {
  return toReadable(resultsRecords(options), options);
}

/** The raw responses: the header block, then the column names and one record per response. */
export function csvResponsesStream(options: TCsvOptions & { responses: TRawResponses }): Readable {
  return toReadable(responsesRecords(options), options);
}

async function* resultsRecords(options: TCsvOptions & { tables: TTables }): AsyncGenerator<string> {
  for (const line of headerLines(options.header)) yield csvRecord(line, options);
  let tables = 0;
  for await (const table of options.tables) {
    const kinds = table.columns.map((column) => column.kind);
    yield '\r\n';
    yield csvRecord([table.title], options);
    const names = table.columns.map((column) => column.label);
    yield csvRecord(names, options);
    for (const row of [...table.rows, ...(table.footer ?? [])]) yield csvRecord(row, options, kinds);
    for (const note of table.notes ?? []) yield csvRecord([note], options);
    tables++;
  }
  yield* closingLine(options, tables, 'tables');
}

async function* responsesRecords(options: TCsvOptions & { responses: TRawResponses }): AsyncGenerator<string> {
  for (const line of headerLines(options.header)) yield csvRecord(line, options);
  yield '\r\n';
  yield csvRecord(options.responses.columns, options);
  let rows = 0;
  for await (const row of options.responses.rows) {
    yield csvRecord(row, options);
    rows++;
  }
  yield* closingLine(options, rows, 'rows');
}

/**
 * The last line of every CSV file, after an empty one: "Slut på filen: 185 rader." A file cut
 * off in transfer ends in the middle of the data instead, so it never looks complete.
 */
function* closingLine(options: TCsvOptions, count: number, what: 'rows' | 'tables'): Generator<string> {
  const labels = EXPORT_LABELS[options.header.language];
  yield '\r\n';
  yield csvRecord([`${labels.endOfFile}: ${count} ${labels[what]}.`], options);
}

/** A byte stream that asks for the next record only when its reader wants more (backpressure). */
function toReadable(records: AsyncIterable<string>, { dialect }: TCsvOptions): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    let pending: string = DIALECTS[dialect].bom;
    for await (const record of records) {
      pending += record;
      if (pending.length < CHUNK_CHARS) continue;
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
    if (pending) yield Buffer.from(pending, 'utf8');
  }
  return Readable.from(chunks(), { objectMode: false });
}
