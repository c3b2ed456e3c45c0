import { formatInteger, formatPercent } from '@enkat/results';
import type { TChoiceQuestionResult, TLanguage, TWaveResults } from '@enkat/survey-schema';
import type { TCell, TExportHeader, TExportTable, TReportQuestion } from './export-model.js';
import { exportHeaderOf, hiddenCell, tableOf } from './from-results.js';
import { EXPORT_LABELS } from './header-lines.js';

/**
 * Turns the results of a wave (already counted, rounded and suppressed by buildResults) into
 * the questions of the PDF report: every question numbered as the results page numbers it,
 * choice questions with their table and, when one is chosen, the breakdown as a table of its
 * own (a column per group, hidden groups with their reason), free-text questions with how
 * many wrote and, where the wave's rules let them be listed, the comments.
 */

const WORDS = {
  sv: {
    option: 'Alternativ',
    breakdownBy: 'Uppdelat efter',
    breakdownNote: 'Procent av gruppens svar på frågan, antal inom parentes; Totalt är gruppens antal svar.',
    writers: (n: string) => `${n} har skrivit en kommentar.`,
    commentsLater: (min: number) => `Kommentarerna återges när minst ${min} har skrivit.`,
    commentsAfterClose: 'Kommentarerna återges när omgången har stängts.',
    wordingChanged: (wave: string) => `Formuleringen har ändrats sedan ${wave}.`,
  },
  en: {
    option: 'Option',
    breakdownBy: 'Broken down by',
    breakdownNote:
      'Percent of the group’s answers to the question, count in brackets; Total is the group’s number of answers.',
    writers: (n: string) => `${n} wrote a comment.`,
    commentsLater: (min: number) => `Comments are included once at least ${min} have written.`,
    commentsAfterClose: 'Comments are included once the wave has closed.',
    wordingChanged: (wave: string) => `The wording has changed since ${wave}.`,
  },
} as const satisfies Record<TLanguage, Record<string, unknown>>;

/**
 * The report's header and questions. `comments` holds, per free-text question, the comments
 * the comment rules release (see results/comments.ts); a question the results mark as not
 * shown never gets any, whatever the map holds.
 */
export function reportFromResults(
  results: TWaveResults,
  comments: ReadonlyMap<string, readonly string[]>,
  now: Date = new Date(),
): { header: TExportHeader; questions: TReportQuestion[] } {
  const header = exportHeaderOf(results, now);
  const words = WORDS[header.language];
  const questions = results.questions.map((question, index): TReportQuestion => {
    const number = index + 1;
    const lines = question.wordingChangedSince ? [words.wordingChanged(question.wordingChangedSince)] : [];
    if (question.type === 'free_text') {
      const shown = question.commentsShown;
      lines.push(words.writers(formatInteger(question.writers, header.language)));
      if (!shown) {
        lines.push(
          results.wave.state === 'closed' ? words.commentsLater(results.freeTextMinGroup) : words.commentsAfterClose,
        );
      }
      const listed = shown ? [...(comments.get(question.questionId) ?? [])] : [];
      return { number, title: question.text, lines, comments: listed };
    }
    const table = tableOf(question, number, results, header, { withGroups: false });
    const breakdown = breakdownTable(question, number, results, header);
    return { number, title: question.text, lines, table, comments: [], ...(breakdown ? { breakdown } : {}) };
  });
  return { header, questions };
}

/**
 * A row per option and a column per group, each cell "72,8 % (131)" or the hidden cell's
 * reason; the footer holds each group's number of answers. Every group of the breakdown is a
 * column, whatever its kind (a group of those who skipped the background question too).
 */
function breakdownTable(
  question: TChoiceQuestionResult,
  number: number,
  results: TWaveResults,
  header: TExportHeader,
): TExportTable | undefined {
  const groups = question.breakdown;
  if (!groups || !question.table || !results.breakdown) return undefined;
  const { language } = header;
  const words = WORDS[language];
  const rows: TCell[][] = question.table.rows.map((row) => [
    row.label,
    ...groups.map((group): TCell => {
      if (group.suppressed) return hiddenCell(group.reason, header);
      const cell = group.rows.find((r) => r.optionId === row.optionId);
      if (cell?.hidden) return hiddenCell(cell.hidden, header);
      if (!cell || cell.count === null) return null;
      return `${formatPercent(cell.percent, language)} (${formatInteger(cell.count, language)})`;
    }),
  ]);
  const footer: TCell[][] = [
    [
      EXPORT_LABELS[language].total,
      ...groups.map((group): TCell => (group.suppressed ? hiddenCell(group.reason, header) : group.n)),
    ],
  ];
  return {
    sheetName: `${number} ${words.breakdownBy}`,
    title: `${words.breakdownBy}: ${results.breakdown.text}`,
    columns: [{ label: words.option }, ...groups.map((group) => ({ label: group.label, kind: 'text' as const }))],
    rows,
    footer,
    notes: [words.breakdownNote],
  };
}
