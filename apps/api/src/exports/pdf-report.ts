import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { isSuppressed, type TExportHeader, type TExportTable, type TTables } from './export-model.js';
import { EXPORT_LABELS, headerLines } from './header-lines.js';
import { chartHeight, drawChart } from './pdf-chart.js';
import { ensureSpace, FONT, FONT_BOLD, INK, pdfLayout, pdfText, type TPdfLayout } from './pdf-layout.js';
import { drawTable, tableHeight } from './pdf-table.js';

export interface TPdfReportOptions {
  header: TExportHeader;
  tables: TTables;
}

const PAGE_WORD = { sv: 'Sida', en: 'Page' } as const;
const TITLE_SIZE = 11;
const NOTE_SIZE = 8;

/**
 * The results report as a PDF (A4): the header block, then per question its text, table, notes
 * and bar chart, and "Sida 2 av 5" at the foot of every page. Built-in Helvetica only, so
 * nothing is read from the network or the system. The pages are kept until the last one so the
 * page count is known (a report of a few dozen pages is small); then the document streams out.
 */
export function pdfReportStream({ header, tables }: TPdfReportOptions): Readable {
  const day = new Date(`${header.exportedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    lang: header.language === 'sv' ? 'sv-SE' : 'en',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${header.title} – ${header.waveName}`,
      Creator: 'Enkät',
      ...(Number.isNaN(day.getTime()) ? {} : { CreationDate: day, ModDate: day }),
    },
  });
  const layout = pdfLayout(doc, header);
  draw(layout, tables)
    .then(() => {
      drawFooters(layout);
      doc.end();
    })
    .catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return doc;
}

async function draw(layout: TPdfLayout, tables: TTables): Promise<void> {
  let y = drawHeader(layout);
  for await (const table of tables) y = drawQuestion(layout, table, y + 18);
}

function drawHeader(layout: TPdfLayout): number {
  const { doc, left, width, header } = layout;
  const [title = [], ...lines] = headerLines(header);
  doc
    .font(FONT_BOLD)
    .fontSize(16)
    .fillColor(INK)
    .text(pdfText(title.join(' ')), left, layout.top, { width });
  doc.font(FONT).fontSize(9).moveDown(0.4);
  for (const line of lines) doc.text(pdfText(line.join(': ')), { width });
  return doc.y;
}

function drawQuestion(layout: TPdfLayout, table: TExportTable, y: number): number {
  const { doc, left, width, header } = layout;
  const title = pdfText(table.title);
  const notes = [...(table.notes ?? [])];
  if ([...table.rows, ...(table.footer ?? [])].some((row) => row.some(isSuppressed))) notes.push(header.suppressedNote);
  const noteTexts = notes.map(pdfText);

  // The whole block on one page where it fits: question, table, notes and chart together.
  doc.font(FONT).fontSize(NOTE_SIZE);
  const notesHeight = noteTexts.reduce((sum, text) => sum + doc.heightOfString(text, { width }) + 2, 0);
  doc.font(FONT_BOLD).fontSize(TITLE_SIZE);
  const titleHeight = doc.heightOfString(title, { width }) + 4;
  const block = titleHeight + tableHeight(layout, table) + notesHeight + chartHeight(layout, table) + 4;
  let top = ensureSpace(layout, y, Math.min(block, layout.bottom - layout.top));

  doc.font(FONT_BOLD).fontSize(TITLE_SIZE).fillColor(INK).text(title, left, top, { width });
  top = drawTable(layout, table, doc.y + 4);
  doc.font(FONT).fontSize(NOTE_SIZE);
  for (const text of noteTexts) {
    top = ensureSpace(layout, top + 2, doc.heightOfString(text, { width }));
    doc.fillColor(INK).text(text, left, top, { width });
    top = doc.y;
  }
  return drawChart(layout, table, top + 4);
}

/** Title, wave, date and "Sida n av N" in the bottom margin of every page. */
function drawFooters(layout: TPdfLayout): void {
  const { doc, left, width, header } = layout;
  const { start, count } = doc.bufferedPageRange();
  const of = { sv: 'av', en: 'of' }[header.language];
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // or pdfkit would start a new page for text below the margin
    const page = `${PAGE_WORD[header.language]} ${i - start + 1} ${of} ${count}`;
    const text = `${header.title} · ${EXPORT_LABELS[header.language].wave} ${header.waveName} · ${header.exportedOn} · ${page}`;
    doc
      .font(FONT)
      .fontSize(7)
      .fillColor('#555555')
      .text(pdfText(text), left, layout.bottom + 20, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
