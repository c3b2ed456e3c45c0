import { NO_ANSWER_GROUP_KEY } from '@enkat/survey-schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDisclosure, pairKey, type TDisclosureDecision } from './disclosure-control.js';

/**
 * The promise, checked without linear programming: for small random waves every whole-number
 * table that agrees with everything published (and every reason shown) is enumerated, and the
 * values each hidden count takes in them must cover the promised interval. The whole-number
 * solutions are fewer than the LP's, so this is the stricter check. Those who skipped a
 * question are a group of their own (the "Ej svar" column of the other question broken down by
 * it, and its cells): their number is printed by subtraction (responses − Totalt), what they
 * answered must be protected like any group's answers.
 */

const SKIP = NO_ANSWER_GROUP_KEY;
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
        // `margin`: printed whatever the pair tables' decision says (own tables and totals).
        type TCheck = {
          value: (t: number[]) => number;
          reason: string | null;
          group: boolean;
          cell?: boolean;
          margin?: boolean;
          /** A column's n: the size of its group, where that is printed (see below). */
          whole?: number | null;
        };
        const checks: TCheck[] = [];
        // A background question's own table, and its table broken down by the other, are
        // printed unless the question is withheld whole.
        const shownA = !decision.withheld('A');
        const shownB = !decision.withheld('B');
        for (const x of A) {
          if (shownA)
            checks.push({ value: (t) => rowSum(t, x), reason: decision.own('A', x), group: true, margin: true });
          const whole = shownA && !decision.own('A', x) ? rowSum(truth, x) : null;
          if (shownB) {
            checks.push({ value: (t) => rowSum(t, x, B), reason: decision.column('B', 'A', x), group: false, whole });
          }
        }
        for (const y of B) {
          if (shownB)
            checks.push({ value: (t) => colSum(t, y), reason: decision.own('B', y), group: true, margin: true });
          const whole = shownB && !decision.own('B', y) ? colSum(truth, y) : null;
          if (shownA) {
            checks.push({ value: (t) => colSum(t, y, A), reason: decision.column('A', 'B', y), group: false, whole });
          }
        }
        for (const x of A) {
          for (const y of B) {
            if (!shownA && !shownB) continue;
            const reason =
              (shownB ? decision.column('B', 'A', x) : null) ??
              (shownA ? decision.column('A', 'B', y) : null) ??
              decision.cell('A', x, 'B', y);
            checks.push({ value: (t) => cell(t, x, y), reason, group: false });
          }
        }
        // The "Ej svar" columns: A by B for those who skipped B, and B by A for those who
        // skipped A (a withheld background question shows no breakdown of its own table).
        if (!decision.withheld('A')) {
          const whole = shownB ? colSum(truth, SKIP) : null;
          checks.push({
            value: (t) => colSum(t, SKIP, A),
            reason: decision.column('A', 'B', SKIP),
            group: false,
            whole,
          });
          for (const x of A) {
            const reason = decision.column('A', 'B', SKIP) ?? decision.cell('A', x, 'B', SKIP);
            checks.push({ value: (t) => cell(t, x, SKIP), reason, group: false });
          }
        }
        if (!decision.withheld('B')) {
          const whole = shownA ? rowSum(truth, SKIP) : null;
          checks.push({
            value: (t) => rowSum(t, SKIP, B),
            reason: decision.column('B', 'A', SKIP),
            group: false,
            whole,
          });
          for (const y of B) {
            const reason = decision.column('B', 'A', SKIP) ?? decision.cell('B', y, 'A', SKIP);
            checks.push({ value: (t) => cell(t, SKIP, y), reason, group: false });
          }
        }
        if (!decision.withheld('A'))
          checks.push({
            value: (t) => A.reduce((s, x) => s + rowSum(t, x), 0),
            reason: null,
            group: false,
            margin: true,
          });
        if (!decision.withheld('B'))
          checks.push({
            value: (t) => B.reduce((s, y) => s + colSum(t, y), 0),
            reason: null,
            group: false,
            margin: true,
          });
        // Every small "Ej svar" group is hidden, with its column everywhere.
        const skippedA = rowSum(truth, SKIP);
        const skippedB = colSum(truth, SKIP);
        const small = (n: number, shown: boolean) =>
          n >= 1 && n < minGroup ? (shown ? 'small_group' : 'protects_small_group') : null;
        expect(decision.own('A', SKIP)).toBe(small(skippedA, shownA));
        expect(decision.own('B', SKIP)).toBe(small(skippedB, shownB));
        if (decision.own('A', SKIP)) expect(decision.column('B', 'A', SKIP)).not.toBeNull();
        if (decision.own('B', SKIP)) expect(decision.column('A', 'B', SKIP)).not.toBeNull();
        const fits = (t: number[], only = checks) =>
          only.every(({ value, reason, group, cell }) => {
            const v = value(t);
            if (reason === null) return v === value(truth);
            // What a reason says: an own group hidden as small has 1…minGroup − 1 people, one
            // hidden to protect has at least minGroup; a hidden column or cell at most minGroup − 1 if small.
            if (reason === 'small_group') return v <= minGroup - 1 && (!group || cell || v >= 1);
            return !group || cell || v >= minGroup;
          });
        const seen = checks.map(() => new Set<number>());
        // What the margins alone allow: a count they pin (those who skipped B all answered A,
        // say, when everyone did) no hiding in the pair tables could protect.
        const margins = checks.filter((check) => check.margin);
        const seenFromMargins = checks.map(() => new Set<number>());
        for (const t of tables(list.length)) {
          if (fits(t, margins)) for (const [i, check] of checks.entries()) seenFromMargins[i]?.add(check.value(t));
          if (!fits(t)) continue;
          for (const [i, check] of checks.entries()) seen[i]?.add(check.value(t));
        }
        checks.forEach((check, i) => {
          if (check.reason === null) return;
          const values = [...(seen[i] ?? [])];
          const x = check.value(truth);
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          // Or a column's n as large as its printed group: pinned, it says the rest is 0 (all of
          // them answered the other question), and its cells are checked one by one.
          const restIsNobody = check.whole !== undefined && check.whole === x;
          const pinnedAnyway = (!check.group && seenFromMargins[i]?.size === 1) || restIsNobody;
          if (x !== 0 && !pinnedAnyway) expect(hi - lo, `hidden count ${x} pinned`).toBeGreaterThan(0);
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
