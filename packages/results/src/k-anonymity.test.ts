import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classKey, kAnonymize, type TAnswerClass } from './k-anonymity.js';

const answer = (options: string[]) => fc.oneof(fc.constantFrom(...options), fc.constant(null));
const classes = fc.uniqueArray(
  fc.record({
    answers: fc.tuple(answer(['a1', 'a2', 'a3']), answer(['b1', 'b2']), answer(['c1', 'c2', 'c3', 'c4'])),
    count: fc.integer({ min: 1, max: 12 }),
  }),
  { selector: (c) => classKey(c.answers), maxLength: 30 },
);

/** Rows per released combination. */
function released(input: readonly TAnswerClass[], map: Map<string, (string | null)[]>) {
  const sizes = new Map<string, number>();
  for (const { answers, count } of input) {
    const shown = map.get(classKey(answers));
    if (!shown) throw new Error('a combination without a release');
    sizes.set(classKey(shown), (sizes.get(classKey(shown)) ?? 0) + count);
  }
  return sizes;
}

describe('kAnonymize', () => {
  it('leaves a combination alone that k rows share', () => {
    const input = [{ answers: ['a1', 'b1'], count: 5 }];
    expect(kAnonymize({ k: 5, classes: input }).get(classKey(['a1', 'b1']))).toEqual(['a1', 'b1']);
  });

  it('blanks the answer that joins a small combination to the largest class', () => {
    const input = [
      { answers: ['a1', 'b1'], count: 9 },
      { answers: ['a1', 'b2'], count: 1 },
      { answers: [null, 'b2'], count: 6 },
    ];
    const map = kAnonymize({ k: 5, classes: input });
    expect(map.get(classKey(['a1', 'b2']))).toEqual([null, 'b2']);
    expect(map.get(classKey(['a1', 'b1']))).toEqual(['a1', 'b1']);
  });

  it('blanks first what the tables hide', () => {
    const input = [{ answers: ['a1', 'b1'], count: 9 }];
    expect(kAnonymize({ k: 5, classes: input, blank: [new Set(['a1'])] }).get(classKey(['a1', 'b1']))).toEqual([
      null,
      'b1',
    ]);
  });

  it('gives every combination a row shows to at least k rows, only ever blanking answers', () => {
    fc.assert(
      fc.property(classes, fc.integer({ min: 3, max: 6 }), (input, k) => {
        const map = kAnonymize({ k, classes: input });
        for (const [key, size] of released(input, map)) {
          const shown = JSON.parse(key) as (string | null)[];
          if (shown.some((a) => a !== null)) expect(size).toBeGreaterThanOrEqual(k);
        }
        for (const { answers } of input) {
          const shown = map.get(classKey(answers)) ?? [];
          shown.forEach((a, i) => {
            expect(a === null || a === answers[i]).toBe(true);
          });
        }
      }),
    );
  });
});
