import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from '../helpers.js';
import { adminCaller } from '../survey-helpers.js';
import { answeredWave, BACKGROUND_IDS, RECIPES, waveAnsweredBy } from './generated-waves.js';
import { LpAttacker, type TInterval } from './lp-attacker.js';

/**
 * ATTACK: an analyst reads every table of a closed wave (the results without a breakdown and
 * broken down by each background question: both directions of every pair) and solves the
 * linear system of all of it (see lp-attacker.ts). The exports carry the same numbers (they
 * are built from the same results), so they add no equation.
 *
 * The rule's promise (packages/results, protection.ts), checked for every hidden count:
 * - it is never pinned to one value, unless that value is 0 (nobody: about no one), or the
 *   tables without a breakdown pin it already (then no hiding could; a group's size excepted);
 * - a hidden group of 1 to minGroup − 1 people who gave one background answer could be
 *   anything from 1 to minGroup − 1.
 */

const MIN_GROUP = 5;

let t: TTestApp;
let editor: string;
let analyst: string;

beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  editor = await login(t.app, (await createAdmin(t.db, 'editor')).email);
  analyst = await login(t.app, (await createAdmin(t.db, 'analyst')).email);
});
afterAll(() => t.app.close());

/** Where the promise is broken, in words, with what the attacker learnt. */
export function brokenPromises(intervals: TInterval[], minGroup: number): string[] {
  return intervals.flatMap((cell) => {
    const found = `${cell.label} = ${cell.truth}: the published numbers allow only ${cell.lo}…${cell.hi}`;
    const anyway = cell.pinnedAnyway && cell.kind !== 'group';
    if (cell.lo === cell.hi && cell.hi !== 0 && !anyway) return [`recovered ${found}`];
    const small = cell.kind === 'group' && cell.truth >= 1 && cell.truth < minGroup;
    if (small && (cell.lo > 1 || cell.hi < minGroup - 1)) return [`narrowed ${found}`];
    return [];
  });
}

/** Every table of a closed wave, without and with each breakdown, read into a new attacker. */
async function readEverything(waveId: string, questions: string[], answers: Record<string, string>[]) {
  const call = adminCaller(t.app, analyst);
  const attacker = new LpAttacker(questions, answers, MIN_GROUP);
  for (const breakdown of [null, ...BACKGROUND_IDS]) {
    const response = await call('GET', `/api/v1/waves/${waveId}/results${breakdown ? `?breakdown=${breakdown}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    attacker.read(response.json(), breakdown);
  }
  return attacker;
}

describe.each(RECIPES.map((recipe, i) => [i + 1, recipe] as const))('generated wave %i', (_, recipe) => {
  it('no hidden count can be worked out from everything an analyst can read', async () => {
    const { wave, answers } = await answeredWave(t.app, editor, recipe);
    const attacker = await readEverything(wave.id, recipe.questions, answers);
    const intervals = await attacker.intervals();
    // The wave has small groups on purpose: there is something to hide.
    expect(intervals.filter((cell) => cell.truth > 0 && cell.truth < MIN_GROUP).length).toBeGreaterThan(0);
    const broken = [
      ...attacker.smallShown.map((cell) => `shown small group ${cell}`),
      ...brokenPromises(intervals, MIN_GROUP),
    ];
    expect(broken).toEqual([]);
  });
});

/**
 * ATTACK: two people leave the role question blank; every role is large. Without protection of
 * those who skipped, the role columns of "q1 by role" are all shown, and what the two answered
 * is the whole table less the columns ("both said nej"). Their "Ej svar" column must be hidden
 * as small, with enough complements that what they answered cannot be worked out.
 */
describe('two people who skipped the role question', () => {
  it('their answers cannot be worked out from the role breakdown', async () => {
    const roles = ['socialsekreterare', 'bistandsbedomare', 'annan'];
    const q1 = ['ja', 'nej', 'dont-know'];
    const q2 = ['s1', 's2', 's3', 's4', 'dont-know'];
    const answers: Record<string, string>[] = [
      ...Array.from({ length: 24 }, (_, i) => ({
        q9: roles[i % 3] ?? 'annan',
        q10: 'ekonomiskt-bistand',
        q1: q1[(i * 7) % 3] ?? 'ja',
        q2: q2[i % 5] ?? 's1',
      })),
      { q10: 'ekonomiskt-bistand', q1: 'nej', q2: 's4' },
      { q10: 'ekonomiskt-bistand', q1: 'nej', q2: 's4' },
    ];
    const { wave } = await waveAnsweredBy(t.app, editor, answers);
    const attacker = await readEverything(wave.id, ['q1', 'q2'], answers);
    const intervals = await attacker.intervals();
    expect(intervals.some((cell) => cell.label.startsWith('q1 | q9') && cell.truth === 2)).toBe(true);
    const broken = [
      ...attacker.smallShown.map((cell) => `shown small group ${cell}`),
      ...brokenPromises(intervals, MIN_GROUP),
    ];
    expect(broken).toEqual([]);
  });
});
