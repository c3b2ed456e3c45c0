import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canShowFilter, suppressGroups } from './suppression.js';

interface TBreakdown {
  minGroup: number;
  groups: { key: string; n: number }[];
  unassigned: number;
}

/** Random breakdowns: small groups are common, empty ones happen, the minimum varies. */
const breakdown: fc.Arbitrary<TBreakdown> = fc.record({
  minGroup: fc.integer({ min: 3, max: 10 }),
  groups: fc.uniqueArray(
    fc.record({
      key: fc.string({ minLength: 1, maxLength: 3 }),
      n: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.nat(200)),
    }),
    { selector: (g) => g.key, maxLength: 8 },
  ),
  unassigned: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
});

const withShuffled = breakdown.chain((input) =>
  fc.record({
    input: fc.constant(input),
    shuffled: fc.shuffledSubarray(input.groups, { minLength: input.groups.length }),
  }),
);

/** What someone with the published table knows about the hidden part: only its sum (total − shown). */
function hiddenMembers({ groups, unassigned }: TBreakdown, suppressed: ReadonlySet<string>) {
  const members = groups.filter((g) => suppressed.has(g.key)).map((g) => g.n);
  if (unassigned > 0) members.push(unassigned);
  return members.filter((n) => n > 0);
}

const totalOf = ({ groups, unassigned }: TBreakdown) => groups.reduce((sum, g) => sum + g.n, unassigned);

describe('suppressGroups (properties)', () => {
  it('never shows a group of 1…minGroup−1', () => {
    fc.assert(
      fc.property(breakdown, (input) => {
        const suppressed = suppressGroups(input);
        for (const g of input.groups) {
          if (!suppressed.has(g.key)) expect(g.n === 0 || g.n >= input.minGroup).toBe(true);
        }
      }),
    );
  });

  it('leaves no hidden group recoverable by subtraction', () => {
    fc.assert(
      fc.property(breakdown, (input) => {
        // Below the minimum overall, the question itself is withheld (canShowGroup on its total).
        fc.pre(totalOf(input) >= input.minGroup);
        const suppressed = suppressGroups(input);
        const members = hiddenMembers(input, suppressed);
        const hidden = members.reduce((a, b) => a + b, 0);
        // Either nothing is hidden, or total − shown is a sum of at least minGroup answers…
        expect(hidden === 0 || hidden >= input.minGroup).toBe(true);
        // …that singles out no small group: with one member only, it is as large as a shown group.
        if (members.length === 1) expect(members[0]).toBeGreaterThanOrEqual(input.minGroup);
        // And a suppressed group always has a non-empty companion to hide behind.
        const suppressedNonEmpty = input.groups.filter((g) => g.n > 0 && suppressed.has(g.key));
        if (suppressedNonEmpty.length > 0) expect(members.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });

  it('hides every non-empty group when the question has fewer answers than the minimum', () => {
    fc.assert(
      fc.property(breakdown, (input) => {
        fc.pre(totalOf(input) < input.minGroup);
        const suppressed = suppressGroups(input);
        for (const g of input.groups) expect(suppressed.has(g.key)).toBe(g.n > 0);
      }),
    );
  });

  it('hides at most one large group, and only when something small would otherwise show', () => {
    fc.assert(
      fc.property(breakdown, (input) => {
        const suppressed = suppressGroups(input);
        const large = input.groups.filter((g) => g.n >= input.minGroup && suppressed.has(g.key));
        expect(large.length).toBeLessThanOrEqual(1);
        const small = input.groups.some((g) => g.n > 0 && g.n < input.minGroup);
        const smallUnassigned = input.unassigned > 0 && input.unassigned < input.minGroup;
        if (!small && !smallUnassigned) expect(suppressed.size).toBe(0);
      }),
    );
  });

  it('does not depend on the order of the columns', () => {
    fc.assert(
      fc.property(withShuffled, ({ input, shuffled }) => {
        expect([...suppressGroups({ ...input, groups: shuffled })].sort()).toEqual([...suppressGroups(input)].sort());
      }),
    );
  });
});

describe('canShowFilter (properties)', () => {
  it('shows a filtered result only when neither it nor the rest is a small group', () => {
    const input = fc
      .record({ minGroup: fc.integer({ min: 3, max: 10 }), total: fc.nat(60) })
      .chain(({ minGroup, total }) =>
        fc.record({ minGroup: fc.constant(minGroup), total: fc.constant(total), n: fc.nat(total) }),
      );
    fc.assert(
      fc.property(input, ({ minGroup, total, n }) => {
        const small = (x: number) => x > 0 && x < minGroup;
        expect(canShowFilter({ n, total, minGroup })).toBe(!small(n) && !small(total - n));
      }),
    );
  });
});
