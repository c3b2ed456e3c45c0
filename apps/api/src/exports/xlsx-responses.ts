import type { Readable, Writable } from 'node:stream';
import type { TExportHeader, TRawResponses } from './export-model.js';
import { EXPORT_LABELS, headerLines } from './header-lines.js';
import { readableFrom } from './streams.js';
import { addRow } from './xlsx-cells.js';
import { commitWorkbook, createWorkbook, keepUp } from './xlsx-workbook.js';

export interface TXlsxResponsesOptions {
  header: TExportHeader;
  responses: TRawResponses;
  /** Free text apart, on a sheet of its own in its own order (anonymity invariant 5). */
  comments?: TRawResponses;
}

/** Rows between two looks at the sheet's backlog: often enough to bound it, rarely enough to be cheap. */
const ROWS_PER_CHECK = 100;

/**
 * The anonymized responses as one sheet: the header block, the column names (frozen, with a
 * filter; not bold, see createWorkbook), then a row per response in the order the caller gives
 * (random, without timestamps). Each row is committed as it is written, and the cursor is read
 * no faster than the file is taken, so memory does not grow with the number of responses.
 */
export async function writeResponsesXlsx(
  { header, responses, comments }: TXlsxResponsesOptions,
  to: Writable,
): Promise<void> {
  const workbook = createWorkbook(header, to, { styles: false });
  await writeSheet(workbook, EXPORT_LABELS[header.language].responsesSheet, { header, responses }, to);
  if (comments)
    await writeSheet(workbook, EXPORT_LABELS[header.language].commentsSheet, { header, responses: comments }, to);
  await commitWorkbook(workbook, to);
}

async function writeSheet(
  workbook: ReturnType<typeof createWorkbook>,
  name: string,
  { header, responses }: TXlsxResponsesOptions,
  to: Writable,
): Promise<void> {
  const lines = headerLines(header);
  const columnRow = lines.length + 2;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: columnRow }],
  });
  sheet.columns = responses.columns.map(() => ({ width: 24 }));
  const { suppressedMarker } = header;
  if (responses.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: columnRow, column: 1 },
      to: { row: columnRow, column: responses.columns.length },
    };
  }

  for (const line of lines) addRow(sheet, line, { suppressedMarker });
  addRow(sheet, [], { suppressedMarker });
  addRow(sheet, responses.columns, { suppressedMarker });
  let written = 0;
  for await (const row of responses.rows) {
    addRow(sheet, row, { suppressedMarker });
    if (++written % ROWS_PER_CHECK === 0) await keepUp(sheet, to);
  }
  sheet.commit();
}

/** writeResponsesXlsx as a stream to hand to `reply.send()`. */
export function responsesXlsxStream(options: TXlsxResponsesOptions): Readable {
  return readableFrom((to) => writeResponsesXlsx(options, to));
}
