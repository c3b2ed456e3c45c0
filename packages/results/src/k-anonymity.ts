/**
 * Anonymity invariant 5 for the raw-responses export: every combination of background answers
 * that a row shows is shown by at least `k` rows (k-anonymity over the background questions),
 * reached by blanking single answers, never by dropping rows. A blanked answer is written as an
 * empty cell, like a skipped one, so the file cannot tell them apart. A row with every
 * background answer blank shows nothing about who wrote it and needs no company.
 *
 * Greedy and deterministic: while some combination is held by fewer than k rows, the smallest
 * one (ties by its text) gives up the answer whose blanking joins it to the largest class,
 * preferring answers already blanked elsewhere; each step blanks one more answer, so it ends.
 */

/** One combination of background answers (null: skipped) and how many rows have it. */
export interface TAnswerClass {
  answers: readonly (string | null)[];
  count: number;
}

export interface TKAnonymizeInput {
  k: number;
  classes: readonly TAnswerClass[];
  /** Per background question (by position), answers to blank in every row first (hidden in the tables). */
  blank?: readonly ReadonlySet<string>[];
}

const keyOf = (answers: readonly (string | null)[]) => JSON.stringify(answers);

/** For each combination (by `classKey`), the combination the export writes instead. */
export function kAnonymize({ k, classes, blank = [] }: TKAnonymizeInput): Map<string, (string | null)[]> {
  const released = new Map<string, (string | null)[]>();
  const sizes = new Map<string, number>();
  for (const { answers, count } of classes) {
    const shown = answers.map((a, i) => (a !== null && blank[i]?.has(a) ? null : a));
    released.set(keyOf(answers), shown);
    sizes.set(keyOf(shown), (sizes.get(keyOf(shown)) ?? 0) + count);
  }
  for (;;) {
    const small = [...sizes]
      .filter(([key, size]) => size > 0 && size < k && !(JSON.parse(key) as (string | null)[]).every((a) => a === null))
      .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))[0];
    if (!small) return released;
    const [key, size] = small;
    const answers = JSON.parse(key) as (string | null)[];
    const options = answers.flatMap((a, i) => {
      if (a === null) return [];
      const merged = answers.map((b, j) => (j === i ? null : b));
      return [{ merged, into: sizes.get(keyOf(merged)) ?? 0 }];
    });
    const best = options.sort((a, b) => b.into - a.into)[0];
    if (!best) return released;
    sizes.delete(key);
    sizes.set(keyOf(best.merged), (sizes.get(keyOf(best.merged)) ?? 0) + size);
    for (const [original, shown] of released) if (keyOf(shown) === key) released.set(original, best.merged);
  }
}

/** The key of a combination, as `kAnonymize` answers by. */
export const classKey = keyOf;
