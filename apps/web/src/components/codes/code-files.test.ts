import { describe, expect, it } from 'vitest';
import { codesCsv, personalLink } from './code-files';

describe('codesCsv', () => {
  it('writes one code per line with the address, the personal link and the instruction, CRLF and a BOM', () => {
    const csv = codesCsv(['ABCD-EFGH-JKMN', 'PQRS-TUVW-XYZ2'], {
      address: 'https://enkat.example/s/k7m3p9ta',
      title: 'Enkäten 2026',
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFkod,adress,personlig länk,instruktion');
    expect(lines[1]).toMatch(
      /^ABCD-EFGH-JKMN,https:\/\/enkat\.example\/s\/k7m3p9ta,https:\/\/enkat\.example\/s\/k7m3p9ta#kod=ABCD-EFGH-JKMN,"Du är inbjuden att svara på Enkäten 2026\. .+"$/,
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
  it('puts the code in the fragment of the personal link', () => {
    expect(personalLink('https://e.example/s/abc', 'ABCD-EFGH-JKMN')).toBe(
      'https://e.example/s/abc#kod=ABCD-EFGH-JKMN',
    );
  });
});
