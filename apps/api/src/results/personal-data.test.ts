import { describe, expect, it } from 'vitest';
import { findPersonalData } from './personal-data.js';

/** The flagged stretches of a text, as [kind, text]. */
const flagged = (text: string, names: string[] = []) =>
  findPersonalData(text, names).map((span) => [span.kind, text.slice(span.start, span.end)]);

describe('findPersonalData', () => {
  it('finds e-mail addresses', () => {
    expect(flagged('min e-post är a.exempelsson@example.se, hör av er')).toEqual([
      ['email', 'a.exempelsson@example.se'],
    ]);
    expect(flagged('skriv till åsa.öberg@stockholm.se')).toEqual([['email', 'åsa.öberg@stockholm.se']]);
  });

  it('finds Swedish phone numbers in the usual ways of writing them', () => {
    for (const phone of ['08-123 45 67', '070-123 45 67', '0701234567', '+46 70 123 45 67', '08-12 34 56']) {
      expect(flagged(`Ring ${phone} i morgon`), phone).toEqual([['phone', phone]]);
    }
  });

  it('finds personnummer and samordningsnummer, with or without century and separator', () => {
    for (const pnr of ['121212-1212', '19121212-1212', '191212121212', '1212121212', '121272-1219', '121212+1212']) {
      expect(flagged(`nr ${pnr}.`), pnr).toEqual([['personnummer', pnr]]);
    }
  });

  it('finds the names on the list as whole words, in any case and in the genitive', () => {
    const text = 'Min chef Karin Exempelsson gör sitt bästa; KARIN EXEMPELSSONS kollega också. Karinsson nej.';
    expect(flagged(text, ['Karin Exempelsson', ' Karin  '])).toEqual([
      ['name', 'Karin Exempelsson'],
      ['name', 'KARIN EXEMPELSSONS'],
    ]);
    expect(flagged('Han heter Per (a.k.a. P.) och jobbar här', ['a.k.a.', 'x'])).toEqual([['name', 'a.k.a.']]);
  });

  it('leaves ordinary numbers, years, dates and percentages alone', () => {
    const text =
      'Sedan 2012 har 72,8 % märkt det; 185 av 640 svarade den 2012-03-22. Ärende 123456 tog 14 dagar. Kostnad 1234567890 kr.';
    expect(flagged(text)).toEqual([]);
  });

  it('gives each stretch once, even where patterns overlap', () => {
    const spans = findPersonalData('ring 0701234567 eller skriv', ['0701234567']);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ start: 5, end: 15 });
  });
});
