import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createAdmin, login, resetDatabase, type TTestApp } from '../helpers.js';
import { adminCaller } from '../survey-helpers.js';
import { answeredWave, BACKGROUND_IDS, RECIPES } from './generated-waves.js';
import { LpAttacker, type TInterval } from './lp-attacker.js';

/**
 * ATTACK: an analyst reads every table of a closed wave (the results without a breakdown and
 * broken down by each background question: both directions of every pair) and solves the
 * linear system of all of it (see lp-attacker.ts). The exports carry the same numbers (they
 * are built from the same results), so they add no equation.
 *
 * The rule's promise (packages/results, protection.ts), checked for every hidden count:
 * - it is never pinned to one value, unless that value is 0 (nobody: about no one);
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
    if (cell.lo === cell.hi && cell.hi !== 0) return [`recovered ${found}`];
    const small = cell.kind === 'group' && cell.truth >= 1 && cell.truth < minGroup;
    if (small && (cell.lo > 1 || cell.hi < minGroup - 1)) return [`narrowed ${found}`];
    return [];
  });
}

describe.each(RECIPES.map((recipe, i) => [i + 1, recipe] as const))('generated wave %i', (_, recipe) => {
  it('no hidden count can be worked out from everything an analyst can read', async () => {
    const { wave, answers } = await answeredWave(t.app, editor, recipe);
    const call = adminCaller(t.app, analyst);
    const attacker = new LpAttacker(recipe.questions, answers, MIN_GROUP);
    for (const breakdown of [null, ...BACKGROUND_IDS]) {
      const response = await call(
        'GET',
        `/api/v1/waves/${wave.id}/results${breakdown ? `?breakdown=${breakdown}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      attacker.read(response.json(), breakdown);
    }
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
