import { z } from 'zod';
import { ZLanguage, ZStableId } from './question-set.js';
import { ZWaveState } from './wave.js';

/**
 * The results of a wave as the API gives them: numbers only (the pages and exports format
 * them), already counted, rounded and suppressed by the server. A percentage is count / base,
 * rounded half up to one decimal; a margin is the 95 % margin of error of that percentage in
 * percentage points, unrounded, with the finite-population correction when the population is
 * known. Null where there is no base.
 */

export const ZResultsQuery = z.strictObject({
  /** A background question of the wave to break every table down by. */
  breakdown: ZStableId.optional(),
  /** The language of the labels the server adds (agreement bases); default the survey's. */
  lang: ZLanguage.optional(),
});
export type TResultsQuery = z.infer<typeof ZResultsQuery>;

const ZCount = z.number().int().min(0);

/**
 * Why a count is hidden (the wave's one disclosure-control decision, see @enkat/results):
 * `small_group`: fewer than the minimum group ("färre än 5 svar"); `protects_small_group`:
 * hidden so that a small group cannot be worked out from the rest ("dold för att skydda en
 * liten grupp").
 */
export const ZHiddenReason = z.enum(['small_group', 'protects_small_group']);
export type THiddenReason = z.infer<typeof ZHiddenReason>;
const ZPercent = z.number().min(0).nullable();
const ZMargin = z.number().min(0).nullable();

/**
 * One line of a table: Alternativ (label), Värden (count), Procent (percent of Totalt). In a
 * background question's own table a line can be hidden: then count, percent and margin are null.
 */
export const ZResultRow = z.object({
  optionId: z.string(),
  label: z.string(),
  role: z.enum(['scale', 'choice', 'dont_know', 'refused']),
  count: ZCount.nullable(),
  percent: ZPercent,
  margin: ZMargin,
  hidden: ZHiddenReason.nullable(),
});

/** A question's table; `total` is the printed "Totalt", the number who answered the question. */
export const ZResultTable = z.object({ total: ZCount, rows: z.array(ZResultRow) });

export const ZShareResult = z.object({ count: ZCount, percent: ZPercent, margin: ZMargin });

/** Agree (top two scale points) and disagree (bottom two) over one base, the base named. */
export const ZAgreementFigures = z.object({
  base: z.enum(['all_answers', 'scale_answers']),
  label: z.string(),
  total: ZCount,
  agree: ZShareResult,
  disagree: ZShareResult,
});
export type TAgreementFigures = z.infer<typeof ZAgreementFigures>;

export const ZAgreementResult = z.object({
  agreeOptionIds: z.array(z.string()),
  disagreeOptionIds: z.array(z.string()),
  /** Left out of the `scaleAnswers` base: "Vet ej", "Vill inte svara". */
  excludedOptionIds: z.array(z.string()),
  allAnswers: ZAgreementFigures,
  scaleAnswers: ZAgreementFigures,
});
export type TAgreementResult = z.infer<typeof ZAgreementResult>;

/**
 * The key of the last group of every breakdown: those who answered the question but skipped the
 * breakdown's background question ("Ej svar"), a group like the others, as small groups hidden.
 * Option ids begin with a letter or digit, so none can be this key. There is no such group when
 * nobody skipped the background question.
 */
export const NO_ANSWER_GROUP_KEY = '_no_answer';
export const NO_ANSWER_GROUP_LABELS = { sv: 'Ej svar', en: 'No answer' } as const;

/** A group of a breakdown that may be shown; percentages are of the group's own n. */
export const ZShownGroupColumn = z.object({
  key: z.string(),
  label: z.string(),
  suppressed: z.literal(false),
  n: ZCount,
  /** A cell of a background question broken down by another can be hidden on its own (count null). */
  rows: z.array(
    z.object({ optionId: z.string(), count: ZCount.nullable(), percent: ZPercent, hidden: ZHiddenReason.nullable() }),
  ),
  agreement: z.object({ allAnswers: ZAgreementFigures, scaleAnswers: ZAgreementFigures }).nullable(),
});

/** A withheld group ("färre än 5 svar"): by design nothing but which group it is, and why. */
export const ZSuppressedGroupColumn = z.object({
  key: z.string(),
  label: z.string(),
  suppressed: z.literal(true),
  reason: ZHiddenReason,
});

export const ZGroupColumn = z.discriminatedUnion('suppressed', [ZShownGroupColumn, ZSuppressedGroupColumn]);
export type TGroupColumn = z.infer<typeof ZGroupColumn>;

const ZQuestionResultBase = z.object({
  questionId: z.string(),
  text: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string().nullable(),
  /** The previous wave of the series if this question's wording differs from it, else null. */
  wordingChangedSince: z.string().nullable(),
});

/**
 * A choice, agreement, background or multiple-choice question. When fewer than the minimum
 * group answered it, it is withheld: no table, no figures, no breakdown; so is a background
 * question whose small groups no hiding of single lines could protect.
 */
export const ZChoiceQuestionResult = ZQuestionResultBase.extend({
  type: z.enum(['single_choice', 'agreement', 'background', 'multiple_choice']),
  withheld: z.enum(['too_few_answers', 'protects_small_group']).nullable(),
  table: ZResultTable.nullable(),
  /** Agreement questions only. */
  agreement: ZAgreementResult.nullable(),
  /**
   * One column per group of the breakdown question, in its option order, then those who skipped
   * it (NO_ANSWER_GROUP_KEY) if anyone did; null without a breakdown.
   */
  breakdown: z.array(ZGroupColumn).nullable(),
});
export type TChoiceQuestionResult = z.infer<typeof ZChoiceQuestionResult>;

