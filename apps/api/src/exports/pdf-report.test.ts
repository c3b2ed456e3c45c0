import { createRequire } from 'node:module';
import { buffer } from 'node:stream/consumers';
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { TExportHeader, TReportQuestion } from './export-model.js';
import { pdfReportStream } from './pdf-report.js';
import { AREA_GROUPS, EN_HEADER, HOSTILE_TITLE, SV_HEADER, sampleQuestions } from './test-fixtures.js';

const STANDARD_FONTS = createRequire(import.meta.url)
  .resolve('pdfjs-dist/package.json')
  .replace(/package\.json$/, 'standard_fonts/');

const HEADER: TExportHeader = { ...SV_HEADER, responses: '185 svar av 640 inbjudna · svarsfrekvens 28,9 %' };

type TStructNode = { role?: string; alt?: string; children?: TStructNode[]; type?: string };

/** What pdf.js reads back: the text runs page by page, the structure tree's nodes, and the document's facts. */
async function readBack(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[][] = [];
  const nodes: TStructNode[] = [];
  const walk = (node: TStructNode | null | undefined) => {
    if (!node) return;
    nodes.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    const runs = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [item.str] : []));
    pages.push(runs.map((run) => run.replaceAll('\u00a0', ' ')));
    walk((await page.getStructTree()) as TStructNode);
  }
  const markInfo = await document.getMarkInfo();
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  await document.destroy();
  return { pages, runs: pages.flat(), nodes, markInfo, title: info.Title };
}

/** The page contents, inflated. */
function contents(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  let out = '';
  for (const match of text.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    const body = Buffer.from(match[1] ?? '', 'latin1');
    try {
      out += inflateSync(body).toString('latin1');
    } catch {
      out += body.toString('latin1');
    }
  }
  return out;
}

