import { createRequire } from 'node:module';
import { formatInteger, formatMargin, formatPercent } from '@enkat/results';
import { defuseFormula } from './defuse.js';
import { isSuppressed, markerOf, type TCell, type TColumnKind, type TExportHeader } from './export-model.js';
import { printable } from './pdf-text.js';

/**
 * DejaVu Sans Condensed, embedded (subset) in every report: it has the Swedish letters and
 * the marks the numbers use (– ± − and the narrow spaces), and a tagged PDF must embed its
 * fonts. The files come with the `dejavu-fonts-ttf` package, so nothing is read from the
 * system or the network.
 */
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
export const FONT_FILES = {
  regular: fontFile('DejaVuSansCondensed'),
  bold: fontFile('DejaVuSansCondensed-Bold'),
  italic: fontFile('DejaVuSansCondensed-Oblique'),
} as const;
export const FONT = 'Sans';
export const FONT_BOLD = 'Sans-Bold';
export const FONT_ITALIC = 'Sans-Oblique';
/** Dark enough to read in greyscale print; the figures are always written out as text too. */
export const INK = '#222222';
export const BAR = '#4d4d4d';
export const RULE = '#9a9a9a';

/** Registers the report's fonts under FONT, FONT_BOLD and FONT_ITALIC. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(FONT, FONT_FILES.regular);
  doc.registerFont(FONT_BOLD, FONT_FILES.bold);
  doc.registerFont(FONT_ITALIC, FONT_FILES.italic);
}

/** Where the report draws: the document, its structure, the header's language and marker, and the margins. */
export interface TPdfLayout {
  doc: PDFKit.PDFDocument;
  /** The tagged structure's root (Document); every element of the report is added to it in reading order. */
  root: PDFKit.PDFStructureElement;
  header: TExportHeader;
  left: number;
  width: number;
  top: number;
  /** The lowest y content may reach on a page. */
  bottom: number;
}

export function pdfLayout(doc: PDFKit.PDFDocument, header: TExportHeader): TPdfLayout {
  const { margins, width, height } = doc.page;
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    root,
    header,
    left: margins.left,
    width: width - margins.left - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
  };
}

/** Printable text for a PDF: defused, line ends and control characters sorted out. */
export function pdfText(text: string): string {
  return printable(defuseFormula(text));
}

/**
 * A cell as the page shows it: numbers the way the results page writes them ("72,8 %",
 * "1 234", "±6,1" in Swedish), a suppressed cell as the marker, text defused. A margin that
 * rounds to 0,0 is left out: it would claim a certainty a sample does not give (see
 * marginOfError in @enkat/results).
 */
export function pdfCellText(cell: TCell, kind: TColumnKind | undefined, header: TExportHeader): string {
  if (cell === null) return '';
  if (isSuppressed(cell)) return pdfText(markerOf(cell, header.suppressedMarker));
  if (typeof cell === 'string') return pdfText(cell);
  if (!Number.isFinite(cell)) return '';
  if (kind === 'percent') return formatPercent(cell, header.language);
  if (kind === 'margin') return Math.round(Math.abs(cell) * 10) === 0 ? '' : formatMargin(cell, header.language);
  if (kind === 'integer' || Number.isInteger(cell)) return formatInteger(cell, header.language);
  return header.language === 'sv' ? String(cell).replace('.', ',') : String(cell);
}

/**
 * Starts a new page unless `height` points still fit; returns the y to draw at. The new page
 * continues whatever tagged content is open, so it may be called while drawing an element.
 */
export function ensureSpace(layout: TPdfLayout, y: number, height: number): number {
  if (y + height <= layout.bottom) return y;
  layout.doc.continueOnNewPage();
  return layout.top;
}

/**
 * Adds a structure element of `type` holding what `draw` puts on the page, in reading order.
 * `parent` defaults to the document's root.
 */
export function tagged(
  layout: TPdfLayout,
  type: string,
  draw: () => void,
  { parent = layout.root, ...options }: { parent?: PDFKit.PDFStructureElement } & TStructureOptions = {},
): void {
  parent.add(layout.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw));
}

/** pdfkit's structure options, with the table header scope its type definitions lack. */
export type TStructureOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' };

/** Draws what is no part of the content (rules, frames, page footers) as an artifact. */
export function artifact(layout: TPdfLayout, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  layout.doc.markContent('Artifact', type ? { type } : undefined);
  draw();
  layout.doc.endMarkedContent();
}
