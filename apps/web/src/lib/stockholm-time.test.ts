import { describe, expect, it } from 'vitest';
import { fromStockholmInput, toStockholmInput } from './stockholm-time';

describe('Stockholm time', () => {
  it('converts winter and summer times both ways', () => {
    expect(fromStockholmInput('2012-03-22T00:00')).toBe('2012-03-21T23:00:00.000Z');
    expect(fromStockholmInput('2012-05-31T23:59')).toBe('2012-05-31T21:59:00.000Z');
    expect(toStockholmInput('2012-03-21T23:00:00.000Z')).toBe('2012-03-22T00:00');
    expect(toStockholmInput('2012-05-31T21:59:00.000Z')).toBe('2012-05-31T23:59');
  });
  it('treats empty as no time', () => {
    expect(fromStockholmInput('')).toBeNull();
    expect(toStockholmInput(null)).toBe('');
  });
});
