import { describe, expect, it } from 'vitest';
import { textProblem, ZMultilineText, ZText } from './text.js';

describe('text fields', () => {
  it('refuse NUL, other control characters and lone surrogates, naming the character', () => {
    expect(textProblem('a\u0000b', false)).toMatch(/U\+0000/);
    expect(textProblem('a\u001Bb', true)).toMatch(/U\+001B/);
    expect(textProblem('a\u0085b', true)).toMatch(/U\+0085/);
    expect(textProblem('half \uD83D', true)).toMatch(/lone UTF-16 surrogate/);
    expect(textProblem('\uDE00 other half', true)).toMatch(/lone UTF-16 surrogate/);
  });

  it('take emoji, Swedish letters and, in multi-line text only, tab and line breaks', () => {
    expect(textProblem('Åsa Öberg 😀 ”citat”', false)).toBeNull();
    expect(textProblem('rad ett\r\nrad två\tindrag', true)).toBeNull();
    expect(textProblem('rad ett\nrad två', false)).toMatch(/U\+000A/);
    expect(ZMultilineText.safeParse('a\tb\nc').success).toBe(true);
    expect(ZText.safeParse('a\tb').success).toBe(false);
  });

  it('keep their checks when chained', () => {
    const name = ZText.trim().min(1).max(10);
    expect(name.parse('  Ann  ')).toBe('Ann');
    expect(name.safeParse(' A\u0000 ').error?.issues[0]?.message).toMatch(/control character/);
  });
});
