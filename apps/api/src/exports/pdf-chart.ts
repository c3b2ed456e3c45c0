import type { TExportTable, TSuppressed } from './export-model.js';
import {
  BAR,
  ensureSpace,
  FONT,
  FONT_ITALIC,
  INK,
  pdfCellText,
  pdfText,
  RULE,
  type TPdfLayout,
  tagged,
} from './pdf-layout.js';

const FONT_SIZE = 8;
const BAR_HEIGHT = 9;
const GAP = 4;
const FIGURE_WIDTH = 70;

/**
 * A horizontal bar per body row, in the table's own order, drawn as vector rectangles with
 * the figure written next to each bar, so the chart reads without colour and prints. The
 * light frame behind each bar is the whole scale (0–100 %). A suppressed row gets the marker
 * text instead of a bar; a row without a value gets no line at all. Tagged as a Figure whose
 * alternative text reads every bar's label and figure. Returns the y below.
 */
export function drawChart(layout: TPdfLayout, table: TExportTable, y: number): number {
  const list = bars(layout, table);
  if (list.length === 0) return y;
  const kind = table.chart ? table.columns[table.chart.valueColumn]?.kind : undefined;
  const words = ALT[layout.header.language];
  const alt = `${words}: ${list.map((bar) => `${bar.label} ${pdfCellText(bar.value, kind, layout.header)}`).join('; ')}`;
  let top = y;
  tagged(
    layout,
    'Figure',
    () => {
      top = drawBars(layout, table, list, y);
    },
    { alt },
  );
  return top;
}

const ALT = { sv: 'Stapeldiagram', en: 'Bar chart' } as const;

function drawBars(layout: TPdfLayout, table: TExportTable, list: TBar[], y: number): number {
  const kind = table.chart ? table.columns[table.chart.valueColumn]?.kind : undefined;
  const max = table.chart?.max ?? 100;
  const { doc, left, width } = layout;
  const { label: labelWidth, scale: scaleWidth } = widths(layout);
  let top = y + GAP;
  for (const bar of list) {
    top = ensureSpace(layout, top, bar.height);
    doc.font(FONT).fontSize(FONT_SIZE).fillColor(INK).text(bar.label, left, top, { width: labelWidth });
    const x = left + labelWidth + GAP;
    doc.save().rect(x, top, scaleWidth, BAR_HEIGHT).lineWidth(0.4).strokeColor(RULE).stroke().restore();
    const figure = pdfCellText(bar.value, kind, layout.header);
    if (typeof bar.value === 'number') {
      const length = Math.max(0, Math.min(1, bar.value / max)) * scaleWidth;
      if (length > 0) doc.save().rect(x, top, length, BAR_HEIGHT).fillColor(BAR).fill().restore();
      doc.text(figure, x + scaleWidth + GAP, top, {
        width: width - labelWidth - scaleWidth - 2 * GAP,
        lineBreak: false,
      });
    } else {
      doc.font(FONT_ITALIC).text(figure, x + 3, top + 1, { width: scaleWidth - 6, lineBreak: false });
    }
    top += bar.height;
  }
  return top;
}

/** The height drawChart will take, to keep a question's block on one page where it fits. */
export function chartHeight(layout: TPdfLayout, table: TExportTable): number {
  const list = bars(layout, table);
  return list.length === 0 ? 0 : list.reduce((sum, bar) => sum + bar.height, GAP);
}

function widths(layout: TPdfLayout): { label: number; scale: number } {
  const label = Math.round(layout.width * 0.35);
  return { label, scale: layout.width - label - FIGURE_WIDTH - 2 * GAP };
}

interface TBar {
  label: string;
  value: number | TSuppressed;
  height: number;
}

/** The body rows that get a line: those with a number or a suppressed cell in the value column. */
function bars(layout: TPdfLayout, table: TExportTable): TBar[] {
  if (!table.chart) return [];
  const { valueColumn } = table.chart;
  const labelWidth = widths(layout).label;
  layout.doc.font(FONT).fontSize(FONT_SIZE);
  return table.rows.flatMap((row) => {
    const value = row[valueColumn] ?? null;
    if (value === null || typeof value === 'string' || (typeof value === 'number' && !Number.isFinite(value)))
      return [];
    const label = pdfText(typeof row[0] === 'string' ? row[0] : '');
    const height = Math.max(layout.doc.heightOfString(label || ' ', { width: labelWidth }), BAR_HEIGHT) + GAP;
    return [{ label, value, height }];
  });
}
