import type { TChoiceQuestion, TOptionRole } from '@enkat/survey-schema';
import { countsInOptionOrder, type TOptionCounts } from './counts.js';
import { percent } from './percent.js';

/** One line of a results table: Alternativ, Procent, Värden. */
export interface TTableRow {
  optionId: string;
  label: string;
  role: TOptionRole;
  count: number;
  /** Of everyone who answered the question ("Vet ej" included); null when nobody did. */
  percent: number | null;
}

/** A question's results table; `total` is the printed "Totalt", the number who answered. */
export interface TQuestionTable {
  questionId: string;
  rows: TTableRow[];
  total: number;
}

export interface TQuestionTableInput {
  question: TChoiceQuestion;
  counts: TOptionCounts;
  /** How many answered the question: the base of every percentage. */
  answered: number;
}

/**
 * The table of one choice, agreement or background question, rows in the question's own option
 * order (never sorted by size). For multiple choice the base is still the number who answered,
 * so the percentages can add up to more than 100.
 */
export function questionTable({ question, counts, answered }: TQuestionTableInput): TQuestionTable {
  const ordered = countsInOptionOrder(question, counts, answered);
  const rows = question.options.map((option, i): TTableRow => {
    const count = ordered[i] ?? 0;
    return { optionId: option.id, label: option.label, role: option.role, count, percent: percent(count, answered) };
  });
  return { questionId: question.id, rows, total: answered };
}
