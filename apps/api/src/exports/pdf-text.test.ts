import { describe, expect, it } from 'vitest';
import { printable } from './pdf-text.js';

describe('printable', () => {
  it('keeps Swedish letters, the typographic marks and the number formats’ spaces and signs', () => {
    const text = 'Instämmer helt – ÅÄÖ åäö é ü ß “citat” ‘x’ … € ±6,1 \u22123,4\u00a0p.e. 1\u202f234 Łódź';
    expect(printable(text)).toBe(text);
  });

  it('turns line ends into newlines and tabs into spaces, and drops other control characters', () => {
    expect(printable('a\r\nb\rc\u0000d\te\u007f')).toBe('a\nb\ncd e');
  });

  it('composes letters written as a base and an accent', () => {
    expect(printable('A\u030angström')).toBe('Ångström');
  });
});
