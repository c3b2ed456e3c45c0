import { describe, expect, it } from 'vitest';
import { sheetNamer } from './sheet-names.js';

const VALID = /^[^[\]:*?/\\']([^[\]:*?/\\]{0,29}[^[\]:*?/\\'])?$/;

describe('sheetNamer', () => {
  it('keeps short, valid names as they are', () => {
    const name = sheetNamer('Fråga');
    expect(name('Sammanfattning')).toBe('Sammanfattning');
    expect(name('F1 Tryck')).toBe('F1 Tryck');
  });

  it('removes the characters Excel forbids and cuts at 31', () => {
    const name = sheetNamer('Fråga');
    const cleaned = name('F2: [ekonomi] / förutsättningar * ? \\ och mer text');
    expect(cleaned).toMatch(VALID);
    expect(cleaned.length).toBeLessThanOrEqual(31);
    expect(cleaned.startsWith('F2 ekonomi förutsättningar')).toBe(true);
  });

  it('gives out every name once, regardless of case, and never "History"', () => {
    const name = sheetNamer('Fråga');
    const long = 'En mycket lång frågetext som inte ryms';
    const names = [name(long), name(long), name(long.toUpperCase()), name('History'), name('Summa'), name('summa')];
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(names[1]).toMatch(/ \(2\)$/);
    expect(names[3]).toBe('History (2)');
    expect(names[5]).toBe('summa (2)');
  });

  it('falls back for names with nothing left, and strips apostrophes and formula characters at the ends', () => {
    const name = sheetNamer('Fråga');
    expect(name('[]:*?/\\')).toBe('Fråga');
    expect(name("'citat'")).toBe('citat');
    expect(name('=HYPERLINK("x")')).toBe('HYPERLINK("x")');
    expect(name('-+@ Minus')).toBe('Minus');
    expect(name('')).toBe('Fråga (2)');
  });

  it('does not split an emoji when cutting', () => {
    const name = sheetNamer('Fråga')(`${'x'.repeat(30)}😀 mer`);
    expect(name).toBe('x'.repeat(30));
  });
});
