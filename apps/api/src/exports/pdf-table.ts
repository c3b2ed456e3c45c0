import type { TCell, TExportTable } from './export-model.js';
import { ensureSpace, FONT, FONT_BOLD, INK, pdfCellText, pdfText, RULE, type TPdfLayout } from './pdf-layout.js';

const FONT_SIZE = 9;
const PAD_X = 4;
const PAD_Y = 3;

/**
 * Draws a table from `y` down and returns the y below it: column names in bold, body rows,
 * footer rows (Totalt) in bold under a heavier rule. The first column takes what the number
 * columns leave; a row that does not fit goes to the next page under repeated column names.
 */
export function drawTable(layout: TPdfLayout, table: TExportTable, y: number): number {
  const widths = columnWidths(layout.width, table.columns.length);
  const names = table.columns.map((column) => pdfText(column.label));
  const draw = (texts: string[], bold: boolean, top: number) => drawRow(layout, widths, texts, bold, top);
  const texts = (row: TCell[]) =>
    table.columns.map((column, i) => pdfCellText(row[i] ?? null, column.kind, layout.header));

  let top = ensureSpace(layout, y, rowHeight(layout, widths, names, true) * 2);
  top = draw(names, true, top);
  rule(layout, top, 0.8);
  const rows = [
    ...table.rows.map((row) => ({ row, bold: false })),
    ...(table.footer ?? []).map((row) => ({ row, bold: true })),
  ];
  rows.forEach(({ row, bold }, i) => {
    const cells = texts(row);
    const height = rowHeight(layout, widths, cells, bold);
    if (top + height > layout.bottom) {
      layout.doc.addPage();
      top = draw(names, true, layout.top);
      rule(layout, top, 0.8);
    }
    if (bold && !rows[i - 1]?.bold) rule(layout, top, 0.8);
    top = draw(cells, bold, top);
    rule(layout, top, 0.3);
  });
  return top;
}

/** The height drawTable will take if nothing moves to another page. */
export function tableHeight(layout: TPdfLayout, table: TExportTable): number {
  const widths = columnWidths(layout.width, table.columns.length);
  const texts = (row: TCell[]) =>
    table.columns.map((column, i) => pdfCellText(row[i] ?? null, column.kind, layout.header));
  const names = rowHeight(
    layout,
    widths,
    table.columns.map((column) => pdfText(column.label)),
    true,
  );
  const body = table.rows.reduce((sum, row) => sum + rowHeight(layout, widths, texts(row), false), 0);
  const footer = (table.footer ?? []).reduce((sum, row) => sum + rowHeight(layout, widths, texts(row), true), 0);
  return names + body + footer;
}

function columnWidths(width: number, count: number): number[] {
  if (count <= 1) return [width];
  const numbers = Math.min(80, Math.max(48, (width * 0.65) / (count - 1)));
  const first = width - numbers * (count - 1);
  if (first < 120) return Array.from({ length: count }, () => width / count);
  return [first, ...Array.from({ length: count - 1 }, () => numbers)];
}

function rowHeight(layout: TPdfLayout, widths: number[], texts: string[], bold: boolean): number {
  layout.doc.font(bold ? FONT_BOLD : FONT).fontSize(FONT_SIZE);
  const heights = texts.map((text, i) =>
    layout.doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * PAD_X }),
  );
  return Math.max(...heights) + 2 * PAD_Y;
}

/** Writes one row's texts (first column left-aligned, the rest right-aligned); returns its bottom. */
function drawRow(layout: TPdfLayout, widths: number[], texts: string[], bold: boolean, top: number): number {
  const { doc } = layout;
  const height = rowHeight(layout, widths, texts, bold);
  let x = layout.left;
  texts.forEach((text, i) => {
    const width = widths[i] ?? 0;
    doc
      .fillColor(INK)
      .text(text, x + PAD_X, top + PAD_Y, { width: width - 2 * PAD_X, align: i === 0 ? 'left' : 'right' });
    x += width;
  });
  return top + height;
}

function rule(layout: TPdfLayout, y: number, lineWidth: number): void {
  const { doc, left, width } = layout;
  doc
    .save()
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(lineWidth)
    .strokeColor(RULE)
    .stroke()
    .restore();
}
