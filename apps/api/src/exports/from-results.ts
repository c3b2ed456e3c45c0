import { formatPercent } from '@enkat/results';
import type { TChoiceQuestionResult, THiddenReason, TLanguage, TWaveResults } from '@enkat/survey-schema';
import {
  exportHeaderTexts,
  type TCell,
  type TExportColumn,
  type TExportHeader,
  type TExportTable,
  type TSuppressed,
} from './export-model.js';
import { EXPORT_LABELS, lateCodesLine, responsesLine } from './header-lines.js';

/**
 * Turns the results of a wave (already counted, rounded and suppressed by buildResults) into
 * what the export writers take. It adds no figure of its own: every number comes from
 * TWaveResults, and a withheld group or question stays withheld (a marker, never a number).
 */

const WORDS = {
  sv: {
    option: 'Alternativ',
    percent: 'Procent',
    count: 'Värden',
    margin: 'Felmarginal',
    groupPercent: 'procent',
    groupCount: 'antal',
    questionPrefix: 'F',
    withheld: (min: number) => `Färre än ${min} svarade på frågan: tabellen visas inte.`,
    withheldProtects: (min: number) =>
      `Tabellen visas inte: den skulle låta en grupp med färre än ${min} svar räknas fram.`,
    marginNote: 'Felmarginal i procentenheter (95 %).',
    agree: 'instämmer',
    disagree: 'instämmer inte',
    breakdownBy: 'Uppdelat efter',
  },
  en: {
    option: 'Option',
    percent: 'Percent',
    count: 'Count',
    margin: 'Margin of error',
    groupPercent: 'percent',
    groupCount: 'count',
    questionPrefix: 'Q',
    withheld: (min: number) => `Fewer than ${min} answered this question: the table is not shown.`,
    withheldProtects: (min: number) =>
      `The table is not shown: it would let a group of fewer than ${min} responses be worked out.`,
    marginNote: 'Margin of error in percentage points (95 %).',
    agree: 'agree',
    disagree: 'disagree',
    breakdownBy: 'Broken down by',
  },
} as const satisfies Record<TLanguage, Record<string, unknown>>;

const SUPPRESSED: TSuppressed = { suppressed: true };

/** A hidden cell, written with its reason: "färre än 5 svar" or "dold för att skydda en liten grupp". */
export function hiddenCell(reason: THiddenReason, header: TExportHeader): TSuppressed {
  return reason === 'protects_small_group' ? { suppressed: true, marker: header.protectedMarker } : SUPPRESSED;
}

/** The calendar date in Stockholm, YYYY-MM-DD (never a time of day). */
export function stockholmDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The title of a wave's exports: the series and the wave ("Socialtjänstenkäten 2012"), or
 * the series alone where its name already holds the wave's ("Enkät 2012" with wave "2012").
 */
function exportTitle(seriesName: string, waveName: string): string {
  return includesWord(seriesName, waveName) ? seriesName : `${seriesName} ${waveName}`;
}

