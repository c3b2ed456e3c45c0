import { createRequire } from 'node:module';
import { buffer } from 'node:stream/consumers';
import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { TExportTable } from './export-model.js';
import { pdfReportStream } from './pdf-report.js';
import { EN_HEADER, HOSTILE_TITLE, SV_HEADER, sampleTables } from './test-fixtures.js';

const STANDARD_FONTS = createRequire(import.meta.url)
  .resolve('pdfjs-dist/package.json')
  .replace(/package\.json$/, 'standard_fonts/');

/** The text pdf.js finds, one string per text run, page by page. */
async function pageRuns(pdf: Buffer): Promise<string[][]> {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    const runs = content.items.flatMap((item) => ('str' in item && item.str.trim() !== '' ? [item.str] : []));
    pages.push(runs.map((run) => run.replaceAll('\u00a0', ' ')));
  }
  await document.destroy();
  return pages;
}

async function textRuns(pdf: Buffer): Promise<string[]> {
  return (await pageRuns(pdf)).flat();
}

/** Widths of the rectangles (`x y w h re`) in the page contents. */
function rectangleWidths(pdf: Buffer): number[] {
  const widths: number[] = [];
  const text = pdf.toString('latin1');
  for (const match of text.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    const body = Buffer.from(match[1] ?? '', 'latin1');
    let content: string;
    try {
      content = inflateSync(body).toString('latin1');
    } catch {
      content = body.toString('latin1');
    }
    for (const re of content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)) widths.push(Number(re[3]));
  }
  return widths;
}

describe('PDF report', async () => {
  const pdf = await buffer(pdfReportStream({ header: SV_HEADER, tables: sampleTables() }));
  const runs = await textRuns(pdf);
  const text = runs.join('\n');

  it('is a PDF that starts with the header block', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(runs.slice(0, 5)).toEqual([
      'Socialtjänstenkäten 2012',
      'Omgång: 2012',
      'Exportdatum: 2026-11-26',
      SV_HEADER.minGroupRule,
      SV_HEADER.suppressedNote,
    ]);
    expect(runs.at(-1)).toBe('Socialtjänstenkäten 2012 · Omgång 2012 · 2026-11-26 · Sida 1 av 1');
  });

  it('holds every question with its table, figures written the Swedish way, and Swedish letters intact', () => {
    expect(text).toContain('Upplever du ett tryck på att bli mer restriktiv i att godkänna ansökningar?');
    expect(text).toContain('De ekonomiska förutsättningarna gör det omöjligt att göra ett bra jobb – efter roll');
    for (const figure of ['Alternativ', 'Procent', 'Värden', 'Totalt', '72,8 %', '17,2 %', '10,0 %', '131', '180']) {
      expect(runs).toContain(figure);
    }
    expect(runs).toContain('Biståndsbedömare');
    expect(runs).toContain('Felmarginal ±6,1 procentenheter (95 %).');
  });

  it('writes the marker in suppressed cells and bars, and explains it under the table', () => {
    // Two suppressed rows with two cells each in the table, and one more in the chart per row.
    expect(runs.filter((run) => run === 'färre än 5 svar')).toHaveLength(6);
    expect(runs.filter((run) => run === SV_HEADER.suppressedNote.replaceAll('\u00a0', ' '))).toHaveLength(2);
  });

  it('defuses formulas in question texts, column names and labels', () => {
    expect(text).toContain(`'${HOSTILE_TITLE}`);
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
    const english = await textRuns(await buffer(pdfReportStream({ header: EN_HEADER, tables: sampleTables() })));
    expect(english.slice(1, 3)).toEqual(['Wave: 2012', 'Exported on: 2026-11-26']);
    expect(english).toContain('72.8%');
    expect(english).toContain('fewer than 5 responses');
  });

  it('fails the stream when a table cannot be produced', async () => {
    async function* broken() {
      yield* sampleTables().slice(0, 1);
      throw new Error('database went away');
    }
    await expect(buffer(pdfReportStream({ header: SV_HEADER, tables: broken() }))).rejects.toThrow(
      'database went away',
    );
  });

  it('breaks long reports into numbered pages, keeping each question on one page where it fits', async () => {
    const wide: TExportTable = {
      sheetName: 'F3 per område',
      title: 'Det finns ett tryck uppifrån om ökad restriktivitet – efter område',
      columns: [
        { label: 'Svar' },
        { label: 'Ekonomiskt bistånd', kind: 'percent' },
        { label: 'Barn och unga', kind: 'percent' },
        { label: 'Vuxna/missbruk', kind: 'percent' },
        { label: 'Annat', kind: 'percent' },
        { label: 'Totalt', kind: 'percent' },
      ],
      rows: [
        ['Instämmer delvis, och en mycket lång etikett som måste radbrytas i tabellen', 50, 47.3, 45, 44.4, 48.9],
        ['Vet ej', 30.1, 35.5, { suppressed: true }, { suppressed: true }, 32.2],
      ],
    };
    const tables = [...sampleTables(), wide, ...sampleTables(), wide, ...sampleTables(), wide, ...sampleTables()];
    const pages = await pageRuns(await buffer(pdfReportStream({ header: SV_HEADER, tables })));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((runs, i) => {
      expect(runs.at(-1)).toBe(
        `Socialtjänstenkäten 2012 · Omgång 2012 · 2026-11-26 · Sida ${i + 1} av ${pages.length}`,
      );
    });
    // The last line of each question's block (its chart, or its table) is on the page of its title.
    const [q1, q2] = sampleTables();
    const lastLine = new Map([
      [q1?.title, 'Vet ej'],
      [q2?.title, 'Annan'],
      [`'${HOSTILE_TITLE}`, "'-Nej"],
      [wide.title, 'Vet ej'],
    ]);
    let titles = 0;
    for (const runs of pages) {
      runs.forEach((run, i) => {
        const last = lastLine.get(run);
        if (last === undefined) return;
        titles++;
        expect(runs.slice(i + 1)).toContain(last);
      });
    }
    expect(titles).toBe(tables.length);
    expect(pages.flat().filter((run) => run === 'Ekonomiskt')).toHaveLength(3);
  });
});
