import {
  AGREEMENT_BASE_LABELS,
  agreementSummary,
  breakdownTable,
  canShowGroup,
  marginOfError,
  percent,
  questionTable,
} from '@enkat/results';
import type { TAgreementFigures, TChoiceQuestion, TChoiceQuestionResult, TLanguage } from '@enkat/survey-schema';

/** What was counted for one question (or one group's answers to it). */
export type TQuestionCounts = { counts: ReadonlyMap<string, number>; answered: number };

export interface TChoiceResultInput {
  question: TChoiceQuestion;
  counts: TQuestionCounts;
  minGroup: number;
  /** Everyone who could have answered, for the finite-population correction; null if unknown. */
  population: number | null;
  language: TLanguage;
  /** The background question and each of its groups' counts (by option id), or null. */
  breakdown: { question: TChoiceQuestion; groups: ReadonlyMap<string, TQuestionCounts> } | null;
}

type TChoiceFigures = Pick<TChoiceQuestionResult, 'type' | 'withheld' | 'table' | 'agreement' | 'breakdown'>;

/**
 * The results of one choice, agreement, background or multiple-choice question: the table in
 * the question's option order with a margin for every percentage, the combined agreement
 * figures on both bases, and the breakdown with small groups (and their complements) withheld.
 * A question fewer than the minimum group answered is withheld whole.
 */
export function choiceResult(input: TChoiceResultInput): TChoiceFigures {
  const { question, counts, minGroup, population, language, breakdown } = input;
  if (!canShowGroup(counts.answered, minGroup)) {
    return { type: question.type, withheld: 'too_few_answers', table: null, agreement: null, breakdown: null };
  }
  const table = questionTable({ question, counts: counts.counts, answered: counts.answered });
  return {
    type: question.type,
    withheld: null,
    table: {
      total: table.total,
      rows: table.rows.map((row) => ({ ...row, ...share(row.count, table.total, population) })),
    },
    agreement: question.type === 'agreement' ? agreementOf(question, counts, population, language) : null,
    breakdown:
      breakdown && breakdown.question.id !== question.id ? columnsOf(question, counts, input, breakdown) : null,
  };
}

function columnsOf(
  question: TChoiceQuestion,
  counts: TQuestionCounts,
  { minGroup, language }: TChoiceResultInput,
  breakdown: NonNullable<TChoiceResultInput['breakdown']>,
): NonNullable<TChoiceFigures['breakdown']> {
  const groups = breakdown.question.options.map((option) => {
    const group = breakdown.groups.get(option.id);
    return { key: option.id, label: option.label, n: group?.answered ?? 0, counts: group?.counts ?? new Map() };
  });
  const assigned = groups.reduce((sum, group) => sum + group.n, 0);
  const { columns } = breakdownTable({ question, groups, unassigned: counts.answered - assigned, minGroup });
  return columns.map((column, i) => {
    const group = groups[i];
    const label = group?.label ?? column.key;
    if (column.suppressed || !group) return { key: column.key, label, suppressed: true };
    return {
      key: column.key,
      label,
      suppressed: false,
      n: column.n,
      rows: column.rows.map(({ optionId, count, percent }) => ({ optionId, count, percent })),
      // A group is a subset of unknown size of the population: no correction.
      agreement:
        question.type === 'agreement'
          ? agreementOf(question, { counts: group.counts, answered: group.n }, null, language)
          : null,
    };
  });
}

function agreementOf(
  question: Extract<TChoiceQuestion, { type: 'agreement' }>,
  { counts, answered }: TQuestionCounts,
  population: number | null,
  language: TLanguage,
) {
  const summary = agreementSummary({ question, counts, answered });
  const figures = (f: typeof summary.allAnswers): TAgreementFigures => ({
    base: f.base,
    label: AGREEMENT_BASE_LABELS[language][f.base],
    total: f.total,
    agree: share(f.agree.count, f.total, population),
    disagree: share(f.disagree.count, f.total, population),
  });
  return {
    agreeOptionIds: summary.agreeOptionIds,
    disagreeOptionIds: summary.disagreeOptionIds,
    excludedOptionIds: summary.excludedOptionIds,
    allAnswers: figures(summary.allAnswers),
    scaleAnswers: figures(summary.scaleAnswers),
  };
}

/** A count as a percentage of its base, with the 95 % margin of that percentage. */
export function share(count: number, total: number, population: number | null) {
  return {
    count,
    percent: percent(count, total),
    margin:
      total === 0
        ? null
        : marginOfError({
            p: count / total,
            n: total,
            population: population !== null && population >= total ? population : null,
          }),
  };
}
