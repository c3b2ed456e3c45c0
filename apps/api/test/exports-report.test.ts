import { createRequire } from 'node:module';
import type { TWaveResults } from '@enkat/survey-schema';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHeaderTexts } from '../src/exports/export-model.js';
import { buildResults } from '../src/results/build-results.js';
import { listComments } from '../src/results/comments.js';
import { seedDemoSurvey } from '../src/surveys/demo-data.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { ANSWERS_2012, adminCaller, closeWaveNow, mixNow, publishedWave, submit } from './survey-helpers.js';

/** The PDF report of the 2012 demo wave, read back with pdf.js, and the results files broken down. */

const STANDARD_FONTS = createRequire(import.meta.url)
  .resolve('pdfjs-dist/package.json')
  .replace(/package\.json$/, 'standard_fonts/');
const TEXTS = exportHeaderTexts('sv', 5);

let t: TTestApp;
let analyst: string;
let owner: string;
let waveId: string;
let byRole: TWaveResults;

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  await seedDemoSurvey(t.db, t.app.keys);
  waveId = (await t.db.wave.findFirstOrThrow({ where: { name: '2012' }, select: { id: true } })).id;
  analyst = await login(t.app, (await createAdmin(t.db, 'analyst')).email);
  owner = await login(t.app, (await createAdmin(t.db, 'owner')).email);
  byRole = await buildResults(t.db, waveId, { breakdown: 'q9' });
});
afterAll(() => t.app.close());

