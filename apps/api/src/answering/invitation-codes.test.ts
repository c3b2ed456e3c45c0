import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateCode, hashCode, parseCode } from './invitation-codes.js';

describe('invitation codes', () => {
  it('are 12 characters from an alphabet without look-alikes, shown in groups of four', () => {
    const code = generateCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(lookAlike);
  });

  it('carry more than 50 bits of entropy', () => {
    expect(11 * Math.log2(CODE_ALPHABET.length)).toBeGreaterThan(50);
  });

  it('do not repeat in 20,000 draws', () => {
    const codes = new Set(Array.from({ length: 20_000 }, generateCode));
    expect(codes.size).toBe(20_000);
  });

  it('are read in any case, with or without dashes and spaces', () => {
    const code = generateCode();
    const expected = code.replaceAll('-', '');
    expect(parseCode(code)).toEqual({ ok: true, normalized: expected });
    expect(parseCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toEqual({ ok: true, normalized: expected });
  });

  it('catch every single wrong character and every swap of neighbours as a typo', () => {
    const code = generateCode().replaceAll('-', '');
    for (let i = 0; i < code.length; i++) {
      for (const c of CODE_ALPHABET) {
        if (c === code[i]) continue;
        expect(parseCode(code.slice(0, i) + c + code.slice(i + 1)).ok).toBe(false);
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(parseCode(swapped).ok).toBe(false);
      }
    }
  });

  it('refuse the wrong length and characters outside the alphabet as malformed', () => {
    expect(parseCode('ABC')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseCode('0000-0000-0000')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('are stored as a hash that is not the code', () => {
    const normalized = generateCode().replaceAll('-', '');
    expect(hashCode(normalized)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(normalized)).not.toContain(normalized);
  });
});
