import { formatInteger, formatPercent } from '@enkat/results';
import type { TLanguage, TLateCodes } from '@enkat/survey-schema';
import type { TExportHeader } from './export-model.js';

/** The words the writers add themselves, in the survey's language. */
export const EXPORT_LABELS = {
  sv: {
    wave: 'Omgång',
    exportedOn: 'Exportdatum',
    summarySheet: 'Sammanfattning',
    responsesSheet: 'Svar',
    commentsSheet: 'Kommentarer',
    endOfFile: 'Slut på filen',
    rows: 'rader',
    tables: 'tabeller',
    question: 'Fråga',
    sheet: 'Blad',
    total: 'Totalt',
  },
  en: {
    wave: 'Wave',
    exportedOn: 'Exported on',
    summarySheet: 'Summary',
    responsesSheet: 'Responses',
    commentsSheet: 'Comments',
    endOfFile: 'End of file',
    rows: 'rows',
    tables: 'tables',
    question: 'Question',
    sheet: 'Sheet',
    total: 'Total',
  },
} as const satisfies Record<TLanguage, Record<string, string>>;

/** The header line about codes issued after answering began, or undefined when there were none. */
export function lateCodesLine(late: TLateCodes, language: TLanguage): string | undefined {
  if (late.count === 0) return undefined;
  const who = late.batches
    .map((b) => `${b.count} ${b.issuedOn} ${language === 'en' ? 'by' : 'av'} ${b.issuedBy ?? '?'}`)
    .join('; ');
  return language === 'en'
    ? `Codes issued after answering began: ${late.count} (${who}).`
    : `Koder utfärdade efter att svarandet började: ${late.count} (${who}).`;
}

/**
 * How many answered, out of how many, and the response rate: "185 svar av 640 inbjudna ·
 * svarsfrekvens 28,9 %"; only "185 svar" where the population is unknown (an open link).
 */
export function responsesLine(
  figures: { responses: number; population: number | null; responseRate: number | null },
  language: TLanguage,
): string {
  const en = language === 'en';
  const answers = `${formatInteger(figures.responses, language)} ${en ? 'responses' : 'svar'}`;
  const of =
    figures.population === null
      ? ''
      : ` ${en ? 'of' : 'av'} ${formatInteger(figures.population, language)} ${en ? 'invited' : 'inbjudna'}`;
  const rate =
    figures.responseRate === null
      ? ''
      : ` · ${en ? 'response rate' : 'svarsfrekvens'} ${formatPercent(figures.responseRate, language)}`;
  return `${answers}${of}${rate}`;
}

/**
 * The block every export starts with: title, wave, date of export, the minimum group rule,
 * how suppressed cells are written, and how many answered. Rows of plain text, not yet defused.
 */
export function headerLines(header: TExportHeader): string[][] {
  const labels = EXPORT_LABELS[header.language];
  return [
    [header.title],
    [labels.wave, header.waveName],
    [labels.exportedOn, header.exportedOn],
    [header.minGroupRule],
    [header.suppressedNote],
    ...(header.lateCodes ? [[header.lateCodes]] : []),
    ...(header.responses ? [[header.responses]] : []),
  ];
}
