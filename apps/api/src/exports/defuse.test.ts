import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defuseFormula } from './defuse.js';

describe('defuseFormula', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    expect(defuseFormula('=HYPERLINK("http://evil.example","x")')).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(defuseFormula('+46 8 123')).toBe("'+46 8 123");
    expect(defuseFormula('-1+1')).toBe("'-1+1");
    expect(defuseFormula('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(defuseFormula('\t=1+1')).toBe("'\t=1+1");
    expect(defuseFormula('\r=1+1')).toBe("'\r=1+1");
  });

  it('leaves other text alone', () => {
    for (const text of ['', 'Ja', 'Vet ej', 'a=b', "'=already defused", ' Instämmer', '72,8 %', 'färre än 5 svar']) {
      expect(defuseFormula(text)).toBe(text);
    }
  });

  it('never returns text that starts a formula, and only ever adds one apostrophe', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const defused = defuseFormula(text);
        expect(defused).not.toMatch(/^[=+\-@\t\r]/);
        expect(defused === text || defused === `'${text}`).toBe(true);
      }),
    );
  });
});
