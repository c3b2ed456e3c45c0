import type { TChoiceQuestion, TLanguage } from '@enkat/survey-schema';
import { countsInOptionOrder, type TOptionCounts } from './counts.js';
import { percent } from './percent.js';

type TAgreementQuestion = Extract<TChoiceQuestion, { type: 'agreement' }>;

/** The base of a combined figure: everyone who answered, or only those who chose a scale point. */
export type TAgreementBase = 'all_answers' | 'scale_answers';

/** How each base is named next to its figures. */
export const AGREEMENT_BASE_LABELS = {
  sv: { all_answers: 'Andel av alla som svarade', scale_answers: 'Andel av dem som tog ställning (utan Vet ej)' },
  en: {
    all_answers: 'Share of all who answered',
    scale_answers: 'Share of those who took a position (without Don’t know)',
  },
} as const satisfies Record<TLanguage, Record<TAgreementBase, string>>;

/** A count and its percentage of one base. */
export interface TShare {
  count: number;
  percent: number | null;
}

/** Agree and disagree over one base, with the base named and sized. */
export interface TAgreementFigures {
  base: TAgreementBase;
  total: number;
  agree: TShare;
  disagree: TShare;
}

export interface TAgreementSummary {
  questionId: string;
  /** The top scale points (position 1 = full agreement, as in the presets). */
  agreeOptionIds: string[];
  disagreeOptionIds: string[];
  /** Leaving these out of the base gives `scaleAnswers` ("Vet ej", "Vill inte svara"). */
  excludedOptionIds: string[];
  allAnswers: TAgreementFigures;
  scaleAnswers: TAgreementFigures;
}

export interface TAgreementSummaryInput {
  question: TAgreementQuestion;
  counts: TOptionCounts;
  answered: number;
}

/**
 * Combined figures for an agreement question: agree = the two first scale points, disagree = the
 * two last, each over both bases. A scale of two or three points combines one point per side, so
 * the two sides never share a point and a middle point counts for neither.
 */
export function agreementSummary({ question, counts, answered }: TAgreementSummaryInput): TAgreementSummary {
  const ordered = countsInOptionOrder(question, counts, answered);
  const countOf = new Map(question.options.map((option, i) => [option.id, ordered[i] ?? 0]));
  const sum = (ids: string[]) => ids.reduce((total, id) => total + (countOf.get(id) ?? 0), 0);

  const scale = question.options
    .flatMap((o) => (o.role === 'scale' ? [o] : []))
    .sort((a, b) => a.position - b.position);
  const perSide = Math.min(2, Math.floor(scale.length / 2));
  const agreeOptionIds = scale.slice(0, perSide).map((o) => o.id);
  const disagreeOptionIds = scale.slice(scale.length - perSide).map((o) => o.id);
  const excludedOptionIds = question.options.filter((o) => o.role !== 'scale').map((o) => o.id);

  const figures = (base: TAgreementBase, total: number): TAgreementFigures => ({
    base,
    total,
    agree: { count: sum(agreeOptionIds), percent: percent(sum(agreeOptionIds), total) },
    disagree: { count: sum(disagreeOptionIds), percent: percent(sum(disagreeOptionIds), total) },
  });
  return {
    questionId: question.id,
    agreeOptionIds,
    disagreeOptionIds,
    excludedOptionIds,
    allAnswers: figures('all_answers', answered),
    scaleAnswers: figures('scale_answers', answered - sum(excludedOptionIds)),
  };
}
