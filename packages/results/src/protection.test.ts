import { describe, expect, it } from 'vitest';
import { intervalOf, keepsPromise, protect, type TQuantity } from './protection.js';

/** A background question's own table: one quantity per group, the answered total shown. */
function oneWay(counts: Record<string, number>): TQuantity[] {
  const atoms = Object.keys(counts);
  return [
    ...Object.entries(counts).map(([id, value]) => ({ id, atoms: [id], value, decide: true, atLeastOne: true })),
    { id: 'total', atoms, value: Object.values(counts).reduce((a, b) => a + b, 0) },
  ];
}

describe('keepsPromise', () => {
  it('asks a small count to range from 1 to minGroup − 1 and nothing hidden to be pinned but 0', () => {
    expect(keepsPromise(2, { lo: 1, hi: 4 }, 5)).toBe(true);
    expect(keepsPromise(2, { lo: 0, hi: 9 }, 5)).toBe(true);
    expect(keepsPromise(2, { lo: 2, hi: 4 }, 5)).toBe(false);
    expect(keepsPromise(2, { lo: 1, hi: 3 }, 5)).toBe(false);
    expect(keepsPromise(7, { lo: 7, hi: 7 }, 5)).toBe(false);
    expect(keepsPromise(7, { lo: 6, hi: 7 }, 5)).toBe(true);
    expect(keepsPromise(0, { lo: 0, hi: 0 }, 5)).toBe(true);
  });
});

describe('protect, one-way', () => {
  it('hides a small group and the smallest group that gives it the whole range 1…4', () => {
    const { hidden, kept } = protect({ minGroup: 5, quantities: oneWay({ a: 40, b: 2, c: 9 }) });
    expect(Object.fromEntries(hidden)).toEqual({ b: 'small_group', c: 'protects_small_group' });
    expect(kept).toBe(true);
  });

  it('passes over a complement too small to hide the group (1 + 5 = 6 would pin it) for the next', () => {
    const { hidden } = protect({ minGroup: 5, quantities: oneWay({ a: 40, b: 1, c: 5 }) });
    expect(Object.fromEntries(hidden)).toEqual({
      a: 'protects_small_group',
      b: 'small_group',
      c: 'protects_small_group',
    });
  });

  it('lets two small groups protect each other when together they make the minimum', () => {
    const { hidden } = protect({ minGroup: 5, quantities: oneWay({ a: 30, b: 1, c: 4 }) });
    expect(Object.fromEntries(hidden)).toEqual({ b: 'small_group', c: 'small_group' });
  });

  it('shows an empty group and never hides one to protect another', () => {
    const { hidden } = protect({ minGroup: 5, quantities: oneWay({ a: 30, b: 0, c: 2, d: 8 }) });
    expect(hidden.has('b')).toBe(false);
    expect(hidden.get('d')).toBe('protects_small_group');
  });

  it('says so when nothing it may hide keeps the promise (groups of 1 and 5 only)', () => {
    expect(protect({ minGroup: 5, quantities: oneWay({ a: 1, b: 5 }) }).kept).toBe(false);
  });
});

describe('intervalOf', () => {
  it('is what the published total and the reasons leave of a hidden group', () => {
    const quantities = oneWay({ a: 40, b: 2, c: 9 });
    const b = quantities.find((q) => q.id === 'b') as TQuantity;
    const hidden = new Map([
      ['b', 'small_group' as const],
      ['c', 'protects_small_group' as const],
    ]);
    // b + c = 11, b ≤ 4 (small), c ≥ 5 (not small): b in 1…4 is all possible, nothing narrower.
    expect(intervalOf(b, { minGroup: 5, quantities }, hidden)).toEqual({ lo: 1, hi: 4 });
    const pinned = new Map([['b', 'small_group' as const]]);
    expect(intervalOf(b, { minGroup: 5, quantities }, pinned)).toEqual({ lo: 2, hi: 2 });
  });
});
