import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDisclosure, pairKey, type TDisclosureDecision } from './disclosure-control.js';

/**
 * The promise, checked without linear programming: for small random waves every whole-number
 * table that agrees with everything published (and every reason shown) is enumerated, and the
 * values each hidden count takes in them must cover the promised interval. The whole-number
 * solutions are fewer than the LP's, so this is the stricter check.
 */

const SKIP = '∅';
type TPerson = { a: string; b: string };

/** Waves of at least the minimum group (smaller ones show no results at all). */
const people = fc.record({
  minGroup: fc.integer({ min: 3, max: 5 }),
  people: fc.array(fc.record({ a: fc.constantFrom('a1', 'a2', 'a3', SKIP), b: fc.constantFrom('b1', 'b2', SKIP) }), {
    minLength: 5,
    maxLength: 8,
  }),
});

const A = ['a1', 'a2', 'a3'];
const B = ['b1', 'b2'];

function decide(minGroup: number, list: TPerson[]): TDisclosureDecision {
  const count = (f: (p: TPerson) => boolean) => list.filter(f).length;
  const pairs = new Map<string, number>();
  for (const x of [...A, SKIP])
    for (const y of [...B, SKIP])
      pairs.set(
        pairKey('A', x, 'B', y),
        count((p) => p.a === x && p.b === y),
      );
  return decideDisclosure({
    minGroup,
    responses: list.length,
    background: [
      { id: 'A', options: A, counts: new Map(A.map((x) => [x, count((p) => p.a === x)])) },
      { id: 'B', options: B, counts: new Map(B.map((y) => [y, count((p) => p.b === y)])) },
    ],
    pairs,
    questions: [],
  });
}

/** Every way to fill the 4 × 3 table with `total` people. */
function* tables(total: number, cells = 12): Generator<number[]> {
  if (cells === 1) {
    yield [total];
    return;
  }
  for (let first = 0; first <= total; first++)
    for (const rest of tables(total - first, cells - 1)) yield [first, ...rest];
}

describe('the wave decision over two background questions', () => {
  it('leaves every hidden count its promised interval among all whole-number tables that fit', () => {
    fc.assert(
      fc.property(people, ({ minGroup, people: list }) => {
        const decision = decide(minGroup, list);
        const rows = [...A, SKIP];
        const cols = [...B, SKIP];
        const truth = rows.flatMap((x) => cols.map((y) => list.filter((p) => p.a === x && p.b === y).length));
        const cell = (t: number[], x: string, y: string) => t[rows.indexOf(x) * cols.length + cols.indexOf(y)] ?? 0;
        const rowSum = (t: number[], x: string, ys = cols) => ys.reduce((s, y) => s + cell(t, x, y), 0);
        const colSum = (t: number[], y: string, xs = rows) => xs.reduce((s, x) => s + cell(t, x, y), 0);
        // Each published number and each reason, as a test on a candidate table.
        type TCheck = { value: (t: number[]) => number; reason: string | null; group: boolean; cell?: boolean };
        const checks: TCheck[] = [];
        for (const x of A) {
          if (decision.withheld('A')) continue;
          checks.push({ value: (t) => rowSum(t, x), reason: decision.own('A', x), group: true });
          checks.push({ value: (t) => rowSum(t, x, B), reason: decision.column('B', 'A', x), group: false });
        }
        for (const y of B) {
          if (decision.withheld('B')) continue;
          checks.push({ value: (t) => colSum(t, y), reason: decision.own('B', y), group: true });
          checks.push({ value: (t) => colSum(t, y, A), reason: decision.column('A', 'B', y), group: false });
        }
        for (const x of A) {
          for (const y of B) {
            const reason =
              decision.column('B', 'A', x) ?? decision.column('A', 'B', y) ?? decision.cell('A', x, 'B', y);
            checks.push({ value: (t) => cell(t, x, y), reason, group: false });
          }
        }
        if (!decision.withheld('A'))
          checks.push({ value: (t) => A.reduce((s, x) => s + rowSum(t, x), 0), reason: null, group: false });
        if (!decision.withheld('B'))
          checks.push({ value: (t) => B.reduce((s, y) => s + colSum(t, y), 0), reason: null, group: false });
        const fits = (t: number[]) =>
          checks.every(({ value, reason, group, cell }) => {
            const v = value(t);
            if (reason === null) return v === value(truth);
            // What a reason says: an own group hidden as small has 1…minGroup − 1 people, one
            // hidden to protect has at least minGroup; a hidden column or cell at most minGroup − 1 if small.
            if (reason === 'small_group') return v <= minGroup - 1 && (!group || cell || v >= 1);
            return !group || cell || v >= minGroup;
          });
        const seen = checks.map(() => new Set<number>());
        for (const t of tables(list.length)) {
          if (!fits(t)) continue;
          for (const [i, check] of checks.entries()) seen[i]?.add(check.value(t));
        }
        checks.forEach((check, i) => {
          if (check.reason === null) return;
          const values = [...(seen[i] ?? [])];
          const x = check.value(truth);
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          if (x !== 0) expect(hi - lo, `hidden count ${x} pinned`).toBeGreaterThan(0);
          if (check.group && x >= 1 && x < minGroup) {
            expect(lo).toBeLessThanOrEqual(1);
            expect(hi).toBeGreaterThanOrEqual(minGroup - 1);
          }
        });
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
