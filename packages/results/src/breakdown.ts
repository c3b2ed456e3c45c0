import type { TChoiceQuestion } from '@enkat/survey-schema';
import type { TOptionCounts } from './counts.js';
import { suppressGroups } from './suppression.js';
import { questionTable, type TTableRow } from './table.js';

/** One group's answers to the question: its key, how many answered, and the count per option. */
export interface TBreakdownGroup {
  key: string;
  n: number;
  counts: TOptionCounts;
}

export interface TBreakdownTableInput {
  question: TChoiceQuestion;
  /** The columns, in the order they are to be shown (the background question's option order). */
  groups: readonly TBreakdownGroup[];
  /** Answers from people who skipped the background question. */
  unassigned: number;
  minGroup: number;
}

/** A group that may be shown, with its table; percentages are of the group's own n. */
export interface TShownColumn {
  key: string;
  suppressed: false;
  n: number;
  rows: TTableRow[];
}

/** A group that is withheld: by design it carries nothing but its key. */
export interface TSuppressedColumn {
  key: string;
  suppressed: true;
}

export type TBreakdownColumn = TShownColumn | TSuppressedColumn;

export interface TBreakdownTable {
  questionId: string;
  columns: TBreakdownColumn[];
}

/** A question broken down by a background question, small groups (and their complements) withheld. */
export function breakdownTable({ question, groups, unassigned, minGroup }: TBreakdownTableInput): TBreakdownTable {
  const suppressed = suppressGroups({ minGroup, groups, unassigned });
  const columns = groups.map(({ key, n, counts }): TBreakdownColumn => {
    // Checked even when withheld, so bad input fails the same way whatever the group sizes.
    const { rows } = questionTable({ question, counts, answered: n });
    return suppressed.has(key) ? { key, suppressed: true } : { key, suppressed: false, n, rows };
  });
  return { questionId: question.id, columns };
}