async function download(file: string, query = '', wave = waveId) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/waves/${wave}/exports/${file}${query}`,
    headers: { cookie: analyst },
  });
  expect(response.statusCode).toBe(200);
  return response;
}

/** The PDF's text runs (no-break spaces as spaces), its title and whether it is tagged. */
async function readPdf(pdf: Buffer) {
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: STANDARD_FONTS }).promise;
  const runs: string[] = [];
  const roles = new Set<string>();
  const walk = (node: { role?: string; children?: unknown[] } | null) => {
    if (!node) return;
    if (node.role) roles.add(node.role);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    for (const item of (await page.getTextContent()).items) {
      if ('str' in item && item.str.trim() !== '') runs.push(item.str.replaceAll('\u00a0', ' '));
    }
    walk((await page.getStructTree()) as { role?: string; children?: unknown[] });
  }
  const marked = (await document.getMarkInfo())?.Marked === true;
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  await document.destroy();
  return { runs, text: runs.join(' '), roles, marked, title: info.Title };
}

describe('the PDF report of the 2012 demo wave, broken down by role', async () => {
  let report: Awaited<ReturnType<typeof readPdf>>;
  let raw: Buffer;
  beforeAll(async () => {
    raw = (await download('report.pdf', '?breakdown=q9')).rawPayload;
    report = await readPdf(raw);
  });

  it('states the answers, the number invited and the response rate, under a title that names the wave once', () => {
    expect(report.runs.slice(0, 2)).toEqual([
      'Socialtjänstenkäten 2012',
      '185 svar av 640 inbjudna · svarsfrekvens 28,9 %',
    ]);
    expect(report.title).toBe('Socialtjänstenkäten 2012');
    expect(report.text).not.toMatch(/2012 – 2012|Omgång:? 2012/);
  });

  it('numbers the questions as the results page does, free text included', () => {
    // In order; a long title wraps onto a second line, so it is looked for in the joined text.
    const at = byRole.questions.map((q, i) => report.text.indexOf(`${i + 1}. ${q.text}`));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(byRole.questions).toHaveLength(12);
    expect(byRole.questions.some((q) => q.type === 'free_text')).toBe(true);
  });

  it('writes each margin of error as the results page does, "±6,1"', () => {
    const q1 = byRole.questions[0];
    if (q1?.type === 'free_text' || !q1?.table) throw new Error('q1 is a table');
    const ja = q1.table.rows.find((row) => row.label === 'Ja');
    expect(ja?.margin).not.toBeNull();
    const expected = `±${(Math.round((ja?.margin ?? 0) * 10) / 10).toFixed(1).replace('.', ',')}`;
    const at = report.runs.indexOf('Ja');
    expect(report.runs.slice(at, at + 4)).toEqual(['Ja', '72,8 %', '131', expected]);
    expect(report.runs.filter((run) => /^±\d+,\d$/.test(run)).length).toBeGreaterThan(20);
    expect(report.runs.filter((run) => /^\d+,\d$/.test(run))).toEqual([]);
  });

  it('holds every free-text question with how many wrote, and the comments the results page lists', async () => {
    for (const question of byRole.questions) {
      if (question.type !== 'free_text') continue;
      expect(report.runs).toContain(`${question.writers} har skrivit en kommentar.`);
      expect(question.commentsShown).toBe(true);
      const { comments } = await listComments(t.db, waveId, question.questionId, { flag: false });
      expect(comments.length).toBe(question.writers);
      for (const comment of comments) expect(report.text).toContain(comment.text.replace(/\s+/g, ' ').slice(0, 40));
    }
    expect(report.text).toContain('Budget verkar gå före klientens behov');
  });

  it('holds the breakdown: the background question, every group, hidden ones with their reason', () => {
    expect(report.runs).toContain('Uppdelat efter: Vilken är din roll?');
    for (const group of byRole.breakdown?.groups ?? []) expect(report.text).toContain(group.label);
    expect(byRole.breakdown?.groups.length).toBeGreaterThan(2);
    expect(report.text).toContain(TEXTS.suppressedMarker);
    expect(report.text).toContain(TEXTS.protectedMarker);
  });

  it('is a tagged PDF with an embedded font', () => {
    expect(report.marked).toBe(true);
    for (const role of ['H1', 'H2', 'H3', 'P', 'Table', 'TH', 'TD', 'Figure', 'L'])
      expect(report.roles).toContain(role);
    const bytes = raw.toString('latin1');
    expect(bytes).toContain('/FontFile2');
    expect(bytes).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});

describe('the PDF report and comments', () => {
  it('leaves out the comments of an open wave, and says when they come', async () => {
    const wave = await publishedWave(t.app, owner, { accessMode: 'open_link', settings: { resultsBeforeClose: true } });
    for (let i = 0; i < 12; i++) {
      const answers = { ...ANSWERS_2012, q7: `Öppen kommentar nummer ${i}` };
      expect((await submit(t.app, wave.slug ?? '', { answers })).statusCode).toBe(201);
    }
    const call = adminCaller(t.app, owner);
    // Results count mixed answers only: mix a batch, and read the open wave's report.
    expect(await mixNow(t.app)).toBeGreaterThan(0);
    const open = await readPdf((await download('report.pdf', '', wave.id)).rawPayload);
    expect(open.text).toContain('Kommentarerna återges när omgången har stängts.');
    expect(open.text).not.toContain('Öppen kommentar');

    await closeWaveNow(t.app, owner, wave.id);
    const closed = await readPdf((await download('report.pdf', '', wave.id)).rawPayload);
    expect(closed.runs).toContain('12 har skrivit en kommentar.');
    expect(closed.text).toContain('Öppen kommentar nummer 7');
    expect(closed.runs).toContain('12 svar av 640 inbjudna · svarsfrekvens 1,9 %');

    // A comment an editor removes is gone from the report too.
    const listed = (await call('GET', `/api/v1/waves/${wave.id}/comments/q7`)).json() as {
      comments: { id: string; text: string }[];
    };
    const seventh = listed.comments.find((c) => c.text === 'Öppen kommentar nummer 7');
    if (!seventh) throw new Error('comment 7 not listed');
    expect(
      (await call('POST', `/api/v1/waves/${wave.id}/comments/q7/redact`, { comment: seventh.id })).statusCode,
    ).toBe(200);
    const redacted = await readPdf((await download('report.pdf', '', wave.id)).rawPayload);
    expect(redacted.text).not.toContain('Öppen kommentar nummer 7');
    expect(redacted.text).toContain('Öppen kommentar nummer 8');
  });
});

describe('the results files broken down', () => {
  it('CSV and Swedish Excel CSV carry a column pair per group, hidden groups with their reason', async () => {
    const groups = byRole.breakdown?.groups ?? [];
    for (const [file, separator] of [
      ['results.csv', ','],
      ['results-excel-sv.csv', ';'],
    ] as const) {
      const body = (await download(file, '?breakdown=q9')).body.replaceAll('\u00a0', ' ');
      for (const group of groups)
        expect(body).toContain(`${separator}${group.label}: procent${separator}${group.label}: antal`);
      expect(body).toContain('Uppdelat efter: Vilken är din roll?');
      expect(body).toContain(TEXTS.suppressedMarker);
      expect(body).toContain(TEXTS.protectedMarker);
      expect(body).toContain('185 svar av 640 inbjudna · svarsfrekvens 28,9 %');
    }
    const plain = (await download('results.csv')).body;
    expect(plain).not.toContain(': procent');
  });
});