/** A free-text question: how many wrote, and whether their comments may be listed. */
export const ZFreeTextQuestionResult = ZQuestionResultBase.extend({
  type: z.literal('free_text'),
  writers: ZCount,
  commentsShown: z.boolean(),
});

export const ZQuestionResult = z.discriminatedUnion('type', [ZChoiceQuestionResult, ZFreeTextQuestionResult]);
export type TQuestionResult = z.infer<typeof ZQuestionResult>;

export const ZResultsWave = z.object({
  id: z.uuid(),
  name: z.string(),
  state: ZWaveState,
  series: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  /** The language the survey is written in. */
  language: ZLanguage,
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
});

/** Who answered out of whom: the base of the response rate and of the population correction. */
export const ZResultsPopulation = z.object({
  /** The number invited, as the editor entered it. */
  invited: ZCount.nullable(),
  /** Codes that could admit a response (issued, less revoked unused ones); null without codes. */
  codesIssued: ZCount.nullable(),
  /** The population used: codes issued when the wave uses codes, else the number invited. */
  size: ZCount.nullable(),
});

/**
 * Codes issued after answering began (padding: invented answers with them could make a small
 * group look big enough), per batch with who issued them; shown with the results and in every
 * export's header lines. count 0 when there are none.
 */
export const ZLateCodes = z.object({
  count: ZCount,
  batches: z.array(z.object({ count: ZCount, issuedOn: z.iso.date(), issuedBy: z.string().nullable() })),
});
export type TLateCodes = z.infer<typeof ZLateCodes>;

export const ZGetWaveResultsResponse = z.object({
  wave: ZResultsWave,
  /** The language of the labels in this answer. */
  language: ZLanguage,
  responses: ZCount,
  population: ZResultsPopulation,
  /** Responses in per cent of the population; null when it is unknown. */
  responseRate: ZPercent,
  /** The margin of error of a 50 % answer from all responses (the widest), in percentage points. */
  marginOfError: ZMargin,
  minGroupSize: z.number().int(),
  freeTextMinGroup: z.number().int(),
  lateCodes: ZLateCodes,
  /** Set when the wave has fewer responses than the minimum group: then there are no questions. */
  withheld: z.enum(['too_few_responses']).nullable(),
  breakdown: z
    .object({
      questionId: z.string(),
      text: z.string(),
      /** The breakdown question's options, then NO_ANSWER_GROUP_KEY if anyone skipped it. */
      groups: z.array(z.object({ key: z.string(), label: z.string() })),
    })
    .nullable(),
  questions: z.array(ZQuestionResult),
});
export type TWaveResults = z.infer<typeof ZGetWaveResultsResponse>;

export const ZTrendQuery = ZResultsQuery.pick({ lang: true });

/** A change between two waves in percentage points, and whether it exceeds the combined margin. */
export const ZTrendChange = z.object({ difference: z.number(), margin: z.number().min(0), significant: z.boolean() });

/** One question in one wave; `available` false when the wave lacks it, withholds it or nobody answered it. */
export const ZTrendPoint = z.object({
  waveId: z.uuid(),
  available: z.boolean(),
  /** Answered the question (Totalt). */
  n: ZCount.nullable(),
  wordingChangedSince: z.string().nullable(),
  options: z.array(ZShareResult.extend({ optionId: z.string() })),
  agreement: z.object({ allAnswers: ZAgreementFigures, scaleAnswers: ZAgreementFigures }).nullable(),
});

/** From one wave to the next where both have the question; null changes lack a base. */
export const ZTrendStep = z.object({
  fromWaveId: z.uuid(),
  toWaveId: z.uuid(),
  wordingChanged: z.boolean(),
  options: z.array(z.object({ optionId: z.string(), change: ZTrendChange.nullable() })),
  agreement: z.object({ allAnswers: ZTrendChange.nullable(), scaleAnswers: ZTrendChange.nullable() }).nullable(),
});

export const ZTrendQuestion = z.object({
  questionId: z.string(),
  type: ZChoiceQuestionResult.shape.type,
  /** Its number on the results page of the latest wave that has it (every question counted, free text too). */
  number: z.int().positive(),
  /** Wording and options as in the latest wave that has the question. */
  text: z.string(),
  options: z.array(z.object({ optionId: z.string(), label: z.string() })),
  /** One per wave, in the order of `waves`. */
  points: z.array(ZTrendPoint),
  steps: z.array(ZTrendStep),
});

export const ZTrendWave = z.object({
  id: z.uuid(),
  name: z.string(),
  state: ZWaveState,
  responses: ZCount.nullable(),
  marginOfError: ZMargin,
  /** Why a wave shows no figures: results not released yet, or fewer responses than the minimum group. */
  withheld: z.enum(['not_released', 'too_few_responses']).nullable(),
});

export const ZGetSeriesTrendResponse = z.object({
  series: z.object({ id: z.uuid(), name: z.string() }),
  language: ZLanguage,
  /** The published waves, oldest first. */
  waves: z.array(ZTrendWave),
  questions: z.array(ZTrendQuestion),
});
export type TSeriesTrend = z.infer<typeof ZGetSeriesTrendResponse>;
