import { describe, expect, it } from 'vitest';
import { formatStockholm, fromStockholmInput, toStockholmInput } from './stockholm-time';

describe('Stockholm time', () => {
  it('converts winter and summer times both ways', () => {
    expect(fromStockholmInput('2012-03-22 00:00')).toBe('2012-03-21T23:00:00.000Z');
    expect(fromStockholmInput('2012-05-31T23:59')).toBe('2012-05-31T21:59:00.000Z');
    expect(toStockholmInput('2012-03-21T23:00:00.000Z')).toBe('2012-03-22 00:00');
    expect(toStockholmInput('2012-05-31T21:59:00.000Z')).toBe('2012-05-31 23:59');
  });
  it('treats empty as no time and refuses what it cannot read', () => {
    expect(fromStockholmInput('')).toBeNull();
    expect(toStockholmInput(null)).toBe('');
    expect(fromStockholmInput('12/01/2026, 08:00 AM')).toBeUndefined();
    expect(fromStockholmInput('2026-02-30 08:00')).toBeUndefined();
  });
  it('shows Swedish formats in Swedish and English ones in English, both in Stockholm time', () => {
    expect(formatStockholm('2026-12-02T01:01:29Z', 'sv')).toBe('2 dec. 2026 02:01');
    expect(formatStockholm('2026-12-02T01:01:29Z', 'en')).toBe('2 Dec 2026, 02:01');
    expect(formatStockholm('2026-12-02T01:01:29Z', 'sv', 'dateTimeSeconds')).toBe('2 dec. 2026 02:01:29');
    expect(formatStockholm(null, 'sv')).toBe('–');
  });
});
