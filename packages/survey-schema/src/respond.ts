import { z } from 'zod';
import { ZMailingMode } from './mailing.js';
import { ZLanguage, ZQuestionSet } from './question-set.js';
import { ZText } from './text.js';
import { ZAccessMode } from './wave.js';

/** The short random part of a wave's respondent address, /s/<slug>. */
export const ZWaveSlug = z.string().regex(/^[a-z0-9]{4,32}$/, 'Not a survey address');
export const ZSlugParams = z.strictObject({ slug: ZWaveSlug });

/** Whether a published wave takes answers right now. */
export const ZAnsweringStatus = z.enum(['open', 'not_yet_open', 'closed']);
export type TAnsweringStatus = z.infer<typeof ZAnsweringStatus>;

/** What a respondent's page needs to know about a published wave. */
export const ZRespondentWave = z.object({
  slug: ZWaveSlug,
  title: z.string(),
  language: ZLanguage,
  status: ZAnsweringStatus,
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  accessMode: ZAccessMode,
  minGroupSize: z.number().int(),
  freeTextMinGroup: z.number().int(),
  anonymityNote: z.string(),
  /** How respondents were invited by e-mail, if they were: the statement says what that means. */
  mailingMode: ZMailingMode.nullable().optional(),
  /** Only while the wave is open. */
  questionSet: ZQuestionSet.nullable(),
});
export type TRespondentWave = z.infer<typeof ZRespondentWave>;

/** An invitation code as typed: letters and digits, any case, with or without dashes and spaces. */
export const ZTypedCode = ZText.trim().min(1).max(40);

export const ZCodeCheckRequest = z.strictObject({ code: ZTypedCode });

/** One complete, anonymous answer set. The idempotency key is made by the form, once. */
export const ZSubmitResponseRequest = z.strictObject({
  idempotencyKey: z.uuid(),
  code: ZTypedCode.optional(),
  answers: z.record(ZText.max(64), z.unknown()),
});
export type TSubmitResponseRequest = z.infer<typeof ZSubmitResponseRequest>;

export const ZSubmitResponseResult = z.object({ status: z.literal('accepted') });

/**
 * Why a code or a submission was refused, for the respondent's page to say in its language.
 * The HTTP status carries the class (404 unknown, 409 used, 403 not for this wave, 422 typo).
 */
export const ZRespondentProblem = z.enum([
  'survey_not_found',
  'survey_not_yet_open',
  'survey_closed',
  'code_required',
  'code_malformed',
  'code_unknown',
  'code_other_survey',
  'code_revoked',
  'code_used',
  'answers_invalid',
  'receipt_mismatch',
]);
export type TRespondentProblem = z.infer<typeof ZRespondentProblem>;
