import {
  NO_ANSWER_GROUP_KEY,
  type TChoiceQuestionResult,
  type TWaveResults,
  ZGetWaveResultsResponse,
} from '@enkat/survey-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSurvey } from '../src/surveys/demo-data.js';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from './helpers.js';
import { ANSWERS_2012, adminCaller, closeWaveNow, publishedWave, submit } from './survey-helpers.js';

/**
 * SUPPRESSION ATTACKS on the demo 2012 wave (role: Annan 3; area: Annat 4; some skipped each
 * background question). The attacker sees what the API shows; the test also reads the true
 * per-group counts from the database, and checks that nothing shown gives a small group away.
 */

/** Counts of a table's rows; null where a cell is hidden (the attacker reads it as unknown, here as 0). */
type TVector = (number | null)[];
/** Those who skipped the background question: their column ("Ej svar") has this key. */
const UNASSIGNED = NO_ANSWER_GROUP_KEY;

let t: TTestApp;
let call: ReturnType<typeof adminCaller>;
let waveId: string;
const MIN_GROUP = 5;

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  await seedDemoSurvey(t.db, t.app.keys);
  waveId = (await t.db.wave.findFirstOrThrow({ where: { name: '2012' }, select: { id: true } })).id;
  call = adminCaller(t.app, await login(t.app, (await createAdmin(t.db, 'analyst')).email));
});
afterAll(() => t.app.close());

async function results(breakdown?: string, id = waveId): Promise<TWaveResults> {
  const response = await call('GET', `/api/v1/waves/${id}/results${breakdown ? `?breakdown=${breakdown}` : ''}`);
  expect(response.statusCode).toBe(200);
  return ZGetWaveResultsResponse.parse(response.json());
}

/** The truth the attacker wants: question → group (or unassigned) → option → count. */
async function truth(backgroundId: string) {
  const rows = await t.db.$queryRaw<{ questionId: string; groupKey: string; optionId: string; count: number }[]>`
    SELECT c.question_id AS "questionId", coalesce(g.option_id, ${UNASSIGNED}) AS "groupKey",
           c.option_id AS "optionId", count(*)::int AS count
      FROM response_choice c
      LEFT JOIN response_choice g ON g.response_id = c.response_id AND g.question_id = ${backgroundId}
     WHERE c.wave_id = ${waveId}::uuid
     GROUP BY 1, 2, 3`;
  const byQuestion = new Map<string, Map<string, Map<string, number>>>();
  for (const row of rows) {
    const groups = byQuestion.get(row.questionId) ?? new Map<string, Map<string, number>>();
    byQuestion.set(row.questionId, groups);
    const options = groups.get(row.groupKey) ?? new Map<string, number>();
    groups.set(row.groupKey, options);
    options.set(row.optionId, row.count);
  }
  return byQuestion;
}

const choiceQuestions = (r: TWaveResults) =>
  r.questions.filter((q): q is TChoiceQuestionResult => q.type !== 'free_text' && q.table !== null);

const vectorOf = (q: TChoiceQuestionResult, counts: ReadonlyMap<string, number> | undefined): TVector =>
  q.table?.rows.map((row) => counts?.get(row.optionId) ?? 0) ?? [];
const sum = (v: TVector) => v.reduce<number>((a, b) => a + (b ?? 0), 0);
const minus = (a: TVector, b: TVector) => a.map((x, i) => (x ?? 0) - (b[i] ?? 0));
const same = (a: TVector, b: TVector) => a.length === b.length && a.every((x, i) => x === b[i]);

/** What the API publishes for one question under one breakdown: the total and the shown columns. */
function published(q: TChoiceQuestionResult) {
  const total = q.table?.rows.map((row) => row.count) ?? [];
  const shown = (q.breakdown ?? []).flatMap((column) =>
    column.suppressed ? [] : [{ key: column.key, vector: column.rows.map((row) => row.count), n: column.n }],
  );
  return { total, shown };
}

