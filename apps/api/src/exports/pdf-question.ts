import { isSuppressed, type TExportTable, type TReportQuestion } from './export-model.js';
import { chartHeight, drawChart } from './pdf-chart.js';
import { ensureSpace, FONT, FONT_BOLD, INK, pdfText, type TPdfLayout, tagged } from './pdf-layout.js';
import { drawTable, tableHeight, tableStartHeight } from './pdf-table.js';

const TITLE_SIZE = 11;
const SUBTITLE_SIZE = 9.5;
const TEXT_SIZE = 9;
const NOTE_SIZE = 8;
const COMMENT_INDENT = 12;

/**
 * One question of the report from `y` down; returns the y below it. Its number and text (H2),
 * its lines (P), then its table, notes and chart, its breakdown (H3 and a table), and its
 * comments (a list). The question, its table, notes and chart go on one page where they
 * fit, and never is a title left at the foot of a page without what follows it.
 */
export function drawQuestion(layout: TPdfLayout, question: TReportQuestion, y: number): number {
  const { doc, left, width } = layout;
  const title = pdfText(`${question.number}. ${question.title}`);
  const lines = question.lines.map(pdfText);
  const { table, breakdown } = question;
  const hasRows = table !== undefined && table.rows.length > 0;

  const head = textHeight(layout, title, FONT_BOLD, TITLE_SIZE) + 4 + linesHeight(layout, lines, TEXT_SIZE);
  const main = table
    ? (hasRows ? tableHeight(layout, table) : 0) + notesHeight(layout, table) + chartHeight(layout, table)
    : 0;
  const first = table && hasRows ? tableStartHeight(layout, table) : firstCommentHeight(layout, question);
  const page = layout.bottom - layout.top;
  let top = ensureSpace(layout, y, head + main + 4 <= page ? head + main + 4 : head + first);

  tagged(layout, 'H2', () => {
    doc.font(FONT_BOLD).fontSize(TITLE_SIZE).fillColor(INK).text(title, left, top, { width });
  });
  top = doc.y + 4;
  top = paragraphs(layout, lines, top, TEXT_SIZE);
  if (table) {
    if (hasRows) top = drawTable(layout, table, top);
    top = paragraphs(layout, notesOf(layout, table), top + 2, NOTE_SIZE);
    top = drawChart(layout, table, top + 2);
  }
  if (breakdown) top = drawBreakdown(layout, breakdown, top + 10);
  return drawComments(layout, question.comments, top + 2);
}

/** The breakdown's title (H3), its table and notes, the title kept with the table. */
function drawBreakdown(layout: TPdfLayout, table: TExportTable, y: number): number {
  const { doc, left, width } = layout;
  const title = pdfText(table.title);
  const titleHeight = textHeight(layout, title, FONT_BOLD, SUBTITLE_SIZE) + 4;
  const whole = titleHeight + tableHeight(layout, table) + notesHeight(layout, table);
  let top = ensureSpace(
    layout,
    y,
    whole <= layout.bottom - layout.top ? whole : titleHeight + tableStartHeight(layout, table),
  );
  tagged(layout, 'H3', () => {
    doc.font(FONT_BOLD).fontSize(SUBTITLE_SIZE).fillColor(INK).text(title, left, top, { width });
  });
  top = drawTable(layout, table, doc.y + 4);
  return paragraphs(layout, notesOf(layout, table), top + 2, NOTE_SIZE);
}

/** The comments as a list (L, LI with a dash as Lbl and the comment as LBody), each kept whole where it fits. */
function drawComments(layout: TPdfLayout, comments: readonly string[], y: number): number {
  if (comments.length === 0) return y;
  const { doc, left, width } = layout;
  const list = doc.struct('L');
  layout.root.add(list);
  let top = y;
  for (const comment of comments) {
    const text = pdfText(comment);
    top = ensureSpace(layout, top + 4, Math.min(commentHeight(layout, text), layout.bottom - layout.top));
    const item = doc.struct('LI');
    list.add(item);
    const at = top;
    tagged(layout, 'Lbl', () => doc.font(FONT).fontSize(TEXT_SIZE).fillColor(INK).text('–', left, at), {
      parent: item,
    });
    tagged(layout, 'LBody', () => doc.text(text, left + COMMENT_INDENT, at, { width: width - COMMENT_INDENT }), {
      parent: item,
    });
    item.end();
    top = doc.y;
  }
  list.end();
  return top;
}

/** Paragraphs (P) one under the other, each moved to the next page whole where it does not fit. */
function paragraphs(layout: TPdfLayout, texts: readonly string[], y: number, size: number): number {
  const { doc, left, width } = layout;
  let top = y;
  for (const text of texts) {
    top = ensureSpace(layout, top, textHeight(layout, text, FONT, size));
    tagged(layout, 'P', () => {
      doc.font(FONT).fontSize(size).fillColor(INK).text(text, left, top, { width });
    });
    top = doc.y + 1;
  }
  return top;
}

/** The notes under a table, with the marker explained where a cell is hidden. */
function notesOf(layout: TPdfLayout, table: TExportTable): string[] {
  const notes = [...(table.notes ?? [])];
  if ([...table.rows, ...(table.footer ?? [])].some((row) => row.some(isSuppressed))) {
    notes.push(layout.header.suppressedNote);
  }
  return notes.map(pdfText);
}

function notesHeight(layout: TPdfLayout, table: TExportTable): number {
  return 2 + linesHeight(layout, notesOf(layout, table), NOTE_SIZE);
}

function linesHeight(layout: TPdfLayout, texts: readonly string[], size: number): number {
  return texts.reduce((sum, text) => sum + textHeight(layout, text, FONT, size) + 1, 0);
}

function textHeight(layout: TPdfLayout, text: string, font: string, size: number, width = layout.width): number {
  layout.doc.font(font).fontSize(size);
  return layout.doc.heightOfString(text || ' ', { width });
}

function commentHeight(layout: TPdfLayout, text: string): number {
  return textHeight(layout, text, FONT, TEXT_SIZE, layout.width - COMMENT_INDENT);
}

function firstCommentHeight(layout: TPdfLayout, question: TReportQuestion): number {
  const [first] = question.comments;
  return first === undefined ? 0 : 4 + Math.min(commentHeight(layout, pdfText(first)), 120);
}