/** Whether `word` stands in `text` as a word of its own (not as part of a longer one). */
export function includesWord(text: string, word: string): boolean {
  const needle = word.trim().toLocaleLowerCase();
  if (needle === '') return true;
  const haystack = text.toLocaleLowerCase();
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/**
 * The header block of every export of this wave, in `results.language`; with the response
 * figures when they are given (the results exports), without them for the raw responses.
 */
export function exportHeaderOf(
  results: Pick<TWaveResults, 'language' | 'minGroupSize' | 'lateCodes'> &
    Partial<Pick<TWaveResults, 'responses' | 'population' | 'responseRate'>> & {
      wave: { name: string; series: { name: string } };
    },
  now: Date = new Date(),
): TExportHeader {
  const lateCodes = lateCodesLine(results.lateCodes, results.language);
  const responses =
    results.responses === undefined
      ? undefined
      : responsesLine(
          {
            responses: results.responses,
            population: results.population?.size ?? null,
            responseRate: results.responseRate ?? null,
          },
          results.language,
        );
  return {
    language: results.language,
    title: exportTitle(results.wave.series.name, results.wave.name),
    waveName: results.wave.name,
    exportedOn: stockholmDate(now),
    ...exportHeaderTexts(results.language, results.minGroupSize),
    ...(lateCodes ? { lateCodes } : {}),
    ...(responses ? { responses } : {}),
  };
}

/** Header and one table per choice question, in question-set order. */
export function exportFromResults(
  results: TWaveResults,
  now: Date = new Date(),
): {
  header: TExportHeader;
  tables: TExportTable[];
} {
  const header = exportHeaderOf(results, now);
  const tables: TExportTable[] = [];
  results.questions.forEach((question, index) => {
    if (question.type === 'free_text') return;
    tables.push(tableOf(question, index + 1, results, header));
  });
  return { header, tables };
}

/**
 * A choice question's table: Alternativ, Procent, Värden, Felmarginal, then two columns
 * (percent, count) per group of the breakdown, if there is one and `withGroups` is not false.
 */
export function tableOf(
  question: TChoiceQuestionResult,
  number: number,
  results: TWaveResults,
  header: TExportHeader,
  { withGroups = true }: { withGroups?: boolean } = {},
): TExportTable {
  const language = header.language;
  const words = WORDS[language];
  const sheetName = `${words.questionPrefix}${number} ${question.text}`;
  const columns: TExportColumn[] = [
    { label: words.option },
    { label: words.percent, kind: 'percent' },
    { label: words.count, kind: 'integer' },
    { label: words.margin, kind: 'margin' },
  ];
  if (question.withheld || !question.table) {
    return {
      sheetName,
      title: question.text,
      columns,
      rows: [],
      notes: [
        question.withheld === 'protects_small_group'
          ? words.withheldProtects(results.minGroupSize)
          : words.withheld(results.minGroupSize),
      ],
      total: SUPPRESSED,
    };
  }
  const { table } = question;
  const groups = withGroups ? (question.breakdown ?? []) : [];
  for (const group of groups) {
    columns.push(
      { label: `${group.label}: ${words.groupPercent}`, kind: 'percent' },
      { label: `${group.label}: ${words.groupCount}`, kind: 'integer' },
    );
  }
  const rows: TCell[][] = table.rows.map((row) => [
    row.label,
    ...(row.hidden
      ? [hiddenCell(row.hidden, header), hiddenCell(row.hidden, header), null]
      : [row.percent, row.count, row.margin === null ? null : roundTenths(row.margin)]),
    ...groups.flatMap((group): TCell[] => {
      if (group.suppressed) return [hiddenCell(group.reason, header), hiddenCell(group.reason, header)];
      const cell = group.rows.find((r) => r.optionId === row.optionId);
      if (cell?.hidden) return [hiddenCell(cell.hidden, header), hiddenCell(cell.hidden, header)];
      return cell ? [cell.percent, cell.count] : [null, null];
    }),
  ]);
  const footer: TCell[][] = [
    [
      EXPORT_LABELS[language].total,
      null,
      table.total,
      null,
      ...groups.flatMap((group): TCell[] =>
        group.suppressed ? [null, hiddenCell(group.reason, header)] : [null, group.n],
      ),
    ],
  ];
  const notes: string[] = [words.marginNote];
  if (groups.length > 0 && results.breakdown) notes.push(`${words.breakdownBy}: ${results.breakdown.text}`);
  if (question.agreement) {
    for (const figures of [question.agreement.allAnswers, question.agreement.scaleAnswers]) {
      notes.push(
        `${figures.label}: ${words.agree} ${formatPercent(figures.agree.percent, language)}, ${words.disagree} ${formatPercent(figures.disagree.percent, language)} (n = ${figures.total})`,
      );
    }
  }
  return {
    sheetName,
    title: question.text,
    columns,
    rows,
    footer,
    notes,
    total: table.total,
    chart: { valueColumn: 1 },
  };
}

function roundTenths(value: number): number {
  return Math.round(value * 10) / 10;
}