describe('a breakdown', () => {
  it('of q2 by role withholds Annan (3 answers), numbers and all, and does not let total − shown give it away', async () => {
    const r = await results('q9');
    const q2 = choiceQuestions(r).find((q) => q.questionId === 'q2');
    const annan = q2?.breakdown?.find((column) => column.key === 'annan');
    expect(annan).toEqual({ key: 'annan', label: 'Annan', suppressed: true, reason: 'small_group' });
    const shownKeys = q2?.breakdown?.filter((c) => !c.suppressed).map((c) => c.key);
    expect(shownKeys).toContain('socialsekreterare');
    const groups = (await truth('q9')).get('q2');
    const hidden = [...(groups ?? [])].filter(([key]) => !shownKeys?.includes(key));
    expect(hidden.length).toBeGreaterThanOrEqual(2); // Annan and at least one more
    if (!q2) throw new Error('no q2');
    const { total, shown } = published(q2);
    const remainder = shown.reduce((rest, column) => minus(rest, column.vector), total);
    expect(same(remainder, vectorOf(q2, groups?.get('annan')))).toBe(false);
  });

  // By years every group is large; of the 8 who skipped it, fewer than 5 answered some questions.
  it.each([
    ['q9', true, null],
    ['q10', true, null],
    ['q11', true, NO_ANSWER_GROUP_KEY],
  ])(
    'by %s leaves, for every question, no hidden remainder that is one small group (small groups: %s, only: %s)',
    async (backgroundId, hasSmallGroups, onlyHidden) => {
      const r = await results(backgroundId);
      const actual = await truth(backgroundId);
      let suppressedSeen = 0;
      for (const q of choiceQuestions(r)) {
        if (q.questionId === backgroundId) {
          expect(q.breakdown).toBeNull();
          continue;
        }
        const groups = actual.get(q.questionId) ?? new Map<string, Map<string, number>>();
        const { total, shown } = published(q);
        for (const column of shown) {
          expect(column.n === 0 || column.n >= MIN_GROUP, `${q.questionId}/${column.key}`).toBe(true);
          // A background question by another can hide single cells (null); the rest are true.
          const expected = vectorOf(q, groups.get(column.key));
          expect(column.vector).toEqual(expected.map((count, i) => (column.vector[i] === null ? null : count)));
        }
        const suppressed = (q.breakdown ?? []).filter((c) => c.suppressed);
        suppressedSeen += suppressed.length;
        // A background question by another also hides what would tell how many of a group
        // skipped the breakdown question (its "Ej svar" cells): not only that column.
        if (onlyHidden && q.type !== 'background') {
          expect(suppressed.map((c) => c.key)).toEqual(suppressed.map(() => onlyHidden));
        }
        const hidden = [...groups].filter(([key]) => !shown.some((c) => c.key === key));
        const hiddenSizes = hidden.map(([, counts]) => sum([...counts.values()]));
        const label = `${q.questionId} by ${backgroundId}: hidden ${hidden.map(([k]) => k).join(', ')}`;
        // Nothing hidden; or only those who skipped the background question, as many as a group
        // that could be shown anyway; or two or more groups that together make a minimum group.
        const onlySkippers = hidden.length === 1 && hidden[0]?.[0] === UNASSIGNED && sum(hiddenSizes) >= MIN_GROUP;
        const pooled = hidden.length >= 2 && sum(hiddenSizes) >= MIN_GROUP;
        expect(hidden.length === 0 || onlySkippers || pooled, label).toBe(true);
        // Differencing: total − shown columns is never one small group's answers.
        const remainder = shown.reduce((rest, column) => minus(rest, column.vector), total);
        for (const [key, counts] of hidden) {
          if (sum([...counts.values()]) < MIN_GROUP) {
            expect(same(remainder, vectorOf(q, counts)), `${label}: ${key} recovered`).toBe(false);
          }
        }
      }
      expect(suppressedSeen > 0).toBe(hasSmallGroups);
    },
  );

  it('by role and by area together give no small group away, whatever is added or subtracted', async () => {
    const [byRole, byArea] = await Promise.all([results('q9'), results('q10')]);
    const [roleTruth, areaTruth] = await Promise.all([truth('q9'), truth('q10')]);
    let combinations = 0;
    for (const q of choiceQuestions(byRole)) {
      const other = choiceQuestions(byArea).find((a) => a.questionId === q.questionId);
      if (!other || q.questionId === 'q9' || q.questionId === 'q10') continue;
      const role = published(q);
      const area = published(other);
      const vectors = [role.total, ...role.shown.map((c) => c.vector), ...area.shown.map((c) => c.vector)];
      // Every small group of either breakdown (the unassigned too), as the attacker would want it.
      const small = [roleTruth, areaTruth].flatMap((actual) =>
        [...(actual.get(q.questionId) ?? [])]
          .map(([key, counts]) => ({ key, vector: vectorOf(q, counts) }))
          .filter(({ vector }) => sum(vector) > 0 && sum(vector) < MIN_GROUP),
      );
      expect(small.length).toBeGreaterThan(0);
      // Every sum of the published vectors with coefficients −1, 0 or +1.
      for (let code = 0; code < 3 ** vectors.length; code++) {
        let rest = code;
        let combination: TVector = q.table?.rows.map(() => 0) ?? [];
        for (const vector of vectors) {
          const coefficient = (rest % 3) - 1;
          rest = Math.floor(rest / 3);
          combination = combination.map((x, i) => (x ?? 0) + coefficient * (vector[i] ?? 0));
        }
        combinations++;
        for (const group of small) {
          expect(same(combination, group.vector), `${q.questionId}: ${group.key} recovered`).toBe(false);
        }
      }
    }
    expect(combinations).toBeGreaterThan(100);
  });
});

