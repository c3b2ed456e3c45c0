import { describe, expect, it } from 'vitest';
import { canShowComments, canShowFilter, canShowGroup, suppressGroups } from './suppression.js';

const groups = (sizes: Record<string, number>) => Object.entries(sizes).map(([key, n]) => ({ key, n }));
const suppress = (sizes: Record<string, number>, unassigned = 0, minGroup = 5) =>
  [...suppressGroups({ minGroup, groups: groups(sizes), unassigned })].sort();

describe('suppressGroups', () => {
  it('hides nothing when every group is large enough', () => {
    expect(suppress({ a: 5, b: 40 })).toEqual([]);
  });

  it('hides a small group and then the smallest other one, so neither can be subtracted out', () => {
    expect(suppress({ a: 12, b: 3, c: 20 })).toEqual(['a', 'b']);
  });

  it('breaks ties between equally small groups by key', () => {
    expect(suppress({ y: 7, x: 7, a: 2 })).toEqual(['a', 'x']);
  });

  it('needs no second group when the small ones together reach the minimum', () => {
    expect(suppress({ a: 3, b: 2, c: 40 })).toEqual(['a', 'b']);
  });

  it('counts those who skipped the background question as a hidden group', () => {
    expect(suppress({ a: 10, b: 20 }, 3)).toEqual(['a']);
    expect(suppress({ a: 10, b: 3 }, 2)).toEqual(['b']);
    // 7 unassigned are recoverable as total − shown, but 7 is a group that could be shown anyway.
    expect(suppress({ a: 10, b: 20 }, 7)).toEqual([]);
  });

  it('shows empty groups and never hides one as the complement (it would protect nothing)', () => {
    expect(suppress({ a: 0, b: 2, c: 9 })).toEqual(['b', 'c']);
  });

  it('hides every group when the whole question has fewer answers than the minimum', () => {
    expect(suppress({ a: 2, b: 1, c: 0 })).toEqual(['a', 'b']);
    expect(canShowGroup(3, 5)).toBe(false);
  });

  it('uses the minimum it is given', () => {
    expect(suppress({ a: 4, b: 9 }, 0, 3)).toEqual([]);
    expect(suppress({ a: 4, b: 9 }, 0, 10)).toEqual(['a', 'b']);
  });

  it('refuses input it cannot reason about', () => {
    expect(() => suppress({ a: 4 }, 0, 2)).toThrow(RangeError);
    expect(() => suppress({ a: -1 })).toThrow(RangeError);
    expect(() => suppress({ a: 1.5 })).toThrow(RangeError);
    expect(() => suppressGroups({ minGroup: 5, groups: [...groups({ a: 1 }), ...groups({ a: 1 })] })).toThrow(
      /Duplicate/,
    );
  });
});

describe('canShowFilter', () => {
  it.each([
    [12, 40, true],
    [40, 40, true],
    [0, 40, true],
    [4, 40, false],
    [37, 40, false],
    [35, 40, true],
  ])('group of %i out of %i: %s', (n, total, shown) => {
    expect(canShowFilter({ n, total, minGroup: 5 })).toBe(shown);
  });

  it('refuses a group larger than the whole', () => {
    expect(() => canShowFilter({ n: 6, total: 5, minGroup: 5 })).toThrow(RangeError);
  });
});

describe('canShowComments', () => {
  it('lists free text only from enough writers', () => {
    expect(canShowComments({ writers: 4, freeTextMinGroup: 5 })).toBe(false);
    expect(canShowComments({ writers: 5, freeTextMinGroup: 5 })).toBe(true);
    expect(canShowComments({ writers: 0, freeTextMinGroup: 5 })).toBe(false);
  });

  it('withholds a group’s comments when the rest of the wave’s writers are few', () => {
    expect(canShowComments({ writers: 8, allWriters: 10, freeTextMinGroup: 5 })).toBe(false);
    expect(canShowComments({ writers: 8, allWriters: 8, freeTextMinGroup: 5 })).toBe(true);
    expect(canShowComments({ writers: 8, allWriters: 13, freeTextMinGroup: 5 })).toBe(true);
  });
});
