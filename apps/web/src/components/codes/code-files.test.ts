import { describe, expect, it } from 'vitest';
import { codesCsv } from './code-files';

describe('codesCsv', () => {
  it('writes one code per line with the survey address, CRLF line ends and a BOM', () => {
    expect(codesCsv(['ABCD-EFGH-JKMN', 'PQRS-TUVW-XYZ2'], 'https://enkat.example/s/k7m3p9ta')).toBe(
      '\uFEFFkod,adress\r\nABCD-EFGH-JKMN,https://enkat.example/s/k7m3p9ta\r\nPQRS-TUVW-XYZ2,https://enkat.example/s/k7m3p9ta\r\n',
    );
  });
});
