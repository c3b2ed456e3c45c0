import { describe, expect, it } from 'vitest';
import { formatMargin, formatPercent } from './format.js';
import { compareWaves, marginOfError, responseRate } from './margin.js';

describe('responseRate', () => {
  it('is 28,9 % for 185 of 640 (2012)', () => {
    expect(responseRate(185, 640)).toBe(28.9);
    expect(formatPercent(responseRate(185, 640), 'sv')).toBe('28,9\u00A0%');
  });

  it('is unknown when nobody was invited', () => {
    expect(responseRate(12, 0)).toBeNull();
  });
});

describe('marginOfError', () => {
  it('is ±6,1 for 185 of 640 at p = 0.5, with the finite-population correction', () => {
    const margin = marginOfError({ p: 0.5, n: 185, population: 640 });
    // 1.96 × √(0.25/185) × √(455/639) × 100
    expect(margin).toBeCloseTo(6.0799, 4);
    expect(formatMargin(margin, 'sv')).toBe('±6,1');
  });

  it('is wider without a known population', () => {
    expect(marginOfError({ p: 0.5, n: 185 })).toBeCloseTo(7.2051, 4);
    expect(marginOfError({ p: 0.5, n: 185, population: null })).toBeCloseTo(7.2051, 4);
  });

  it('is zero for a census, and unknown without answers', () => {
    expect(marginOfError({ p: 0.3, n: 640, population: 640 })).toBe(0);
    expect(marginOfError({ p: 0.5, n: 1, population: 1 })).toBe(0);
    expect(marginOfError({ p: 0.5, n: 0 })).toBeNull();
  });

  it('refuses impossible samples', () => {
    expect(() => marginOfError({ p: 1.2, n: 10 })).toThrow(RangeError);
    expect(() => marginOfError({ p: Number.NaN, n: 10 })).toThrow(RangeError);
    expect(() => marginOfError({ p: 0.5, n: 10, population: 9 })).toThrow(RangeError);
  });
});

describe('compareWaves', () => {
  const wave2012 = { p: 146 / 180, n: 180, population: 640 };

  it('calls a 10-point drop on samples of 180 of 640 significant', () => {
    const change = compareWaves(wave2012, { p: 0.711, n: 180, population: 640 });
    expect(change?.difference).toBeCloseTo(-10.0, 1);
    // 1.96 × √(se₁² + se₂²) with both se's corrected for 180 of 640
    const se = (p: number) => Math.sqrt((p * (1 - p)) / 180) * Math.sqrt(460 / 639);
    expect(change?.margin).toBeCloseTo(196 * Math.hypot(se(146 / 180), se(0.711)), 10);
    expect(change?.significant).toBe(true);
  });

  it('calls a 4-point change within the margin not significant', () => {
    const change = compareWaves(wave2012, { p: 146 / 180 + 0.04, n: 180, population: 640 });
    expect(change?.difference).toBeCloseTo(4, 10);
    expect(change?.margin).toBeGreaterThan(4);
    expect(change?.significant).toBe(false);
  });

  it('applies the correction per wave: the same change is significant in a census-like wave only', () => {
    const earlier = { p: 0.5, n: 300 };
    const later = { p: 0.44, n: 300 };
    expect(compareWaves(earlier, later)?.significant).toBe(false);
    expect(compareWaves({ ...earlier, population: 320 }, { ...later, population: 320 })?.significant).toBe(true);
  });

  it('cannot compare a wave without answers', () => {
    expect(compareWaves({ p: 0, n: 0 }, wave2012)).toBeNull();
  });
});

describe('a share of 0 % or 100 % in a sample', () => {
  it('has no margin to show (not "±0,0"), unless everyone answered', () => {
    expect(marginOfError({ p: 1, n: 5, population: 640 })).toBeNull();
    expect(marginOfError({ p: 0, n: 5 })).toBeNull();
    expect(marginOfError({ p: 1, n: 5, population: 5 })).toBe(0);
  });
});
