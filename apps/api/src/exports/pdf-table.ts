import { isSuppressed, type TCell, type TExportTable } from './export-model.js';
import {
  artifact,
  ensureSpace,
  FONT,
  FONT_BOLD,
  INK,
  pdfCellText,
  pdfText,
  RULE,
  type TPdfLayout,
  tagged,
} from './pdf-layout.js';

const FONT_SIZE = 9;
const PAD_X = 4;
const PAD_Y = 3;
/** The first column (the options) keeps at least this much; the others take at least MIN_COLUMN. */
const MIN_FIRST = 130;
const MIN_COLUMN = 68;
/** Figures need little room; text columns (a breakdown's "72,8 % (131)" and markers) get more. */
const MAX_NUMBER_COLUMN = 80;
const MAX_TEXT_COLUMN = 120;
const PART_GAP = 10;

/** A row's texts; `hidden` marks the suppressed cells, whose marker may span the empty cells beside it. */
interface TTextRow {
  texts: string[];
  bold: boolean;
  hidden?: boolean[];
}

/** A table with its texts ready: column names, body rows and footer rows (bold). */
interface TTextTable {
  /** Whether the columns after the first hold text (wider) rather than single figures. */
  text: boolean;
  /** The narrowest the columns after the first may be: their longest word must fit. */
  min: number;
  names: string[];
  rows: TTextRow[];
}

/**
 * Draws a table from `y` down and returns the y below it: column names in bold, body rows,
 * footer rows (Totalt) in bold under a heavier rule. The first column takes what the other
 * columns leave. A table with more columns than fit across the page (a breakdown by a
 * question with many groups) is drawn as several tables one under the other, each with the
 * first column and as many of the others as fit. A row that does not fit goes to the next
 * page under repeated column names. Tagged as Table, TR, TH (column names, first column) and
 * TD; rules and repeated column names are artifacts.
 */
export function drawTable(layout: TPdfLayout, table: TExportTable, y: number): number {
  let top = y;
  parts(layout, table).forEach((part, i) => {
    top = drawPart(layout, part, i === 0 ? top : top + PART_GAP);
  });
  return top;
}

/** The height drawTable will take if nothing moves to another page. */
export function tableHeight(layout: TPdfLayout, table: TExportTable): number {
  return parts(layout, table).reduce((sum, part, i) => {
    const widths = columnWidths(layout.width, part);
    const rows = [{ texts: part.names, bold: true }, ...part.rows];
    return sum + (i === 0 ? 0 : PART_GAP) + rows.reduce((h, row) => h + rowHeight(layout, widths, row), 0);
  }, 0);
}

/** The height of the column names and the first row: what must fit before a table starts. */
export function tableStartHeight(layout: TPdfLayout, table: TExportTable): number {
  const [part] = parts(layout, table);
  if (!part) return 0;
  const widths = columnWidths(layout.width, part);
  return [{ texts: part.names, bold: true }, ...part.rows.slice(0, 1)].reduce(
    (h, row) => h + rowHeight(layout, widths, row),
    0,
  );
}

function drawPart(layout: TPdfLayout, part: TTextTable, y: number): number {
  const { doc } = layout;
  const widths = columnWidths(layout.width, part);
  const names = { texts: part.names, bold: true };
  const element = doc.struct('Table');
  layout.root.add(element);
  let top = ensureSpace(layout, y, rowHeight(layout, widths, names) + rowHeight(layout, widths, part.rows[0]));
  top = drawRow(layout, widths, names, { top, table: element, header: true });
  rule(layout, top, 0.8);
  part.rows.forEach((row, i) => {
    const height = rowHeight(layout, widths, row);
    if (top + height > layout.bottom) {
      doc.continueOnNewPage();
      top = drawRow(layout, widths, names, { top: layout.top, table: null, header: true });
      rule(layout, top, 0.8);
    }
    if (row.bold && !part.rows[i - 1]?.bold) rule(layout, top, 0.8);
    top = drawRow(layout, widths, row, { top, table: element, header: false });
    rule(layout, top, 0.3);
  });
  element.end();
  return top;
}

/** The table's texts, split into parts of as many columns as fit across the page. */
function parts(layout: TPdfLayout, table: TExportTable): TTextTable[] {
  const text = table.columns.slice(1).some((column) => column.kind === undefined || column.kind === 'text');
  const textRow = (row: TCell[], bold: boolean): TTextRow => ({
    texts: table.columns.map((column, i) => pdfCellText(row[i] ?? null, column.kind, layout.header)),
    bold,
    // Only across figures of one row ("dold …" over Procent, Värden and Felmarginal), never across groups.
    ...(text ? {} : { hidden: table.columns.map((_, i) => isSuppressed(row[i] ?? null)) }),
  });
  const all: TTextTable = {
    text,
    min: MIN_COLUMN,
    names: table.columns.map((column) => pdfText(column.label)),
    rows: [...table.rows.map((row) => textRow(row, false)), ...(table.footer ?? []).map((row) => textRow(row, true))],
  };
  all.min = Math.min(layout.width - MIN_FIRST, Math.max(MIN_COLUMN, longestWord(layout, all) + 2 * PAD_X + 1));
  const others = table.columns.length - 1;
  const fit = Math.max(1, Math.floor((layout.width - MIN_FIRST) / all.min));
  if (others <= fit) return [all];
  // Balanced parts: 7 groups where 3 fit become 3, 2 and 2, not 3, 3 and 1.
  const count = Math.ceil(others / fit);
  const sizes = Array.from({ length: count }, (_, n) => Math.floor(others / count) + (n < others % count ? 1 : 0));
  return sizes.map((size, n) => {
    const from = 1 + sizes.slice(0, n).reduce((a, b) => a + b, 0);
    const pick = <T>(cells: T[]) => [...cells.slice(0, 1), ...cells.slice(from, from + size)];
    const rows = all.rows.map((row) => ({
      ...row,
      texts: pick(row.texts),
      ...(row.hidden ? { hidden: pick(row.hidden) } : {}),
    }));
    return { ...all, names: pick(all.names), rows };
  });
}

