import {
  AGREEMENT_BASE_LABELS,
  agreementSummary,
  canShowGroup,
  marginOfError,
  percent,
  questionTable,
  type TDisclosureDecision,
} from '@enkat/results';
import {
  NO_ANSWER_GROUP_KEY,
  NO_ANSWER_GROUP_LABELS,
  type TAgreementFigures,
  type TChoiceQuestion,
  type TChoiceQuestionResult,
  type TLanguage,
} from '@enkat/survey-schema';

/** What was counted for one question (or one group's answers to it). */
export type TQuestionCounts = { counts: ReadonlyMap<string, number>; answered: number };

export interface TChoiceResultInput {
  question: TChoiceQuestion;
  counts: TQuestionCounts;
  minGroup: number;
  /** Everyone who could have answered, for the finite-population correction; null if unknown. */
  population: number | null;
  language: TLanguage;
  /**
   * The background question, each of its groups' counts (by option id), and how many skipped
   * it (their group, "Ej svar", is the rest of the question's counts), or null.
   */
  breakdown: { question: TChoiceQuestion; groups: ReadonlyMap<string, TQuestionCounts>; skipped: number } | null;
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

/** Those who answered the question but skipped the background question: the counts less every group's. */
function skippedGroup(counts: TQuestionCounts, groups: ReadonlyMap<string, TQuestionCounts>): TQuestionCounts {
  const rest = new Map(counts.counts);
  let answered = counts.answered;
  for (const group of groups.values()) {
    answered -= group.answered;
    for (const [option, n] of group.counts) rest.set(option, (rest.get(option) ?? 0) - n);
  }
  return { counts: rest, answered };
}

function columnsOf(
  question: TChoiceQuestion,
  { language, decision, counts }: TChoiceResultInput,
  breakdown: NonNullable<TChoiceResultInput['breakdown']>,
): NonNullable<TChoiceFigures['breakdown']> {
  const by = breakdown.question.id;
  const groups = breakdown.question.options.map((option) => ({
    key: option.id,
    label: option.label,
    group: breakdown.groups.get(option.id) ?? { counts: new Map<string, number>(), answered: 0 },
  }));
  // Nobody skipped the background question: no group of them, not even an empty one.
  if (breakdown.skipped > 0) {
    groups.push({
      key: NO_ANSWER_GROUP_KEY,
      label: NO_ANSWER_GROUP_LABELS[language],
      group: skippedGroup(counts, breakdown.groups),
    });
  }
  return groups.map(({ key, label, group }) => {
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
