import { describe, expect, it } from 'vitest';
import { parseRecipients, RecipientListError } from './recipients.js';

describe('recipient lists', () => {
  it('read one address a line, de-duplicated ignoring case, with each bad line and its reason', () => {
    const list = parseRecipients(
      'anna@example.org\n\nANNA@example.org\nbertil@example\nkalle.example.org\n  cia@ex.se  \r\n',
    );
    expect(list.addresses).toEqual(['anna@example.org', 'cia@ex.se']);
    expect(list.duplicates).toBe(1);
    expect(list.rejected).toEqual([
      { line: 4, text: 'bertil@example', reason: 'ogiltig e-postadress' },
      { line: 5, text: 'kalle.example.org', reason: 'saknar @' },
    ]);
  });

  it('read CSV with a column named e-post, epost, e-mail or mail, in any separator', () => {
    const csv = 'Namn;E-post;Enhet\n"Andersson; Anna";anna@example.org;Söder\nBo;bo@example;Norr\n';
    const list = parseRecipients(csv);
    expect(list.addresses).toEqual(['anna@example.org']);
    expect(list.rejected).toEqual([{ line: 3, text: 'Bo;bo@example;Norr', reason: 'ogiltig e-postadress' }]);
    expect(parseRecipients('name,email\nx,"Bo B <bo@ex.se>"').addresses).toEqual(['bo@ex.se']);
  });

  it('refuse a file that is not text, an empty list and one over 100,000', () => {
    expect(() => parseRecipients('PK\u0003\u0004\u0000\u0000')).toThrow(RecipientListError);
    expect(() => parseRecipients('abc\ndef')).toThrow(/ingen giltig/);
    const many = Array.from({ length: 100_001 }, (_, i) => `p${i}@example.org`).join('\n');
    expect(() => parseRecipients(many)).toThrow(/fler än 100/);
  });
});
