import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EN_HEADER, HOSTILE_TITLE, SV_HEADER, sampleTables } from './test-fixtures.js';
import { resultsXlsxStream } from './xlsx-results.js';

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`No sheet ${name}`);
  return found;
}

function values(worksheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (row) => row ?? []);
}

describe('results XLSX', async () => {
  const workbook = await readBack(await buffer(resultsXlsxStream({ header: SV_HEADER, tables: sampleTables() })));

  it('has the summary first, then a sheet per question with a valid, unique name', () => {
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([
      'Sammanfattning',
      'F1 Upplever du ett tryck på att',
      'F2 per roll ekonomiska förutsät',
      'HYPERLINK("http evil.example x=',
    ]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('starts the summary with the header block, then lists the questions and their totals', () => {
    const rows = values(sheet(workbook, 'Sammanfattning'));
    expect(rows.slice(0, 5)).toEqual([
      ['Socialtjänstenkäten 2012'],
      ['Omgång', '2012'],
      ['Exportdatum', '2026-11-26'],
      [SV_HEADER.minGroupRule],
      [SV_HEADER.suppressedNote],
    ]);
    expect(rows.slice(6)).toEqual([
      ['Fråga', 'Blad', 'Totalt'],
      [sampleTables()[0]?.title, 'F1 Upplever du ett tryck på att', 180],
      [sampleTables()[1]?.title, 'F2 per roll ekonomiska förutsät', 182],
      [`'${HOSTILE_TITLE}`, 'HYPERLINK("http evil.example x=', 42],
    ]);
  });

  it('writes numbers as numbers, shown with one decimal for percentages, and the marker for suppressed cells', () => {
    const q1 = sheet(workbook, 'F1 Upplever du ett tryck på att');
    expect(values(q1)).toEqual([
      ['Upplever du ett tryck på att bli mer restriktiv i att godkänna ansökningar?'],
      [],
      ['Alternativ', 'Procent', 'Värden'],
      ['Ja', 72.8, 131],
      ['Nej', 17.2, 31],
      ['Vet ej', 10, 18],
      ['Totalt', undefined, 180],
      [],
      ['Felmarginal ±6,1 procentenheter (95 %).'],
    ]);
    expect(q1.getCell('B4').numFmt).toBe('0.0" %"');
    expect(q1.getCell('C4').numFmt).toBe('#,##0');
    expect(q1.getCell('A7').font?.bold).toBe(true);

    const q2 = values(sheet(workbook, 'F2 per roll ekonomiska förutsät'));
    expect(q2).toContainEqual(['Annan', 'färre än 5 svar', 'färre än 5 svar']);
    expect(q2.at(-1)).toEqual([SV_HEADER.suppressedNote]);
  });

  it('defuses every text cell and contains no formulas', () => {
    const hostile = sheet(workbook, 'HYPERLINK("http evil.example x=');
    expect(hostile.getCell('A1').value).toBe(`'${HOSTILE_TITLE}`);
    expect(values(hostile).slice(2, 5)).toEqual([
      ["'@Alternativ", 'Procent', 'Värden'],
      ["'+Ja", 40.5, 17],
      ["'-Nej", 59.5, 25],
    ]);
    let cells = 0;
    for (const worksheet of workbook.worksheets) {
      worksheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
    expect(cells).toBeGreaterThan(50);
  });

  it('speaks English when the survey does', async () => {
    const english = await readBack(await buffer(resultsXlsxStream({ header: EN_HEADER, tables: sampleTables() })));
    expect(english.worksheets[0]?.name).toBe('Summary');
    const rows = values(sheet(english, 'Summary'));
    expect(rows[1]).toEqual(['Wave', '2012']);
    expect(rows[6]).toEqual(['Question', 'Sheet', 'Total']);
    expect(sheet(english, 'F1 Upplever du ett tryck på att').getCell('B4').numFmt).toBe('0.0"%"');
  });

  it('fails the stream when a table cannot be produced', async () => {
    async function* broken() {
      yield* sampleTables().slice(0, 1);
      throw new Error('database went away');
    }
    await expect(buffer(resultsXlsxStream({ header: SV_HEADER, tables: broken() }))).rejects.toThrow(
      'database went away',
    );
  });
});
