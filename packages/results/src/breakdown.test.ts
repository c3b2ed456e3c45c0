import { questionsOf, TEMPLATE_2012 } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { breakdownTable } from './breakdown.js';

const q3 = questionsOf(TEMPLATE_2012).find((q) => q.id === 'q3');
if (q3?.type !== 'agreement') throw new Error('Q3 of the 2012 template is an agreement question');

/** Q3 of 2012 (58, 88, 17, 7, 10; Totalt 180) split by role, as a rerun might see it. */
const byRole = (annan: Record<string, number>) => [
  { key: 'socialsekreterare', n: 120, counts: { s1: 40, s2: 60, s3: 10, s4: 4, 'dont-know': 6 } },
  { key: 'bistandsbedomare', n: 52, counts: { s1: 16, s2: 26, s3: 5, s4: 2, 'dont-know': 3 } },
  { key: 'annan', n: Object.values(annan).reduce((a, b) => a + b, 0), counts: annan },
];

describe('breakdownTable', () => {
  it('gives each shown group its own table, in the question’s option order', () => {
    const table = breakdownTable({ question: q3, groups: byRole({ s1: 2, s2: 2, s3: 1 }), unassigned: 0, minGroup: 5 });
    expect(table.questionId).toBe('q3');
    expect(table.columns.map((c) => [c.key, c.suppressed])).toEqual([
      ['socialsekreterare', false],
      ['bistandsbedomare', false],
      ['annan', false],
    ]);
    const [first] = table.columns;
    if (first?.suppressed !== false) throw new Error('shown');
    expect(first.n).toBe(120);
    expect(first.rows.map((r) => [r.optionId, r.count, r.percent])).toEqual([
      ['s1', 40, 33.3],
      ['s2', 60, 50],
      ['s3', 10, 8.3],
      ['s4', 4, 3.3],
      ['dont-know', 6, 5],
    ]);
  });

  it('withholds a small group with nothing but its key', () => {
    // "Annan" has 3; with 5 unassigned, total − shown is 8 answers from two groups: safe.
    const table = breakdownTable({
      question: q3,
      groups: byRole({ s1: 2, 'dont-know': 1 }),
      unassigned: 5,
      minGroup: 5,
    });
    expect(table.columns[2]).toStrictEqual({ key: 'annan', suppressed: true });
    expect(table.columns.filter((c) => c.suppressed)).toHaveLength(1);
  });

  it('also withholds the smallest other group when the small one could be subtracted out', () => {
    const table = breakdownTable({
      question: q3,
      groups: byRole({ s1: 2, 'dont-know': 1 }),
      unassigned: 0,
      minGroup: 5,
    });
    expect(table.columns).toStrictEqual([
      expect.objectContaining({ key: 'socialsekreterare', suppressed: false }),
      { key: 'bistandsbedomare', suppressed: true },
      { key: 'annan', suppressed: true },
    ]);
    expect(JSON.stringify(table.columns.slice(1))).not.toMatch(/\d/);
  });

  it('counts those who skipped the background question as hidden: 3 of them expose the smallest group', () => {
    const table = breakdownTable({ question: q3, groups: byRole({ s1: 2, s2: 2, s3: 1 }), unassigned: 3, minGroup: 5 });
    expect(table.columns.map((c) => c.suppressed)).toEqual([false, false, true]);
  });

  it('shows an empty group as empty', () => {
    const table = breakdownTable({ question: q3, groups: byRole({}), unassigned: 0, minGroup: 5 });
    expect(table.columns[2]).toMatchObject({ key: 'annan', suppressed: false, n: 0 });
  });

  it('checks the counts of withheld groups too', () => {
    expect(() =>
      breakdownTable({ question: q3, groups: [{ key: 'annan', n: 2, counts: { s1: 3 } }], unassigned: 0, minGroup: 5 }),
    ).toThrow(RangeError);
  });
});