/** Widths of the rectangles (`x y w h re`) in the page contents. */
function rectangleWidths(pdf: Buffer): number[] {
  return [...contents(pdf).matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((re) => Number(re[3]));
}

describe('PDF report', async () => {
  const pdf = await buffer(pdfReportStream({ header: HEADER, questions: sampleQuestions() }));
  const { pages, runs, nodes, markInfo, title } = await readBack(pdf);
  const text = runs.join(' ');

  it('starts with the title once, then how many answered out of how many and the response rate', () => {
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(runs.slice(0, 5)).toEqual([
      'Socialtjänstenkäten 2012',
      '185 svar av 640 inbjudna · svarsfrekvens 28,9 %',
      'Exportdatum: 2026-11-26',
      SV_HEADER.minGroupRule,
      SV_HEADER.suppressedNote,
    ]);
    // The title names the wave already: no "Omgång: 2012", no "Socialtjänstenkäten 2012 – 2012".
    expect(title).toBe('Socialtjänstenkäten 2012');
    expect(text).not.toContain('Omgång');
    expect(runs.at(-1)).toBe(`Socialtjänstenkäten 2012 · 2026-11-26 · Sida ${pages.length} av ${pages.length}`);
  });

  it('names the wave where the title does not', async () => {
    const header = { ...HEADER, title: 'Personalenkäten', waveName: 'Våren 2026' };
    const other = await readBack(await buffer(pdfReportStream({ header, questions: [] })));
    expect(other.runs).toContain('Omgång: Våren 2026');
    expect(other.runs.at(-1)).toBe('Personalenkäten · Omgång Våren 2026 · 2026-11-26 · Sida 1 av 1');
  });

  it('numbers every question, free text included, as the results page does', () => {
    const numbered = runs.filter((run) => /^\d+\. /.test(run));
    expect(numbered).toEqual([
      '1. Upplever du ett tryck på att bli mer restriktiv i att godkänna ansökningar?',
      '2. De ekonomiska förutsättningarna gör det omöjligt att göra ett bra jobb – efter roll',
      '3. Hur upplever du arbetsbelastningen?',
      // Numbered, the title no longer starts with "=": nothing to defuse.
      `4. ${HOSTILE_TITLE}`,
      '5. Övriga kommentarer',
    ]);
  });

  it('writes margins of error as "±6,0", and none where the margin rounds to zero', () => {
    const q1 = runs.slice(runs.indexOf('Felmarginal'), runs.indexOf('Totalt'));
    expect(q1).toEqual([
      'Felmarginal',
      'Ja',
      '72,8 %',
      '131',
      '±6,0',
      'Nej',
      '17,2 %',
      '31',
      '±4,7',
      'Vet ej',
      '10,0 %',
      '18',
    ]);
    expect(text).not.toContain('±0,0');
  });

  it('holds free-text questions with how many wrote, and the comments that may be listed', () => {
    expect(runs).toContain('12 har skrivit en kommentar.');
    expect(runs).toContain('Ärendemängden har ökat – och det märks.');
    expect(runs).toContain('Vi hinner inte med uppföljningen.');
    expect(runs).toContain('3 har skrivit en kommentar.');
    expect(runs).toContain('Kommentarerna återges när minst 10 har skrivit.');
  });

  it('shows every group of a breakdown, hidden ones with their reason, in tables that fit across the page', () => {
    expect(runs).toContain('Uppdelat efter: Inom vilket område arbetar du?');
    for (const group of AREA_GROUPS) expect(text).toContain(group);
    // No word is broken across lines inside a column.
    expect(runs).toContain('Funktionsnedsättning');
    // The hidden groups, in every row and in Totalt: Vuxna/missbruk protects Annat.
    const breakdown = text.slice(text.indexOf('Uppdelat efter'), text.indexOf('Procent av gruppens svar'));
    expect(breakdown.split(SV_HEADER.protectedMarker)).toHaveLength(4 + 1);
    expect(breakdown.split(SV_HEADER.suppressedMarker)).toHaveLength(4 + 1);
    expect(text).toContain('70,1 % (10)');
    // Seven groups do not fit beside the options: three tables, each repeating the options.
    const tables = nodes.filter((node) => node.role === 'Table');
    expect(tables.length).toBe(1 + 3 + 1 + 1); // Q1 and its breakdown in three tables (3, 2, 2 groups), Q2, Q4
    expect(runs.filter((run) => run === 'Alternativ')).toHaveLength(4);
    expect(runs.filter((run) => run === 'Ja')).toHaveLength(1 + 1 + 3);
  });

  it('is tagged: headings, paragraphs, tables with header cells, figures with alternative text, lists', () => {
    expect(markInfo?.Marked).toBe(true);
    expect(pdf.toString('latin1')).toContain('/StructTreeRoot');
    expect(pdf.toString('latin1')).toContain('pdfuaid:part');
    const roles = new Set(nodes.map((node) => node.role));
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure', 'L', 'LI', 'LBody']) {
      expect(roles, role).toContain(role);
    }
    const figures = nodes.filter((node) => node.role === 'Figure');
    expect(figures).toHaveLength(3);
    expect(figures[0]?.alt?.replaceAll('\u00a0', ' ')).toBe('Stapeldiagram: Ja 72,8 %; Nej 17,2 %; Vet ej 10,0 %');
    // Page footers, rules and frames are artifacts, outside the structure.
    expect(contents(pdf)).toContain('/Artifact <<\n/Type /Pagination\n>> BDC');
  });

  it('embeds its font, so Swedish letters and the number signs print and extract', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    for (const word of ['Socialtjänstenkäten', 'Övriga', 'Ärendemängden', 'förutsättningarna', '±4,7']) {
      expect(text).toContain(word);
    }
  });

  it('writes the marker in suppressed cells and bars, and explains it under the table', () => {
    // Q2: two hidden rows, each marker spanning its row's figures, and one more in the chart per row.
    expect(runs.filter((run) => run === 'färre än 5 svar').length).toBeGreaterThanOrEqual(4);
    expect(runs.filter((run) => run === SV_HEADER.suppressedNote.replaceAll('\u00a0', ' ')).length).toBeGreaterThan(1);
  });

  it('defuses formulas in column names and labels', () => {
    expect(runs).toContain("'@Alternativ");
    expect(runs.filter((run) => run === "'+Ja")).toHaveLength(2);
    expect(runs.filter((run) => run === "'-Nej")).toHaveLength(2);
    for (const run of runs) expect(run).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('draws a bar per shown figure, as long as its share of the scale', () => {
    const widths = rectangleWidths(pdf);
    // The frame of every bar is the full scale: the most common width.
    const counts = new Map<number, number>();
    for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
    const [scale, frames] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    expect(frames).toBe(8);
    for (const percent of [72.8, 17.2, 10, 84.2, 40.5, 59.5]) {
      expect(widths.some((width) => Math.abs(width - (scale * percent) / 100) < 0.05)).toBe(true);
    }
  });

  it('writes English figures for an English survey', async () => {
    const english = (await readBack(await buffer(pdfReportStream({ header: EN_HEADER, questions: sampleQuestions() }))))
      .runs;
    expect(english.slice(1, 2)).toEqual(['Exported on: 2026-11-26']);
    expect(english).toContain('72.8%');
    expect(english).toContain('±6.0');
    expect(english).toContain('fewer than 5 responses');
  });

  it('fails the stream when a question cannot be produced', async () => {
    async function* broken() {
      yield* sampleQuestions().slice(0, 1);
      throw new Error('database went away');
    }
    await expect(buffer(pdfReportStream({ header: HEADER, questions: broken() }))).rejects.toThrow(
      'database went away',
    );
  });

  it('breaks long reports into numbered pages, keeping each question on one page where it fits', async () => {
    const many: TReportQuestion[] = Array.from({ length: 4 }, () => sampleQuestions())
      .flat()
      .map((question, i) => ({ ...question, number: i + 1 }));
    const { pages: split } = await readBack(await buffer(pdfReportStream({ header: HEADER, questions: many })));
    expect(split.length).toBeGreaterThan(2);
    split.forEach((runs, i) => {
      expect(runs.at(-1)).toBe(`Socialtjänstenkäten 2012 · 2026-11-26 · Sida ${i + 1} av ${split.length}`);
    });
    // The last line of each question's own block (its chart, or its last line) is on the page of its title.
    const lastLine = (question: TReportQuestion) =>
      question.table?.chart ? String(question.table.rows.at(-1)?.[0]).replace(/^([+-])/, "'$1") : question.lines.at(-1);
    let titles = 0;
    for (const runs of split) {
      runs.forEach((run, i) => {
        const question = many.find((q) => run === `${q.number}. ${q.title}`);
        if (!question) return;
        titles++;
        expect(runs.slice(i + 1)).toContain(lastLine(question));
      });
    }
    expect(titles).toBe(many.length);
  });
});
