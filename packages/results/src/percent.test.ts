import { describe, expect, it } from 'vitest';
import { percent, percentTenths } from './percent.js';

describe('percent', () => {
  it.each([
    [131, 180, 72.8],
    [101, 182, 55.5],
    [1, 183, 0.5],
    [3, 182, 1.6],
    [0, 7, 0],
    [7, 7, 100],
  ])('%i of %i is %d', (count, total, expected) => {
    expect(percent(count, total)).toBe(expected);
  });

  it('rounds exact halves up, where floating point would go down', () => {
    // 201/400 = 50.25 %, but Math.round(201 / 400 * 1000) gives 502 (50.2).
    expect(percent(201, 400)).toBe(50.3);
    expect(percent(203, 400)).toBe(50.8);
    expect(percentTenths(1, 16)).toBe(63);
    expect(percentTenths(1, 80)).toBe(13);
    expect(percentTenths(1, 400)).toBe(3);
    expect(percentTenths(1, 2000)).toBe(1);
    expect(percentTenths(1, 2001)).toBe(0);
  });

  it('has no base when nobody answered', () => {
    expect(percent(0, 0)).toBeNull();
  });

  it('allows more than 100 % (more responses than an estimated number invited)', () => {
    expect(percent(700, 640)).toBe(109.4);
  });

  it.each([
    [-1, 5],
    [1.5, 5],
    [1, Number.NaN],
  ])('refuses %d of %d', (count, total) => {
    expect(() => percent(count, total)).toThrow(RangeError);
  });
});
