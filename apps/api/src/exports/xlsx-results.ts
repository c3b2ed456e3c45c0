import type { Readable, Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { isSuppressed, type TCell, type TExportHeader, type TExportTable, type TTables } from './export-model.js';
import { EXPORT_LABELS, headerLines } from './header-lines.js';
import { sheetNamer } from './sheet-names.js';
import { readableFrom } from './streams.js';
import { addRow, numberFormat } from './xlsx-cells.js';
import { commitWorkbook, createWorkbook, keepUp } from './xlsx-workbook.js';

export interface TXlsxResultsOptions {
  header: TExportHeader;
  tables: TTables;
}

/**
 * The results tables as a workbook: a summary sheet first (the header block and the list of
 * questions with their totals), then one sheet per question. The summary is added first so it
 * is the first tab, but written last, when the sheet names and totals are known; the question
 * sheets are written and zipped as their tables arrive.
 */
export async function writeResultsXlsx({ header, tables }: TXlsxResultsOptions, to: Writable): Promise<void> {
  const labels = EXPORT_LABELS[header.language];
  const workbook = createWorkbook(header, to, { styles: true });
  const nameSheet = sheetNamer(labels.question);
  const summary = workbook.addWorksheet(nameSheet(labels.summarySheet));
  const listed: TCell[][] = [];

  for await (const table of tables) {
    const name = nameSheet(table.sheetName);
    const sheet = workbook.addWorksheet(name);
    writeQuestionSheet(sheet, table, header);
    listed.push([table.title, name, table.total ?? null]);
    await keepUp(sheet, to);
  }

  const { suppressedMarker } = header;
  summary.columns = [{ width: 70 }, { width: 20 }, { width: 10 }];
  for (const line of headerLines(header)) addRow(summary, line, { suppressedMarker });
  addRow(summary, [], { suppressedMarker });
  addRow(summary, [labels.question, labels.sheet, labels.total], { suppressedMarker, bold: true });
  for (const line of listed) addRow(summary, line, { suppressedMarker, formats: [undefined, undefined, '#,##0'] });
  summary.commit();
  await commitWorkbook(workbook, to);
}

/** writeResultsXlsx as a stream to hand to `reply.send()`. */
export function resultsXlsxStream(options: TXlsxResultsOptions): Readable {
  return readableFrom((to) => writeResultsXlsx(options, to));
}

/** The question text, its table (footer rows in bold) and notes, and the marker's meaning if used. */
function writeQuestionSheet(sheet: ExcelJS.Worksheet, table: TExportTable, header: TExportHeader): void {
  const { suppressedMarker } = header;
  const formats = table.columns.map((column) => numberFormat(column.kind, header.language));
  sheet.columns = table.columns.map((_, i) => ({ width: i === 0 ? 40 : 14 }));
  addRow(sheet, [table.title], { suppressedMarker, bold: true });
  addRow(sheet, [], { suppressedMarker });
  addRow(
    sheet,
    table.columns.map((column) => column.label),
    { suppressedMarker, bold: true },
  );
  for (const row of table.rows) addRow(sheet, row, { suppressedMarker, formats });
  for (const row of table.footer ?? []) addRow(sheet, row, { suppressedMarker, formats, bold: true });
  const notes = [...(table.notes ?? [])];
  if (hasSuppressed(table)) notes.push(header.suppressedNote);
  if (notes.length > 0) addRow(sheet, [], { suppressedMarker });
  for (const note of notes) addRow(sheet, [note], { suppressedMarker });
  sheet.commit();
}

function hasSuppressed(table: TExportTable): boolean {
  return [...table.rows, ...(table.footer ?? [])].some((row) => row.some(isSuppressed));
}
