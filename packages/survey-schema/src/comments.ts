import { z } from 'zod';
import { type ZLanguage, ZStableId } from './question-set.js';
import { ZMultilineText, ZText } from './text.js';

/** What a redacted comment or span is replaced by, in the survey's language. */
export const REDACTION_MARKER = { sv: '[borttaget]', en: '[removed]' } as const satisfies Record<
  z.infer<typeof ZLanguage>,
  string
>;

export const ZCommentParams = z.strictObject({ id: z.uuid(), questionId: ZStableId });

export const ZListCommentsQuery = z.strictObject({
  /** 1: mark what looks like personal data, for an editor to redact before publishing. */
  flag: z.enum(['0', '1']).optional(),
});

export const ZPersonalDataKind = z.enum(['email', 'phone', 'personnummer', 'name']);
export type TPersonalDataKind = z.infer<typeof ZPersonalDataKind>;

/** A stretch of a comment that may be personal data: [start, end) in UTF-16 code units. */
export const ZPersonalDataSpan = z.object({
  kind: ZPersonalDataKind,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type TPersonalDataSpan = z.infer<typeof ZPersonalDataSpan>;

/**
 * One free-text answer, without anything about who wrote it or when. `id` is the comment's
 * own random handle for redaction; it leads to nothing else.
 */
export const ZComment = z.object({
  id: z.uuid(),
  text: z.string(),
  flags: z.array(ZPersonalDataSpan).optional(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZListCommentsResponse = z.object({
  questionId: z.string(),
  text: z.string(),
  writers: z.number().int().min(0),
  freeTextMinGroup: z.number().int(),
  /** Why no comments are listed: too few responses in the wave, too few wrote, or the wave is still open. */
  withheld: z.enum(['too_few_responses', 'too_few_writers', 'wave_open']).nullable(),
  /** In a new random order on every request. */
  comments: z.array(ZComment),
});
export type TListCommentsResponse = z.infer<typeof ZListCommentsResponse>;

/** Redact a whole comment, or only `span`, which must still read `text` (else 409). */
export const ZRedactCommentRequest = z.strictObject({
  comment: z.uuid(),
  span: z
    .strictObject({
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      text: ZMultilineText.min(1).max(10_000),
    })
    .refine((span) => span.end - span.start === span.text.length, {
      message: 'end − start must be the length of text',
      path: ['end'],
    })
    .optional(),
});
export type TRedactCommentRequest = z.infer<typeof ZRedactCommentRequest>;

/** Names (staff, clients, places) that the personal-data flag should find in this wave's comments. */
export const ZRedactionNames = z.object({ names: z.array(z.string()) });

export const ZSaveRedactionNamesRequest = z.strictObject({
  names: z.array(ZText.trim().min(2).max(200)).max(1000),
});
