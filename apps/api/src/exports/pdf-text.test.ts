import { describe, expect, it } from 'vitest';
import { winAnsi } from './pdf-text.js';

describe('winAnsi', () => {
  it('keeps Swedish and other Latin-1 letters and the typographic marks the fonts have', () => {
    const text = 'Instämmer helt – ÅÄÖ åäö é ü ß “citat” ‘x’ … € 72,8\u00a0%';
    expect(winAnsi(text)).toBe(text);
  });

  it('maps the minus sign and narrow spaces of the number formats', () => {
    expect(winAnsi('\u22123,4\u00a0p.e.')).toBe('-3,4\u00a0p.e.');
    expect(winAnsi('1\u202f234\u20095')).toBe('1\u00a0234 5');
  });

  it('drops accents the fonts cannot show, and marks what is left', () => {
    expect(winAnsi('Ő ș č')).toBe('O s c');
    expect(winAnsi('Łódź 😀')).toBe('?ódz ?');
  });

  it('turns line ends into newlines and drops other control characters', () => {
    expect(winAnsi('a\r\nb\rc\u0000d\te')).toBe('a\nb\ncd e');
  });
});
