import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSurvey } from '../../src/surveys/demo-data.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from '../helpers.js';
import { answeredWave, BACKGROUND_IDS, RECIPES } from './generated-waves.js';

/**
 * ATTACK: an analyst downloads the raw responses (every file: XLSX, CSV and the comments) and
 * looks for someone they know: "the only manager in one district" is the one row with that
 * pair of background answers. Invariant 5: every combination of background answers a row
 * shows is shown by at least the minimum group of rows; a blanked answer reads as skipped
 * (no marker); no row is dropped; free text is in a file or sheet of its own, without
 * background answers.
 */

const MIN_GROUP = 5;
let t: TTestApp;
let editor: string;
let analyst: string;

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  await seedDemoSurvey(t.db, t.app.keys);
  editor = await login(t.app, (await createAdmin(t.db, 'editor')).email);
  analyst = await login(t.app, (await createAdmin(t.db, 'analyst')).email);
});
afterAll(() => t.app.close());

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

async function download(waveId: string, file: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/waves/${waveId}/exports/${file}`,
    headers: { cookie: analyst },
  });
  expect(response.statusCode, `${file}: ${response.body.slice(0, 200)}`).toBe(200);
  return response;
}

/** The responses of every raw file of a wave, as tables: column names and rows of text. */
async function rawFiles(waveId: string): Promise<Record<string, { columns: string[]; rows: string[][] }>> {
  const csv = parseCsv((await download(waveId, 'responses.csv')).body);
  const start = csv.findIndex((record) => record[0]?.startsWith('q1 '));
  const closing = csv.findIndex((record) => record[0]?.startsWith('Slut på filen'));
  const end = closing > 0 ? closing : csv.length + 1;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await download(waveId, 'responses.xlsx')).rawPayload as unknown as ArrayBuffer);
  const sheet: string[][] = [];
  book.getWorksheet('Svar')?.eachRow({ includeEmpty: true }, (row, n) => {
    sheet[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
  });
  const header = sheet.findIndex((row) => row?.[0]?.startsWith('q1 '));
  const width = (csv[start] ?? []).length;
  return {
    'responses.csv': { columns: csv[start] ?? [], rows: csv.slice(start + 1, end - 1) },
    'responses.xlsx': {
      columns: sheet[header] ?? [],
      rows: sheet.slice(header + 1).map((row) => Array.from({ length: width }, (_, i) => row?.[i] ?? '')),
    },
  };
}

/** Where a file singles out fewer than the minimum group by their background answers. */
function smallCombinations({ columns, rows }: { columns: string[]; rows: string[][] }): string[] {
  const at = BACKGROUND_IDS.map((id) => columns.findIndex((c) => c.startsWith(`${id} `)));
  expect(at.every((i) => i >= 0)).toBe(true);
  const classes = new Map<string, number>();
  for (const row of rows) {
    const key = at.map((i) => row[i] ?? '').join(' | ');
    classes.set(key, (classes.get(key) ?? 0) + 1);
  }
  return [...classes]
    .filter(([key, n]) => n < MIN_GROUP && key.replaceAll(' | ', '') !== '')
    .map(([k, n]) => `${k}: ${n}`);
}

async function checkWave(waveId: string, responses: number) {
  const files = await rawFiles(waveId);
  for (const [name, file] of Object.entries(files)) {
    expect(file.rows, name).toHaveLength(responses);
    expect(smallCombinations(file), `${name}: combinations held by fewer than ${MIN_GROUP} rows`).toEqual([]);
    const text = JSON.stringify(file.rows);
    expect(text, `${name} writes a marker`).not.toMatch(/färre än|dold för/);
    expect(
      file.columns.some((c) => /^q(7|8|12) /.test(c)),
      `${name} holds free text`,
    ).toBe(false);
  }
  const csv = parseCsv((await download(waveId, 'responses.csv')).body);
  expect(csv.at(-1)?.[0], 'a closing line').toMatch(/^Slut på filen: \d+ rader\.$/);
  const comments = parseCsv((await download(waveId, 'comments.csv')).body);
  const header = comments.findIndex((record) => record[0] === 'Fråga');
  expect(comments[header]).toEqual(['Fråga', 'Kommentar']);
  expect(comments.at(-1)?.[0]).toMatch(/^Slut på filen: \d+ rader\.$/);
}

describe('the raw export', () => {
  it('of the 2012 demo wave singles nobody out by their background answers, in any file', async () => {
    const wave = await t.db.wave.findFirstOrThrow({ where: { name: '2012' }, select: { id: true } });
    await checkWave(wave.id, await t.db.response.count({ where: { waveId: wave.id } }));
  });

  it.each(RECIPES.map((recipe, i) => [i + 1, recipe] as const))(
    'of generated wave %i singles nobody out by their background answers, in any file',
    async (_, recipe) => {
      const { wave, answers } = await answeredWave(t.app, editor, recipe);
      await checkWave(wave.id, answers.length);
    },
  );
});
