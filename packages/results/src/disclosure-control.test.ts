import { NO_ANSWER_GROUP_KEY as SKIPPED } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { decideDisclosure, pairKey, type TDisclosureInput } from './disclosure-control.js';

/**
 * Those who skipped a background question ("Ej svar"), as the wave decision treats them: a
 * group of its own in every step, hidden when small, with what they answered protected.
 */

type TPerson = { role?: string; area?: string; q1?: boolean };

/** A wave of people with two background questions (role: r1, r2; area: x, y) and one other question q1. */
function inputOf(people: TPerson[], minGroup = 5): TDisclosureInput {
  const count = (f: (p: TPerson) => boolean) => people.filter(f).length;
  const pairs = new Map<string, number>();
  for (const r of ['r1', 'r2'])
    for (const a of ['x', 'y'])
      pairs.set(
        pairKey('role', r, 'area', a),
        count((p) => p.role === r && p.area === a),
      );
  const byGroup = new Map<string, number>();
  for (const r of ['r1', 'r2'])
    byGroup.set(
      `role/${r}`,
      count((p) => p.role === r && !!p.q1),
    );
  for (const a of ['x', 'y'])
    byGroup.set(
      `area/${a}`,
      count((p) => p.area === a && !!p.q1),
    );
  return {
    minGroup,
    responses: people.length,
    background: [
      { id: 'role', options: ['r1', 'r2'], counts: new Map(['r1', 'r2'].map((r) => [r, count((p) => p.role === r)])) },
      { id: 'area', options: ['x', 'y'], counts: new Map(['x', 'y'].map((a) => [a, count((p) => p.area === a)])) },
    ],
    pairs,
    questions: [{ id: 'q1', answered: count((p) => !!p.q1), byGroup }],
  };
}

const many = (n: number, person: TPerson): TPerson[] => Array.from({ length: n }, () => ({ ...person }));

describe('those who skipped a background question', () => {
  it('are hidden as a small group when 1 to minGroup − 1 skipped it, with their column in every breakdown by it', () => {
    const people = [
      ...many(10, { role: 'r1', area: 'x', q1: true }),
      ...many(10, { role: 'r2', area: 'y', q1: true }),
      ...many(2, { area: 'x', q1: true }),
    ];
    const decision = decideDisclosure(inputOf(people));
    expect(decision.own('role', SKIPPED)).toBe('small_group');
    expect(decision.withheld('role')).toBe(false);
    expect(decision.column('q1', 'role', SKIPPED)).toBe('small_group');
    expect(decision.column('area', 'role', SKIPPED)).toBe('small_group');
    // Else q1's total less the role columns would give their number: one more column is hidden.
    const complements = ['r1', 'r2'].filter((r) => decision.column('q1', 'role', r) === 'protects_small_group');
    expect(complements.length).toBeGreaterThan(0);
  });

  it('are shown as a group when at least the minimum skipped it, and hidden where few of them answered', () => {
    const people = [
      ...many(10, { role: 'r1', area: 'x', q1: true }),
      ...many(10, { role: 'r2', area: 'y', q1: true }),
      ...many(2, { area: 'x', q1: true }),
      ...many(4, { area: 'y' }),
    ];
    const decision = decideDisclosure(inputOf(people));
    expect(decision.own('role', SKIPPED)).toBeNull();
    // Six skipped the role question; two of them answered q1.
    expect(decision.column('q1', 'role', SKIPPED)).toBe('small_group');
    // All six answered the area question: their column of "area by role" is shown, and the cell
    // of the two in area x hidden, with a complement so that the four of y do not give it away.
    expect(decision.column('area', 'role', SKIPPED)).toBeNull();
    expect(decision.cell('area', 'x', 'role', SKIPPED)).toBe('small_group');
    expect(decision.cell('area', 'y', 'role', SKIPPED)).not.toBeNull();
  });

  it('make no hidden column when nobody skipped the question', () => {
    const people = [...many(10, { role: 'r1', area: 'x', q1: true }), ...many(10, { role: 'r2', area: 'y', q1: true })];
    const decision = decideDisclosure(inputOf(people));
    expect(decision.own('role', SKIPPED)).toBeNull();
    expect(decision.column('q1', 'role', SKIPPED)).toBeNull();
    expect(decision.column('area', 'role', SKIPPED)).toBeNull();
  });

  it('hide the skipped column of a pair when few of those who skipped one answered the other', () => {
    const people = [
      ...many(10, { role: 'r1', area: 'x', q1: true }),
      ...many(10, { role: 'r2', area: 'y', q1: true }),
      ...many(6, { role: 'r1', q1: true }),
      ...many(3, { role: 'r2', q1: true }),
    ];
    const decision = decideDisclosure(inputOf(people));
    // Nine skipped the area question: six of role r1, three of r2.
    expect(decision.own('area', SKIPPED)).toBeNull();
    expect(decision.cell('role', 'r2', 'area', SKIPPED)).toBe('small_group');
    expect(decision.cell('role', 'r1', 'area', SKIPPED)).toBe('protects_small_group');
  });
});