/** The widest word (in bold, as column names and Totalt are) in the columns after the first. */
function longestWord(layout: TPdfLayout, table: TTextTable): number {
  layout.doc.font(FONT_BOLD).fontSize(FONT_SIZE);
  let widest = 0;
  for (const texts of [table.names, ...table.rows.map((row) => row.texts)]) {
    for (const text of texts.slice(1)) {
      for (const word of text.split(/\s+/)) widest = Math.max(widest, layout.doc.widthOfString(word));
    }
  }
  return widest;
}

function columnWidths(width: number, part: TTextTable): number[] {
  const count = part.names.length;
  if (count <= 1) return [width];
  const max = Math.max(part.min, part.text ? MAX_TEXT_COLUMN : MAX_NUMBER_COLUMN);
  const others = Math.min(max, (width - MIN_FIRST) / (count - 1));
  return [width - others * (count - 1), ...Array.from({ length: count - 1 }, () => others)];
}

interface TBox {
  text: string;
  x: number;
  width: number;
  align: 'left' | 'center' | 'right';
}

/**
 * Where each cell of a row goes: its text, x and width. A hidden cell's marker spans the
 * cells after it that hold the same marker or nothing; those cells get no text and no width.
 */
function boxes(layout: TPdfLayout, widths: number[], row: TTextRow): TBox[] {
  const out: TBox[] = [];
  let x = layout.left;
  for (let i = 0; i < row.texts.length; i++) {
    const text = row.texts[i] ?? '';
    let width = widths[i] ?? 0;
    let j = i + 1;
    if (i > 0 && row.hidden?.[i]) {
      for (; j < row.texts.length && (row.texts[j] === text || row.texts[j] === ''); j++) width += widths[j] ?? 0;
    }
    out.push({ text, x, width, align: i === 0 ? 'left' : j > i + 1 ? 'center' : 'right' });
    for (let k = i + 1; k < j; k++) out.push({ text: '', x: x + width, width: 0, align: 'right' });
    x += width;
    i = j - 1;
  }
  return out;
}

function rowHeight(layout: TPdfLayout, widths: number[], row: TTextRow | undefined): number {
  if (!row) return 0;
  layout.doc.font(row.bold ? FONT_BOLD : FONT).fontSize(FONT_SIZE);
  const heights = boxes(layout, widths, row).map(({ text, width }) =>
    width === 0 ? 0 : layout.doc.heightOfString(text || ' ', { width: width - 2 * PAD_X }),
  );
  return Math.max(...heights) + 2 * PAD_Y;
}

/**
 * Writes one row's texts (first column left-aligned, figures right-aligned, a marker spanning
 * several cells centred over them); returns its
 * bottom. With a `table` element the row is a TR of it, else (repeated column names) an artifact.
 */
function drawRow(
  layout: TPdfLayout,
  widths: number[],
  row: TTextRow,
  { top, table, header }: { top: number; table: PDFKit.PDFStructureElement | null; header: boolean },
): number {
  const { doc } = layout;
  const height = rowHeight(layout, widths, row);
  const cells = () =>
    boxes(layout, widths, row).map(({ text, x, width, align }) => () => {
      if (width === 0 || text === '') return;
      doc
        .font(row.bold ? FONT_BOLD : FONT)
        .fontSize(FONT_SIZE)
        .fillColor(INK)
        .text(text, x + PAD_X, top + PAD_Y, { width: width - 2 * PAD_X, align });
    });
  if (!table) {
    artifact(
      layout,
      () => {
        for (const draw of cells()) draw();
      },
      'Pagination',
    );
    return top + height;
  }
  const tr = doc.struct('TR');
  table.add(tr);
  cells().forEach((draw, i) => {
    const scope = header ? 'Column' : i === 0 ? 'Row' : undefined;
    tagged(layout, header || i === 0 ? 'TH' : 'TD', draw, { parent: tr, ...(scope ? { scope } : {}) });
  });
  tr.end();
  return top + height;
}

function rule(layout: TPdfLayout, y: number, lineWidth: number): void {
  const { doc, left, width } = layout;
  artifact(layout, () => {
    doc
      .save()
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(lineWidth)
      .strokeColor(RULE)
      .stroke()
      .restore();
  });
}
