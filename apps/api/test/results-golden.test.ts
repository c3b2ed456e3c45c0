import { formatMargin, formatPercent } from '@enkat/results';
import { type TChoiceQuestionResult, type TWaveResults, ZGetWaveResultsResponse } from '@enkat/survey-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSurvey } from '../src/surveys/demo-data.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { adminCaller } from './survey-helpers.js';

/**
 * GOLDEN DATA, typed from the published report "Får stockholmarna det de har rätt till?" (2012):
 * Alternativ, Procent, Värden for questions 1–6, then Totalt. The actual numbers come from the
 * results API over the demo wave, whose 185 answer sets went through the respondents' path.
 */
const PUBLISHED: Record<string, { rows: [string, string, number][]; total: number }> = {
  q1: {
    rows: [
      ['Ja', '72,8 %', 131],
      ['Nej', '17,2 %', 31],
      ['Vet ej', '10,0 %', 18],
    ],
    total: 180,
  },
  q2: {
    rows: [
      ['Instämmer helt', '28,0 %', 51],
      ['Instämmer delvis', '55,5 %', 101],
      ['Instämmer inte', '10,4 %', 19],
      ['Instämmer inte alls', '4,4 %', 8],
      ['Vet ej', '1,6 %', 3],
    ],
    total: 182,
  },
  q3: {
    rows: [
      ['Instämmer helt', '32,2 %', 58],
      ['Instämmer delvis', '48,9 %', 88],
      ['Instämmer inte', '9,4 %', 17],
      ['Instämmer inte alls', '3,9 %', 7],
      ['Vet ej', '5,6 %', 10],
    ],
    total: 180,
  },
  q4: {
    rows: [
      ['Instämmer helt', '25,8 %', 47],
      ['Instämmer delvis', '47,3 %', 86],
      ['Instämmer inte', '7,7 %', 14],
      ['Instämmer inte alls', '3,8 %', 7],
      ['Vet ej', '15,4 %', 28],
    ],
    total: 182,
  },
  q5: {
    rows: [
      ['Instämmer helt', '15,3 %', 28],
      ['Instämmer delvis', '61,7 %', 113],
      ['Instämmer inte', '13,7 %', 25],
      ['Instämmer inte alls', '4,9 %', 9],
      ['Vet ej', '4,4 %', 8],
    ],
    total: 183,
  },
  q6: {
    rows: [
      ['Instämmer helt', '14,2 %', 26],
      ['Instämmer delvis', '33,9 %', 62],
      ['Instämmer inte', '22,4 %', 41],
      ['Instämmer inte alls', '29,0 %', 53],
      ['Vet ej', '0,5 %', 1],
    ],
    total: 183,
  },
};

/** Swedish per cent as printed in the report (with an ordinary space before "%"). */
const sv = (value: number | null) => formatPercent(value, 'sv').replace(/\u00A0/g, ' ');

let t: TTestApp;
let results: TWaveResults;
beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  await seedDemoSurvey(t.db, t.app.keys);
  const wave = await t.db.wave.findFirstOrThrow({ where: { name: '2012' }, select: { id: true } });
  const cookie = await login(t.app, (await createAdmin(t.db, 'analyst')).email);
  const response = await adminCaller(t.app, cookie)('GET', `/api/v1/waves/${wave.id}/results`);
  expect(response.statusCode).toBe(200);
  results = ZGetWaveResultsResponse.parse(response.json());
});
afterAll(() => t.app.close());

const question = (id: string) => {
  const found = results.questions.find((q) => q.questionId === id);
  if (found?.type === 'free_text' || !found?.table) throw new Error(`no table for ${id}`);
  return found as TChoiceQuestionResult & { table: NonNullable<TChoiceQuestionResult['table']> };
};

describe('the 2012 demo wave’s results', () => {
  it.each(Object.entries(PUBLISHED))('reproduce the published table of %s exactly', (id, published) => {
    const { table } = question(id);
    expect(table.rows.map((row) => [row.label, sv(row.percent), row.count])).toEqual(published.rows);
    expect(table.total).toBe(published.total);
  });

  it('compute the combined figures the report typed by hand, on both bases', () => {
    const agree = (id: string) => question(id).agreement?.allAnswers.agree.percent ?? null;
    expect(sv(agree('q3'))).toBe('81,1 %'); // the report's summary said "80 %"
    expect(sv(agree('q2'))).toBe('83,5 %'); // "84 %"
    expect(sv(question('q6').agreement?.allAnswers.disagree.percent ?? null)).toBe('51,4 %'); // "51 %"
    const q3 = question('q3').agreement;
    expect(q3?.allAnswers).toMatchObject({ base: 'all_answers', total: 180, agree: { count: 146 } });
    expect(q3?.scaleAnswers).toMatchObject({ base: 'scale_answers', total: 170, agree: { count: 146 } });
    expect(sv(q3?.scaleAnswers.agree.percent ?? null)).toBe('85,9 %');
    expect(q3?.scaleAnswers.label).toBe('Andel av dem som tog ställning (utan Vet ej)');
  });

  it('give the response rate and the margin of error of 185 answers out of 640', () => {
    expect(results).toMatchObject({
      responses: 185,
      population: { invited: 640, codesIssued: 640, size: 640 },
      minGroupSize: 5,
      freeTextMinGroup: 10,
      withheld: null,
      breakdown: null,
    });
    expect(sv(results.responseRate)).toBe('28,9 %');
    expect(formatMargin(results.marginOfError, 'sv')).toBe('±6,1');
    // Each percentage has its own margin: 72,8 % of 180 answers, corrected for 640.
    expect(formatMargin(question('q1').table.rows[0]?.margin ?? null, 'sv')).toBe('±5,5');
  });

  it('list every question in question-set order, free text as a count of writers only', () => {
    expect(results.questions.map((q) => q.questionId)).toEqual([
      'q1',
      'q2',
      'q3',
      'q4',
      'q5',
      'q6',
      'q7',
      'q8',
      'q9',
      'q10',
      'q11',
      'q12',
    ]);
    const q7 = results.questions.find((q) => q.questionId === 'q7');
    expect(q7).toEqual({
      questionId: 'q7',
      type: 'free_text',
      text: expect.stringContaining('rättssäkerheten'),
      sectionId: 'rattssakerhet',
      sectionTitle: 'Rättssäkerhet och arbetsbelastning',
      wordingChangedSince: null,
      writers: 11,
      commentsShown: true,
    });
    // The report printed no role table: the wave's decision hides Annan (3) and, to protect it, one more.
    const roles = question('q9').table.rows;
    expect(roles.find((row) => row.optionId === 'annan')).toMatchObject({ count: null, hidden: 'small_group' });
    expect(roles.filter((row) => row.hidden === 'protects_small_group')).toHaveLength(1);
    expect(roles.filter((row) => row.hidden === null).map((row) => row.count)).toEqual([156]);
  });
});
