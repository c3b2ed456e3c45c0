import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { TExportHeader, TReportQuestions } from './export-model.js';
import { includesWord } from './from-results.js';
import { EXPORT_LABELS } from './header-lines.js';
import {
  artifact,
  FONT,
  FONT_BOLD,
  FONT_FILES,
  INK,
  pdfLayout,
  pdfText,
  registerFonts,
  type TPdfLayout,
  tagged,
} from './pdf-layout.js';
import { drawQuestion } from './pdf-question.js';

export interface TPdfReportOptions {
  header: TExportHeader;
  questions: TReportQuestions;
}

const PAGE_WORD = { sv: 'Sida', en: 'Page' } as const;

/**
 * The results report as a tagged PDF (A4, PDF/UA): the header block with how many answered,
 * then every question, numbered as on the results page, with its table, notes and bar chart,
 * the breakdown when one is chosen, and for free text how many wrote and the comments that may
 * be listed; "Sida 2 av 5" at the foot of every page. The font is embedded from an npm
 * package, so nothing is read from the network or the system. The pages are kept until the
 * last one so the page count is known (a report of a few dozen pages is small); then the
 * document streams out.
 */
export function pdfReportStream({ header, questions }: TPdfReportOptions): Readable {
  const day = new Date(`${header.exportedOn}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    font: FONT_FILES.regular,
    lang: header.language === 'sv' ? 'sv-SE' : 'en',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: header.title,
      Creator: 'Enkät',
      ...(Number.isNaN(day.getTime()) ? {} : { CreationDate: day, ModDate: day }),
    },
  });
  registerFonts(doc);
  const layout = pdfLayout(doc, header);
  draw(layout, questions)
    .then(() => {
      drawFooters(layout);
      doc.end();
    })
    .catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return doc;
}

async function draw(layout: TPdfLayout, questions: TReportQuestions): Promise<void> {
  let y = drawHeader(layout);
  for await (const question of questions) y = drawQuestion(layout, question, y + 18);
}

/** The lines under the title; the wave only where the title does not already name it. */
function headerParagraphs(header: TExportHeader): string[] {
  const labels = EXPORT_LABELS[header.language];
  return [
    ...(header.responses ? [header.responses] : []),
    ...(includesWord(header.title, header.waveName) ? [] : [`${labels.wave}: ${header.waveName}`]),
    `${labels.exportedOn}: ${header.exportedOn}`,
    header.minGroupRule,
    header.suppressedNote,
    ...(header.lateCodes ? [header.lateCodes] : []),
  ];
}

function drawHeader(layout: TPdfLayout): number {
  const { doc, left, width, header } = layout;
  tagged(layout, 'H1', () => {
    doc.font(FONT_BOLD).fontSize(16).fillColor(INK).text(pdfText(header.title), left, layout.top, { width });
  });
  doc.moveDown(0.3);
  headerParagraphs(header).forEach((line, i) => {
    tagged(layout, 'P', () => {
      doc
        .font(i === 0 && header.responses ? FONT_BOLD : FONT)
        .fontSize(i === 0 && header.responses ? 10 : 9)
        .fillColor(INK)
        .text(pdfText(line), left, doc.y, { width });
    });
  });
  return doc.y;
}

/** Title, date and "Sida n av N" in the bottom margin of every page, as pagination artifacts. */
function drawFooters(layout: TPdfLayout): void {
  const { doc, left, width, header } = layout;
  const { start, count } = doc.bufferedPageRange();
  const of = { sv: 'av', en: 'of' }[header.language];
  const wave = includesWord(header.title, header.waveName)
    ? ''
    : ` · ${EXPORT_LABELS[header.language].wave} ${header.waveName}`;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // or pdfkit would start a new page for text below the margin
    const page = `${PAGE_WORD[header.language]} ${i - start + 1} ${of} ${count}`;
    const text = `${header.title}${wave} · ${header.exportedOn} · ${page}`;
    artifact(
      layout,
      () => {
        doc
          .font(FONT)
          .fontSize(7)
          .fillColor('#555555')
          .text(pdfText(text), left, layout.bottom + 20, { width, align: 'center', lineBreak: false });
      },
      'Pagination',
    );
    doc.page.margins.bottom = margin;
  }
}