describe('a wave with fewer responses than the minimum group', () => {
  it('shows no tables at all, broken down or not, and no comments', async () => {
    const editor = await login(t.app, (await createAdmin(t.db, 'editor')).email);
    const wave = await publishedWave(t.app, editor, { accessMode: 'open_link', name: 'Liten enhet' });
    for (let i = 0; i < MIN_GROUP - 1; i++) {
      expect((await submit(t.app, wave.slug ?? '', { answers: { ...ANSWERS_2012, q9: 'annan' } })).statusCode).toBe(
        201,
      );
    }
    expect((await adminCaller(t.app, editor)('POST', `/api/v1/waves/${wave.id}/close`)).statusCode).toBe(200);
    for (const breakdown of [undefined, 'q9']) {
      const r = await results(breakdown, wave.id);
      expect(r).toMatchObject({ responses: 4, withheld: 'too_few_responses', questions: [] });
    }
    const comments = await call('GET', `/api/v1/waves/${wave.id}/comments/q7`);
    expect(comments.json()).toMatchObject({ withheld: 'too_few_responses', comments: [] });
    expect(JSON.stringify(comments.json())).not.toContain(ANSWERS_2012.q7);
  });
});

describe('comments', () => {
  it('are listed only from the free-text minimum group of writers on', async () => {
    const editor = await login(t.app, (await createAdmin(t.db, 'editor')).email);
    const closedWithComments = async (name: string, writers: number) => {
      const wave = await publishedWave(t.app, editor, {
        accessMode: 'open_link',
        name,
        settings: { freeTextMinGroup: 10 },
      });
      const write = (text: string) => submit(t.app, wave.slug ?? '', { answers: { q1: 'ja', q12: text } });
      for (let i = 1; i <= writers; i++) expect((await write(`Kommentar nummer ${i}`)).statusCode).toBe(201);
      await closeWaveNow(t.app, editor, wave.id);
      return wave;
    };
    const nine = await closedWithComments('Nio kommentarer', 9);
    const few = await call('GET', `/api/v1/waves/${nine.id}/comments/q12`);
    expect(few.json()).toEqual({
      questionId: 'q12',
      text: 'Övriga kommentarer',
      writers: 9,
      freeTextMinGroup: 10,
      withheld: 'too_few_writers',
      comments: [],
    });
    expect((await results(undefined, nine.id)).questions.find((q) => q.questionId === 'q12')).toMatchObject({
      writers: 9,
      commentsShown: false,
    });
    const ten = await closedWithComments('Tio kommentarer', 10);
    const enough = await call('GET', `/api/v1/waves/${ten.id}/comments/q12`);
    expect(enough.json()).toMatchObject({ writers: 10, withheld: null });
    expect(enough.json().comments).toHaveLength(10);
  });
});
