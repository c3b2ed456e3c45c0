import {
  AGREEMENT_BASE_LABELS,
  agreementSummary,
  canShowGroup,
  marginOfError,
  percent,
  questionTable,
  type TDisclosureDecision,
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
  /** The wave's disclosure-control decision: which counts are hidden, and why. */
  decision: TDisclosureDecision;
}

type TChoiceFigures = Pick<TChoiceQuestionResult, 'type' | 'withheld' | 'table' | 'agreement' | 'breakdown'>;

/**
 * The results of one choice, agreement, background or multiple-choice question: the table in
 * the question's option order with a margin for every percentage, the combined agreement
 * figures on both bases, and the breakdown, every count hidden that the wave's decision hides
 * (a background question's small answers, whole groups, single cells), with the reason.
 * A question fewer than the minimum group answered is withheld whole.
 */
export function choiceResult(input: TChoiceResultInput): TChoiceFigures {
  const { question, counts, minGroup, population, language, breakdown, decision } = input;
  if (!canShowGroup(counts.answered, minGroup)) {
    return { type: question.type, withheld: 'too_few_answers', table: null, agreement: null, breakdown: null };
  }
  if (question.type === 'background' && decision.withheld(question.id)) {
    return { type: question.type, withheld: 'protects_small_group', table: null, agreement: null, breakdown: null };
  }
  const table = questionTable({ question, counts: counts.counts, answered: counts.answered });
  const own = (optionId: string) => (question.type === 'background' ? decision.own(question.id, optionId) : null);
  return {
    type: question.type,
    withheld: null,
    table: {
      total: table.total,
      rows: table.rows.map((row) => {
        const hidden = own(row.optionId);
        return hidden
          ? { ...row, count: null, percent: null, margin: null, hidden }
          : { ...row, ...share(row.count, table.total, population), hidden: null };
      }),
    },
    agreement: question.type === 'agreement' ? agreementOf(question, counts, population, language) : null,
    breakdown: breakdown && breakdown.question.id !== question.id ? columnsOf(question, input, breakdown) : null,
  };
}

function columnsOf(
  question: TChoiceQuestion,
  { language, decision }: TChoiceResultInput,
  breakdown: NonNullable<TChoiceResultInput['breakdown']>,
): NonNullable<TChoiceFigures['breakdown']> {
  const by = breakdown.question.id;
  return breakdown.question.options.map((option) => {
    const group = breakdown.groups.get(option.id) ?? { counts: new Map<string, number>(), answered: 0 };
    const { key, label } = { key: option.id, label: option.label };
    // Checked even when hidden, so bad counts fail the same way whatever is hidden.
    const { rows } = questionTable({ question, counts: group.counts, answered: group.answered });
    const reason = decision.column(question.id, by, key);
    if (reason) return { key, label, suppressed: true, reason };
    const cellOf = (optionId: string) =>
      question.type === 'background' ? decision.cell(question.id, optionId, by, key) : null;
    return {
      key,
      label,
      suppressed: false,
      n: group.answered,
      rows: rows.map(({ optionId, count, percent }) => {
        const hidden = cellOf(optionId);
        return hidden ? { optionId, count: null, percent: null, hidden } : { optionId, count, percent, hidden: null };
      }),
      // A group is a subset of unknown size of the population: no correction.
      agreement: question.type === 'agreement' ? agreementOf(question, group, null, language) : null,
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
