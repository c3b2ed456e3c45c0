import type { TLanguage } from '@enkat/survey-schema';
import type { Worksheet } from 'exceljs';
import { defuseFormula } from './defuse.js';
import { isSuppressed, markerOf, type TCell, type TColumnKind } from './export-model.js';

/** Excel refuses longer cell text (and "repairs" the file). */
const MAX_CELL_TEXT = 32_767;

/**
 * What exceljs gets for a cell: a number stays a number (so Excel can sum it), text is
 * defused and cut to Excel's limit. Strings never become formulas in exceljs (only
 * `{ formula }` objects do), so the apostrophe is for whoever copies the text onwards.
 */
export function xlsxValue(cell: TCell, suppressedMarker: string): string | number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (cell === null) return null;
  const text = defuseFormula(isSuppressed(cell) ? markerOf(cell, suppressedMarker) : cell);
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}

/**
 * How a column's numbers are shown; the value itself is untouched (72.8 stays 72.8). Excel
 * puts in the reader's own decimal and thousands separators.
 */
export function numberFormat(kind: TColumnKind | undefined, language: TLanguage): string | undefined {
  if (kind === 'percent') return language === 'sv' ? '0.0" %"' : '0.0"%"';
  if (kind === 'integer') return '#,##0';
  if (kind === 'margin') return '"±"0.0';
  return undefined;
}

export interface TAddRowOptions {
  suppressedMarker: string;
  bold?: boolean;
  /** Number formats by column index. */
  formats?: readonly (string | undefined)[];
}

/** Appends a row and commits it at once, so the sheet never holds more than one row in memory. */
export function addRow(sheet: Worksheet, cells: readonly TCell[], options: TAddRowOptions): void {
  const row = sheet.addRow(cells.map((cell) => xlsxValue(cell, options.suppressedMarker)));
  if (options.bold) row.font = { bold: true };
  options.formats?.forEach((format, i) => {
    if (format && typeof cells[i] === 'number') row.getCell(i + 1).numFmt = format;
  });
  row.commit();
}
