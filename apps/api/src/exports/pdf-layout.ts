import { formatInteger, formatPercent } from '@enkat/results';
import { defuseFormula } from './defuse.js';
import { isSuppressed, markerOf, type TCell, type TColumnKind, type TExportHeader } from './export-model.js';
import { winAnsi } from './pdf-text.js';

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
export const FONT_ITALIC = 'Helvetica-Oblique';
/** Dark enough to read in greyscale print; the figures are always written out as text too. */
export const INK = '#222222';
export const BAR = '#4d4d4d';
export const RULE = '#9a9a9a';

/** Where the report draws: the document, the header's language and marker, and the margins. */
export interface TPdfLayout {
  doc: PDFKit.PDFDocument;
  header: TExportHeader;
  left: number;
  width: number;
  top: number;
  /** The lowest y content may reach on a page. */
  bottom: number;
}

export function pdfLayout(doc: PDFKit.PDFDocument, header: TExportHeader): TPdfLayout {
  const { margins, width, height } = doc.page;
  return {
    doc,
    header,
    left: margins.left,
    width: width - margins.left - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
  };
}

/** Printable text for a PDF: defused, then limited to what the standard fonts can show. */
export function pdfText(text: string): string {
  return winAnsi(defuseFormula(text));
}

/**
 * A cell as the page shows it: numbers the way the results page writes them ("72,8 %",
 * "1 234" in Swedish), a suppressed cell as the marker, text defused.
 */
export function pdfCellText(cell: TCell, kind: TColumnKind | undefined, header: TExportHeader): string {
  if (cell === null) return '';
  if (isSuppressed(cell)) return pdfText(markerOf(cell, header.suppressedMarker));
  if (typeof cell === 'string') return pdfText(cell);
  if (!Number.isFinite(cell)) return '';
  if (kind === 'percent') return winAnsi(formatPercent(cell, header.language));
  if (kind === 'integer' || Number.isInteger(cell)) return winAnsi(formatInteger(cell, header.language));
  return header.language === 'sv' ? String(cell).replace('.', ',') : String(cell);
}

/** Starts a new page unless `height` points still fit; returns the y to draw at. */
export function ensureSpace(layout: TPdfLayout, y: number, height: number): number {
  if (y + height <= layout.bottom) return y;
  layout.doc.addPage();
  return layout.top;
}
