import { formatPercent } from '@enkat/results';
import type { TChoiceQuestionResult, TLanguage, TWaveResults } from '@enkat/survey-schema';
import {
  exportHeaderTexts,
  type TCell,
  type TExportColumn,
  type TExportHeader,
  type TExportTable,
  type TSuppressed,
} from './export-model.js';
import { EXPORT_LABELS } from './header-lines.js';

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
    marginNote: 'Margin of error in percentage points (95 %).',
    agree: 'agree',
    disagree: 'disagree',
    breakdownBy: 'Broken down by',
  },
} as const satisfies Record<TLanguage, Record<string, unknown>>;

const SUPPRESSED: TSuppressed = { suppressed: true };

/** The calendar date in Stockholm, YYYY-MM-DD (never a time of day). */
export function stockholmDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The header block of every export of this wave, in `results.language`. */
export function exportHeaderOf(
  results: Pick<TWaveResults, 'language' | 'minGroupSize'> & { wave: { name: string; series: { name: string } } },
  now: Date = new Date(),
): TExportHeader {
  return {
    language: results.language,
    title: `${results.wave.series.name} ${results.wave.name}`,
    waveName: results.wave.name,
    exportedOn: stockholmDate(now),
    ...exportHeaderTexts(results.language, results.minGroupSize),
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
  const language = results.language;
  const tables: TExportTable[] = [];
  results.questions.forEach((question, index) => {
    if (question.type === 'free_text') return;
    tables.push(tableOf(question, index + 1, results, language));
  });
  return { header: exportHeaderOf(results, now), tables };
}

function tableOf(
  question: TChoiceQuestionResult,
  number: number,
  results: TWaveResults,
  language: TLanguage,
): TExportTable {
  const words = WORDS[language];
  const sheetName = `${words.questionPrefix}${number} ${question.text}`;
  const columns: TExportColumn[] = [
    { label: words.option },
    { label: words.percent, kind: 'percent' },
    { label: words.count, kind: 'integer' },
    { label: words.margin, kind: 'number' },
  ];
  if (question.withheld || !question.table) {
    return {
      sheetName,
      title: question.text,
      columns,
      rows: [],
      notes: [words.withheld(results.minGroupSize)],
      total: SUPPRESSED,
    };
  }
  const { table } = question;
  const groups = question.breakdown ?? [];
  for (const group of groups) {
    columns.push(
      { label: `${group.label}: ${words.groupPercent}`, kind: 'percent' },
      { label: `${group.label}: ${words.groupCount}`, kind: 'integer' },
    );
  }
  const rows: TCell[][] = table.rows.map((row) => [
    row.label,
    row.percent,
    row.count,
    row.margin === null ? null : roundTenths(row.margin),
    ...groups.flatMap((group): TCell[] => {
      if (group.suppressed) return [SUPPRESSED, SUPPRESSED];
      const cell = group.rows.find((r) => r.optionId === row.optionId);
      return cell ? [cell.percent, cell.count] : [null, null];
    }),
  ]);
  const footer: TCell[][] = [
    [
      EXPORT_LABELS[language].total,
      null,
      table.total,
      null,
      ...groups.flatMap((group): TCell[] => (group.suppressed ? [null, SUPPRESSED] : [null, group.n])),
    ],
  ];
  const notes: string[] = [words.marginNote];
  if (question.breakdown && results.breakdown) notes.push(`${words.breakdownBy}: ${results.breakdown.text}`);
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
