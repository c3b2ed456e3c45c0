import { describe, expect, it } from 'vitest';
import { formatInteger, formatMargin, formatPercent, formatPoints } from './format.js';

const NBSP = '\u00A0';
const MINUS = '\u2212';

describe('formatPercent', () => {
  it('writes Swedish with a decimal comma and a no-break space before %', () => {
    expect(formatPercent(72.8, 'sv')).toBe(`72,8${NBSP}%`);
    expect(formatPercent(10, 'sv')).toBe(`10,0${NBSP}%`);
    expect(formatPercent(0.5, 'sv')).toBe(`0,5${NBSP}%`);
    expect(formatPercent(100, 'sv')).toBe(`100,0${NBSP}%`);
  });

  it('writes English with a point and no space', () => {
    expect(formatPercent(72.8, 'en')).toBe('72.8%');
    expect(formatPercent(0, 'en')).toBe('0.0%');
  });

  it('rounds to one decimal and groups thousands', () => {
    expect(formatPercent(28.906, 'sv')).toBe(`28,9${NBSP}%`);
    expect(formatPercent(1094.4, 'sv')).toBe(`1${NBSP}094,4${NBSP}%`);
    expect(formatPercent(1094.4, 'en')).toBe('1,094.4%');
  });

  it('writes a dash when there is no base', () => {
    expect(formatPercent(null, 'sv')).toBe('–');
  });
});

describe('formatInteger', () => {
  it.each([
    [0, '0', '0'],
    [999, '999', '999'],
    [1234, `1${NBSP}234`, '1,234'],
    [1234567, `1${NBSP}234${NBSP}567`, '1,234,567'],
    [-1234, `${MINUS}1${NBSP}234`, '-1,234'],
  ])('%d → sv %s, en %s', (value, sv, en) => {
    expect(formatInteger(value, 'sv')).toBe(sv);
    expect(formatInteger(value, 'en')).toBe(en);
  });

  it('refuses what is not a number', () => {
    expect(() => formatInteger(Number.POSITIVE_INFINITY, 'sv')).toThrow(RangeError);
  });
});

describe('formatPoints', () => {
  it('signs a change in percentage points', () => {
    expect(formatPoints(3.4, 'sv')).toBe(`+3,4${NBSP}p.e.`);
    expect(formatPoints(-3.44, 'sv')).toBe(`${MINUS}3,4${NBSP}p.e.`);
    expect(formatPoints(3.4, 'en')).toBe(`+3.4${NBSP}pp`);
    expect(formatPoints(-12.06, 'en')).toBe(`-12.1${NBSP}pp`);
  });

  it('gives no sign to what rounds to zero', () => {
    expect(formatPoints(-0.04, 'sv')).toBe(`0,0${NBSP}p.e.`);
    expect(formatPoints(0.04, 'en')).toBe(`0.0${NBSP}pp`);
  });
});

describe('formatMargin', () => {
  it('writes ± and one decimal', () => {
    expect(formatMargin(6.0799, 'sv')).toBe('±6,1');
    expect(formatMargin(6.0799, 'en')).toBe('±6.1');
    expect(formatMargin(null, 'en')).toBe('–');
  });
});
